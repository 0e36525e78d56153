package org.wsemu.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.wsemu.internal.GuardedBy;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.task.OpenResources;

/**
 * The timer queue of a virtual clock. Nothing runs by itself: the Win16 scheduler asks for the
 * next due time when no task can run, advances the clock, and runs what is due, in due-time order
 * and, for equal times, in scheduling order. That order is part of the determinism contract;
 * a {@link ChoiceSource} that explores chooses instead among the entries due at the same instant
 * ({@link ChoicePoint#DUE_ORDER}).
 *
 * <p>Thread-safe: the queue is guarded by its monitor; actions run without it, on the thread that
 * holds the processor for the scheduler, which is also the one asking the choice source.
 */
final class VirtualTimerQueue extends TimerQueue {
  private final CallbackBoundary callbacks;
  private final Supplier<ChoiceSource> choices;
  @GuardedBy("this") private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  @GuardedBy("this") private long seq;
  @GuardedBy("this") private boolean stopped;

  VirtualTimerQueue(CallbackBoundary callbacks, Supplier<ChoiceSource> choices) {
    this.callbacks = callbacks;
    this.choices = choices;
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
    ChoiceSource source = choices.get();
    if (source.exploring()) {
      runDueChosen(now, source);
      return;
    }
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

  /**
   * {@link #runDue} with a source that explores: one entry at a time, the source choosing among
   * the live entries due at the earliest instant, offered in scheduling order (so answering 0 runs
   * them in the same order as {@link #runDue} does). The entries an action schedules due now join
   * the choice after the ones already there.
   */
  private void runDueChosen(long now, ChoiceSource source) {
    for (;;) {
      Entry next;
      synchronized (this) {
        dropCancelledHead(queue);
        if (queue.isEmpty() || queue.peek().due > now) {
          return;
        }
        long instant = queue.peek().due;
        List<Entry> group = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().due == instant) {
          Entry entry = queue.poll();
          if (!entry.isCancelled()) {
            group.add(entry);
          }
        }
        int chosen = group.size() < 2 ? 0 : source.choose(ChoicePoint.DUE_ORDER, group.size());
        next = group.remove(chosen > 0 && chosen < group.size() ? chosen : 0);
        queue.addAll(group); // they keep their scheduling order
      }
      if (next.cancel()) {
        callbacks.run(TIMER_ACTION, next.action);
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
