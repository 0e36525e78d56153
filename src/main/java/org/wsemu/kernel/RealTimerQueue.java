package org.wsemu.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsemu.internal.GuardedBy;
import org.wsemu.task.OpenResources;
import org.wsemu.time.SystemClock;

/**
 * The timer queue of the real clock: one thread per emulator, started on first use, that sleeps
 * until the earliest entry is due (never spinning) and runs due actions outside its lock, at the
 * emulator's {@link CallbackBoundary}: an action that throws is reported and the thread goes on.
 * Actions only enqueue and wake tasks.
 */
final class RealTimerQueue extends TimerQueue {
  /** Asked for when there is something to log: an emulator that logs nothing never starts SLF4J. */
  private static Logger log() {
    return LoggerFactory.getLogger(RealTimerQueue.class);
  }

  private final SystemClock clock;
  private final String threadName;
  private final CallbackBoundary callbacks;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  @GuardedBy("lock") private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  @GuardedBy("lock") private long seq;
  @GuardedBy("lock") private boolean stopped;
  @GuardedBy("lock") private Thread thread;

  RealTimerQueue(SystemClock clock, String threadName, CallbackBoundary callbacks) {
    this.clock = clock;
    this.threadName = threadName;
    this.callbacks = callbacks;
  }

  @Override
  KernelTimer schedule(long due, Runnable action) {
    lock.lock();
    try {
      Entry entry = new Entry(due, ++seq, action);
      if (stopped) {
        entry.cancel();
        return entry;
      }
      queue.add(entry);
      if (thread == null) {
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
      }
      if (queue.peek() == entry) {
        changed.signal();
      }
      return entry;
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    for (;;) {
      List<Entry> due = new ArrayList<>();
      lock.lock();
      try {
        for (;;) {
          if (stopped) {
            return;
          }
          dropCancelledHead(queue);
          if (queue.isEmpty()) {
            changed.awaitUninterruptibly();
            continue;
          }
          long waitNanos = queue.peek().due * 1_000_000L - clock.nanos();
          if (waitNanos <= 0) {
            break;
          }
          try {
            changed.awaitNanos(waitNanos);
          } catch (InterruptedException e) {
            return;
          }
        }
        long now = clock.millis();
        while (!queue.isEmpty() && queue.peek().due <= now) {
          due.add(queue.poll());
        }
      } finally {
        lock.unlock();
      }
      for (Entry entry : due) {
        if (entry.cancel()) {
          try {
            callbacks.run(TIMER_ACTION, entry.action);
          } catch (Error fatal) {
            log().error("timer thread stopped by a fatal error", fatal);
            throw fatal;
          }
        }
      }
    }
  }

  @Override
  OpenResources openResources() {
    lock.lock();
    try {
      List<String> threads = thread != null && thread.isAlive() ? List.of(threadName) : List.of();
      return new OpenResources(threads, live(queue), 0, 0);
    } finally {
      lock.unlock();
    }
  }

  @Override
  void shutdown() {
    Thread toJoin;
    lock.lock();
    try {
      stopped = true;
      queue.clear();
      changed.signalAll();
      toJoin = thread;
    } finally {
      lock.unlock();
    }
    if (toJoin != null && toJoin != Thread.currentThread()) {
      try {
        toJoin.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
