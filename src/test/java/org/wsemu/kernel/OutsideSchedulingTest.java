package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceRecorder;

/**
 * A thread outside the emulator's tasks that schedules on the Win16 scheduler with a virtual clock
 * only enqueues: the actions due run on a task's thread, which moves time on when every task waits,
 * never on the caller's, which may hold a lock they take.
 */
@Timeout(20)
class OutsideSchedulingTest {

  @Test
  void anActionDueNowRunsOnAWaitingTasksThreadNotOnTheCallerHoldingItsLock() throws Exception {
    Clock clock = Clock.virtual();
    Trace trace = new Trace(clock::millis);
    TraceRecorder recorder = new TraceRecorder();
    trace.addSink(recorder);
    Kernel kernel = new Kernel(new Kernel.Config("outside", SchedulingMode.WIN16, clock, Thread::new, 64, 1,
        CallbackExceptionHandler.logAndContinue(), Duration.ofSeconds(2)), trace);
    boolean[] done = {false};
    Task task = kernel.createTask("waiter", () -> {
      KernelTask me = kernel.current();
      me.await(() -> done[0], KernelTask.NO_DEADLINE, "wait", null);
      return (int) kernel.clock().millis();
    });
    kernel.start();
    KernelTask waiter = kernel.task(task.handle());
    Awaitility.await().until(() -> blocked(waiter)); // parked: every task waits
    Object callersLock = new Object();
    AtomicReference<String> ranOn = new AtomicReference<>();
    synchronized (callersLock) {
      kernel.schedule(kernel.clock().millis() + 30, () -> {
        synchronized (callersLock) { // taken by the action: it waits until the caller lets go
          ranOn.set(Thread.currentThread().getName());
        }
        waiter.lock().lock();
        try {
          done[0] = true;
          waiter.changed();
        } finally {
          waiter.lock().unlock();
        }
      });
      assertNull(ranOn.get(), "nothing ran on the caller's thread");
    }
    assertEquals(30, Emus.join(task), "time moved on to the action when every task waited");
    assertTrue(ranOn.get().contains("waiter"), "ran on the task's thread: " + ranOn.get());
    assertTrue(kernel.shutdown());
  }

  private static boolean blocked(KernelTask task) {
    task.lock().lock();
    try {
      return task.state == RunState.BLOCKED;
    } finally {
      task.lock().unlock();
    }
  }
}
