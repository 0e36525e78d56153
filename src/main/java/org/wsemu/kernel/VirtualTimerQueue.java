package org.wsemu.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.wsemu.internal.GuardedBy;
import org.wsemu.task.OpenResources;

/**
 * The timer queue of a virtual clock. Nothing runs by itself: the Win16 scheduler asks for the
 * next due time when no task can run, advances the clock, and runs what is due, in due-time order
 * and, for equal times, in scheduling order. That order is part of the determinism contract.
 */
final class VirtualTimerQueue extends TimerQueue {
  private final CallbackBoundary callbacks;
  @GuardedBy("this") private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  @GuardedBy("this") private long seq;
  @GuardedBy("this") private boolean stopped;

  VirtualTimerQueue(CallbackBoundary callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  synchronized KernelTimer schedule(long due, Runnable action) {
    Entry entry = new Entry(due, ++seq, action);
    if (!stopped) {
      queue.add(entry);
    } else {
      entry.cancel();
    }
    return entry;
  }

  /** The due time of the next live entry, or {@link #NONE}. */
  synchronized long nextDue() {
    dropCancelledHead(queue);
    return queue.isEmpty() ? NONE : queue.peek().due;
  }

  /**
   * Runs every live entry due at or before {@code now}, including ones scheduled meanwhile. An
   * action that throws is reported at the emulator's {@link CallbackBoundary}, never to the task
   * whose switch happens to run it, and the others still run.
   */
  void runDue(long now) {
    for (;;) {
      List<Entry> due = new ArrayList<>();
      synchronized (this) {
        dropCancelledHead(queue);
        while (!queue.isEmpty() && queue.peek().due <= now) {
          Entry entry = queue.poll();
          if (!entry.isCancelled()) {
            due.add(entry);
          }
        }
      }
      if (due.isEmpty()) {
        return;
      }
      for (Entry entry : due) {
        if (entry.cancel()) {
          callbacks.run(TIMER_ACTION, entry.action);
        }
      }
    }
  }

  @Override
  synchronized OpenResources openResources() {
    return new OpenResources(List.of(), live(queue), 0, 0);
  }

  @Override
  synchronized void shutdown() {
    stopped = true;
    queue.clear();
  }
}
