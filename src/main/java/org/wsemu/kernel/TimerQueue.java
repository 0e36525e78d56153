package org.wsemu.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.PriorityQueue;
import org.wsemu.task.OpenResources;

/**
 * Timed actions of one emulator: USER timers, wait deadlines, the asynchronous lookups and the
 * simulated network's events. Actions only enqueue and wake: they never run a task's code (window
 * procedures, hooks), which runs on the task's own thread only.
 */
abstract class TimerQueue {
  static final long NONE = Long.MAX_VALUE;

  /** How the boundary names a timer action that threw. */
  static final String TIMER_ACTION = "timer action";

  /** Schedules {@code action} to run once the clock reaches {@code due}. */
  abstract KernelTimer schedule(long due, Runnable action);

  /** Stops the queue; pending actions never run. */
  abstract void shutdown();

  /** The queue's thread, if it has one alive, and its live entries; nothing after {@link #shutdown()}. */
  abstract OpenResources openResources();

  /**
   * One scheduled action, ordered by due time then by scheduling order. Whoever claims it first
   * owns it: a {@link #cancel()} that returns true, or the queue, which claims it with the same
   * compare-and-set before running it; so an action runs at most once, and never after a
   * successful cancel.
   */
  static final class Entry implements KernelTimer, Comparable<Entry> {
    private static final VarHandle CANCELLED;

    static {
      try {
        CANCELLED = MethodHandles.lookup().findVarHandle(Entry.class, "cancelled", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final long due;
    final long seq;
    final Runnable action;
    private volatile boolean cancelled;

    Entry(long due, long seq, Runnable action) {
      this.due = due;
      this.seq = seq;
      this.action = action;
    }

    /** Claims the entry: true for exactly one caller, whichever thread calls first. */
    @Override
    public boolean cancel() {
      return CANCELLED.compareAndSet(this, false, true);
    }

    boolean isCancelled() {
      return cancelled;
    }

    @Override
    public int compareTo(Entry other) {
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(seq, other.seq);
    }
  }

  /** How many entries of {@code queue} are not cancelled. */
  static int live(PriorityQueue<Entry> queue) {
    return (int) queue.stream().filter(entry -> !entry.isCancelled()).count();
  }

  /** Removes cancelled entries from the head so that the head is the next live one. */
  static void dropCancelledHead(PriorityQueue<Entry> queue) {
    while (!queue.isEmpty() && queue.peek().isCancelled()) {
      queue.poll();
    }
  }
}
