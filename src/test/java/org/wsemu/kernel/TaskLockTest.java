package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * No trace sink runs on a thread that holds a task lock: what it emits meanwhile is delivered when
 * it releases the outermost hold, or by another thread, never while the lock is held; a condition
 * wait neither keeps the events stuck nor lets the woken thread deliver.
 */
class TaskLockTest {
  private final Trace trace = new Trace(() -> 0);
  private final TaskLock lock = new TaskLock(trace);
  private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

  TaskLockTest() {
    trace.addSink(event -> delivered.add(event.name() + (lock.isHeldByCurrentThread() ? " under the lock" : "")));
  }

  @Test
  void theOutermostReleaseDeliversWhatWasEmittedUnderTheLock() {
    lock.lock();
    lock.lock();
    emit("switch");
    lock.unlock();
    assertEquals(List.of(), delivered);
    lock.unlock();
    assertEquals(List.of("switch"), delivered);
  }

  @Test
  void tryLockDefersLikeLock() throws Exception {
    assertTrue(lock.tryLock());
    assertTrue(lock.tryLock(1, TimeUnit.SECONDS));
    lock.lockInterruptibly();
    emit("clock");
    lock.unlock();
    lock.unlock();
    assertEquals(List.of(), delivered);
    lock.unlock();
    assertEquals(List.of("clock"), delivered);
  }

  @Test
  @Timeout(10)
  void aThreadWaitingOnTheLocksConditionLeavesItsEventsToOthersAndDeliversNothingWhenWoken() throws Exception {
    Condition signal = lock.newCondition();
    CountDownLatch parked = new CountDownLatch(1);
    boolean[] go = {false};
    Thread waiter = new Thread(() -> {
      lock.lock();
      try {
        emit("before the wait");
        parked.countDown();
        while (!go[0]) {
          signal.awaitUninterruptibly();
        }
        emit("woken");
        trace.flush(); // still holding the lock: delivers nothing
        emit("still holding");
      } finally {
        lock.unlock();
      }
    });
    waiter.start();
    parked.await();
    lock.lock(); // the waiter is parked: the lock is free
    try {
      go[0] = true;
      signal.signal();
    } finally {
      lock.unlock(); // this thread delivers what the parked one emitted
    }
    assertEquals("before the wait", delivered.get(0), "delivered by the thread that released the lock");
    waiter.join();
    assertEquals(List.of("before the wait", "woken", "still holding"), delivered);
  }

  private void emit(String name) {
    trace.event(TraceKind.NOTE, "-", name).emit();
  }
}
