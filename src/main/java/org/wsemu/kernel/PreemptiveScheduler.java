package org.wsemu.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.wsemu.time.SystemClock;
import org.wsemu.trace.Trace;

/**
 * Win32 scheduling: every task thread runs freely; a waiting task parks on its own lock's
 * condition until a producer changes its state and signals, or its deadline passes. There is no
 * processor token and no task switch in the trace.
 */
final class PreemptiveScheduler extends Scheduler {
  private final Trace trace;
  private final TimerQueue timers;
  private final SystemClock clock;
  private final CountDownLatch startGate = new CountDownLatch(1);

  PreemptiveScheduler(Trace trace, TimerQueue timers, SystemClock clock) {
    this.trace = trace;
    this.timers = timers;
    this.clock = clock;
  }

  @Override
  ReentrantLock newTaskLock() {
    return new TaskLock(trace);
  }

  @Override
  TimerQueue timers() {
    return timers;
  }

  @Override
  void register(KernelTask task) {
    task.lock().lock();
    try {
      task.state = RunState.READY_NEW;
    } finally {
      task.lock().unlock();
    }
  }

  @Override
  void start() {
    startGate.countDown();
  }

  @Override
  void enter(KernelTask me) {
    boolean interrupted = false;
    for (;;) {
      try {
        startGate.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        if (me.isTerminating()) {
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    setState(me, RunState.RUNNING);
  }

  @Override
  AwaitResult await(
      KernelTask me, WaitCondition condition, long deadline, String reason, KernelTask preferred) {
    ReentrantLock lock = me.lock();
    boolean interrupted = false;
    lock.lock();
    try {
      for (;;) {
        AwaitResult settled = settled(me, condition);
        if (settled != null) {
          return settled;
        }
        me.state = RunState.BLOCKED;
        try {
          if (deadline == KernelTask.NO_DEADLINE) {
            me.signal.awaitUninterruptibly();
          } else {
            long remaining = deadline * 1_000_000L - clock.nanos();
            if (remaining <= 0) {
              return AwaitResult.TIMED_OUT;
            }
            try {
              me.signal.awaitNanos(remaining);
            } catch (InterruptedException e) {
              interrupted = true;
            }
          }
        } finally {
          me.state = RunState.RUNNING;
        }
      }
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  long pollClock(KernelTask me) {
    return clock.millis();
  }

  @Override
  void changed(KernelTask task) {
    task.signal.signalAll();
  }

  @Override
  void yieldCpu(KernelTask me, String reason) {
    Thread.yield();
  }

  @Override
  void directedYield(KernelTask me, KernelTask to, String reason) {
    // Preemptive: the replied-to task is already runnable; nothing to hand over.
  }

  @Override
  void exit(KernelTask me) {
    setState(me, RunState.EXITED);
  }

  private static void setState(KernelTask task, RunState state) {
    task.lock().lock();
    try {
      task.state = state;
    } finally {
      task.lock().unlock();
    }
  }
}
