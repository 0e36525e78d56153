package org.wsemu.kernel;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides which task threads may run and parks the others. Two implementations: cooperative
 * (Win16: one task at a time, deterministic) and preemptive (Win32: all at once).
 *
 * <p>The contract shared by both: a task waits only in {@link #await}, and is woken only by
 * {@link #changed}, which every producer calls, holding the task's lock, right after it changed
 * state that a wait condition reads. Because the condition is evaluated under the same lock, no
 * wake-up can be lost.
 */
abstract class Scheduler {
  /** The lock that guards a new task's wait-relevant state. */
  abstract ReentrantLock newTaskLock();

  /** Registers a newly created task (any thread). */
  abstract void register(KernelTask task);

  /** Lets registered tasks run. */
  abstract void start();

  /** Called on the task's thread before its body; returns when the task may run. */
  abstract void enter(KernelTask me);

  /** Blocks {@code me} until {@code condition} holds, the deadline passes, or shutdown. */
  abstract AwaitResult await(
      KernelTask me, WaitCondition condition, long deadline, String reason, KernelTask preferred);

  /** {@code task}'s wait-relevant state changed; caller holds {@code task.lock()}. */
  abstract void changed(KernelTask task);

  /** Lets other tasks run, keeping {@code me} runnable. */
  abstract void yieldCpu(KernelTask me, String reason);

  /** Lets {@code to} run next if it can, keeping {@code me} runnable. */
  abstract void directedYield(KernelTask me, KernelTask to, String reason);

  /** Called on the task's thread after its body and cleanup; never returns to the body. */
  abstract void exit(KernelTask me);

  /** The queue of timed actions. */
  abstract TimerQueue timers();

  /**
   * The clock as {@code me}'s program reads it by polling (GetTickCount), on {@code me}'s thread.
   * The cooperative scheduler with a virtual clock lets time pass for a task that busy-waits.
   */
  abstract long pollClock(KernelTask me);

  /**
   * A timed action was scheduled from a thread that is not a task's (a test thread, a peer driven
   * from outside): if every task waits, a virtual clock must move on by itself to run it, on a
   * task's thread, never the caller's.
   */
  void scheduledFromOutside() {}

  /**
   * Whether a wait is over without waiting: shutdown first, then the condition. Caller holds the
   * task's lock.
   *
   * @return the result, or {@code null} if the task must wait
   */
  static AwaitResult settled(KernelTask me, WaitCondition condition) {
    if (me.isTerminating()) {
      return AwaitResult.TERMINATED;
    }
    return condition.satisfied() ? AwaitResult.SATISFIED : null;
  }
}
