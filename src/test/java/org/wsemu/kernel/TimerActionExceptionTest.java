package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.UserWiring;

/**
 * Timer actions (USER timers, deadlines, the network's packets, lookups) run at the emulator's
 * callback boundary: one that throws is traced and reported with no task, and neither the timer
 * thread nor the task whose switch ran the virtual queue is hurt.
 */
@Timeout(20)
class TimerActionExceptionTest {
  private final TraceRecorder trace = new TraceRecorder();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final CallbackExceptionHandler recording = (task, callback, error) ->
      handled.add((task == null ? "-" : task.name()) + " | " + callback + " | " + error.getMessage());

  /**
   * A kernel with USER on it, wired as an emulator wires them (the emulator does not hand out its
   * kernel), so that a test can schedule timer actions on it directly.
   */
  private static final class Machine implements AutoCloseable {
    final Kernel kernel;
    final User user;

    Machine(SchedulingMode mode, Clock clock, CallbackExceptionHandler handler, TraceRecorder recorder) {
      Trace trace = new Trace(clock::millis);
      trace.addSink(recorder);
      ThreadFactory daemons = body -> {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        return thread;
      };
      kernel = new Kernel(new Kernel.Config("timer-actions", mode, clock, daemons, 64, 1, handler,
          Duration.ofSeconds(2)), trace);
      user = UserWiring.install(kernel, 10_000);
    }

    /** Runs one task to completion and returns its exit code; a failure of the body fails the caller. */
    int run(TaskBody body) throws Exception {
      Task task = kernel.createTask("main", body);
      kernel.start();
      return Emus.join(task);
    }

    @Override
    public void close() {
      assertTrue(kernel.shutdown(), "every task thread ended");
    }
  }

  private List<String> exceptions() {
    return trace.events(e -> e.kind() == TraceKind.EXCEPTION).stream()
        .map(e -> e.task() + " " + e.name() + " @" + e.time()).toList();
  }

  @Test
  void aVirtualTimerActionThatThrowsIsReportedNotThrownIntoTheTaskWhoseSwitchRanIt() throws Exception {
    try (Machine machine = new Machine(SchedulingMode.WIN16, Clock.virtual(), recording, trace)) {
      User user = machine.user;
      Kernel kernel = machine.kernel;
      int exit = machine.run(() -> {
        int me = user.GetCurrentTask();
        kernel.schedule(10, () -> {
          throw new IllegalStateException("bad action");
        });
        kernel.schedule(20, () -> user.PostAppMessage(me, WM_USER, 20, 0));
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0)); // the queue runs while this task waits
        assertEquals(List.of(WM_USER, 20, 20), List.of(msg.message, msg.wParam, user.GetTickCount()));
        return 7;
      });
      assertEquals(7, exit);
    }
    assertEquals(List.of("- | timer action | bad action"), handled);
    assertEquals(List.of("- timer action @10"), exceptions());
  }

  @Test
  void aRealTimerActionThatThrowsIsReportedAndTheTimerThreadRunsTheNextOne() throws Exception {
    CountDownLatch next = new CountDownLatch(1);
    try (Machine machine = new Machine(SchedulingMode.WIN32, Clock.system(), recording, trace)) {
      Kernel kernel = machine.kernel;
      long now = kernel.clock().millis();
      kernel.schedule(now, () -> {
        throw new IllegalStateException("bad action");
      });
      kernel.schedule(now + 5, next::countDown);
      assertTrue(next.await(10, TimeUnit.SECONDS), "the timer thread goes on");
    }
    assertEquals(List.of("- | timer action | bad action"), handled);
    assertEquals(1, exceptions().size());
  }

  @Test
  void aHandlerThatRethrowsForATimerActionIsLoggedAndTheQueueGoesOn() throws Exception {
    try (Machine machine = new Machine(SchedulingMode.WIN16, Clock.virtual(), CallbackExceptionHandler.rethrow(), trace)) {
      User user = machine.user;
      Kernel kernel = machine.kernel;
      assertEquals(0, machine.run(() -> {
        int me = user.GetCurrentTask();
        kernel.schedule(10, () -> {
          throw new IllegalStateException("bad action");
        });
        kernel.schedule(10, () -> user.PostAppMessage(me, WM_USER, 0, 0));
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
        return 0;
      }));
    }
    assertEquals(List.of("- timer action @10"), exceptions());
  }
}
