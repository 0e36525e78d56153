package org.wsemu.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.wsemu.internal.GuardedBy;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.time.VirtualClock;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * Win16 scheduling: one processor token, exactly one task running at any moment.
 *
 * <p>One lock guards the whole emulator's wait-relevant state, so every wait condition of every
 * task is evaluated under the lock that its producers hold. The scheduling rule (documented in
 * {@code docs/scheduling.md}): when the running task gives up the processor, the next task is the
 * first runnable one in creation order after it, wrapping around, the giver itself last; a
 * directed yield (inter-task SendMessage and its reply) tries its target first. When no task can
 * run and the clock is virtual, time jumps to the next timer or deadline and the actions due then
 * run in due-time order; when only polling tasks can run (a yield would hand the processor to a
 * task that yielded at this same instant), time moves on by the yield quantum.
 * A task that busy-waits on the virtual clock (more than {@link #FREE_CLOCK_READS} reads of
 * GetTickCount without a switch point) makes time move on by the quantum at each further read,
 * keeping the processor; timers that come due meanwhile run at its next switch point.
 */
final class CooperativeScheduler extends Scheduler {
  /** GetTickCount reads a task may make between two switch points before time moves for it. */
  static final int FREE_CLOCK_READS = 100;

  private final Kernel kernel;
  private final ReentrantLock lock;
  @GuardedBy("lock") private final TreeSet<KernelTask> candidates =
      new TreeSet<>(Comparator.comparingLong(KernelTask::order));
  private final TimerQueue timers;
  private final VirtualTimerQueue virtualTimers; // null with a real clock
  private final VirtualClock.Control virtualClock; // null with a real clock
  private final long quantum;
  @GuardedBy("lock") private KernelTask running;
  @GuardedBy("lock") private KernelTask last;
  @GuardedBy("lock") private boolean started;
  @GuardedBy("lock") private boolean selecting;
  @GuardedBy("lock") private boolean busyTimePassed; // a busy-wait moved the clock: timers may be due
  @GuardedBy("lock") private final TreeSet<KernelTask> parked =
      new TreeSet<>(Comparator.comparingLong(KernelTask::order)); // waiting to be granted the processor
  @GuardedBy("lock") private boolean dispatchWanted; // by a thread outside the tasks: a parked task does it

  CooperativeScheduler(Kernel kernel, TimerQueue timers, VirtualClock.Control virtualClock, long quantum) {
    this.kernel = kernel;
    this.lock = new TaskLock(kernel.trace());
    this.timers = timers;
    this.virtualTimers = timers instanceof VirtualTimerQueue v ? v : null;
    this.virtualClock = virtualClock;
    this.quantum = quantum;
  }

  @Override
  ReentrantLock newTaskLock() {
    return lock;
  }

  @Override
  TimerQueue timers() {
    return timers;
  }

  @Override
  void register(KernelTask task) {
    lock.lock();
    try {
      task.state = RunState.READY_NEW;
      candidates.add(task);
      dispatchIfIdle("create");
    } finally {
      lock.unlock();
    }
  }

  @Override
  void start() {
    lock.lock();
    try {
      started = true;
      dispatchIfIdle("start");
    } finally {
      lock.unlock();
    }
  }

  @Override
  void enter(KernelTask me) {
    lock.lock();
    try {
      parkUntilGranted(me);
      me.state = RunState.RUNNING;
    } finally {
      lock.unlock();
    }
  }

  @Override
  AwaitResult await(
      KernelTask me, WaitCondition condition, long deadline, String reason, KernelTask preferred) {
    lock.lock();
    KernelTimer deadlineTimer = null;
    try {
      for (;;) {
        AwaitResult settled = settled(me, condition);
        if (settled != null) {
          return settled;
        }
        if (deadline != KernelTask.NO_DEADLINE && kernel.clock().millis() >= deadline) {
          return AwaitResult.TIMED_OUT;
        }
        if (deadline != KernelTask.NO_DEADLINE && deadlineTimer == null) {
          deadlineTimer = timers.schedule(deadline, () -> deadlinePassed(me));
        }
        me.waitCondition = condition;
        me.waitDeadline = deadline;
        me.state = RunState.BLOCKED;
        me.yieldedAt = Long.MIN_VALUE;
        switchAway(me, preferred, reason, false);
        me.state = RunState.RUNNING;
        me.waitCondition = null;
        me.waitDeadline = KernelTask.NO_DEADLINE;
      }
    } finally {
      if (deadlineTimer != null) {
        deadlineTimer.cancel();
      }
      lock.unlock();
    }
  }

  /**
   * With a virtual clock, when every task waits, time must move on to the action: a waiting task's
   * thread does it, not the caller's, which may hold locks the due actions take. With no task left,
   * the action waits for the next one.
   */
  @Override
  void scheduledFromOutside() {
    if (virtualClock == null) {
      return; // the timer thread runs it
    }
    lock.lock();
    try {
      if (started && running == null && !selecting && !parked.isEmpty()) {
        dispatchWanted = true;
        parked.first().signal.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private void deadlinePassed(KernelTask task) {
    lock.lock();
    try {
      if (task.state == RunState.BLOCKED) {
        candidates.add(task);
        dispatchIfIdle("deadline");
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  long pollClock(KernelTask me) {
    if (virtualClock == null) {
      return kernel.clock().millis();
    }
    lock.lock();
    try {
      if (running == me && ++me.clockReads > FREE_CLOCK_READS) {
        // Busy-waiting: time passes, but nobody else runs and nothing due runs until it switches.
        long from = virtualClock.millis();
        virtualClock.advanceTo(from + quantum);
        busyTimePassed = true;
        Trace trace = kernel.trace();
        if (trace.enabled()) {
          trace.event(TraceKind.CLOCK, me.label(), "busy-wait").with("from", from).with("to", virtualClock.millis()).emit();
        }
      }
      return virtualClock.millis();
    } finally {
      lock.unlock();
    }
  }

  @Override
  void changed(KernelTask task) {
    // Caller holds the lock (the shared one).
    if (task.state == RunState.BLOCKED || task.state == RunState.READY) {
      candidates.add(task);
    }
    dispatchIfIdle("wake");
  }

  @Override
  void yieldCpu(KernelTask me, String reason) {
    giveWay(me, null, reason, true);
  }

  @Override
  void directedYield(KernelTask me, KernelTask to, String reason) {
    giveWay(me, to, reason, false);
  }

  /** Gives up the processor while staying runnable. */
  private void giveWay(KernelTask me, KernelTask preferred, String reason, boolean yielding) {
    lock.lock();
    try {
      me.state = RunState.READY;
      me.yieldedAt = yielding && virtualClock != null ? virtualClock.millis() : Long.MIN_VALUE;
      candidates.add(me);
      switchAway(me, preferred, reason, yielding);
      me.state = RunState.RUNNING;
    } finally {
      lock.unlock();
    }
  }

  @Override
  void exit(KernelTask me) {
    lock.lock();
    try {
      me.state = RunState.EXITED;
      candidates.remove(me);
      if (running == me) {
        running = null;
        KernelTask next = select(me, null, false);
        if (next != null) {
          grant(next, me, "exit");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  // ---- the rule ----

  /** Gives up the processor and waits until it comes back. Lock held. */
  private void switchAway(KernelTask me, KernelTask preferred, String reason, boolean yielding) {
    me.clockReads = 0;
    running = null;
    KernelTask next = select(me, preferred, yielding);
    if (next != null) {
      grant(next, me, reason);
    }
    parkUntilGranted(me);
  }

  /** Waits until {@code me} is granted the processor, dispatching meanwhile when asked to. Lock held. */
  private void parkUntilGranted(KernelTask me) {
    parked.add(me);
    try {
      while (running != me) {
        if (dispatchWanted) {
          dispatchWanted = false;
          dispatchIfIdle("timer");
        } else {
          me.signal.awaitUninterruptibly();
        }
      }
    } finally {
      parked.remove(me);
    }
  }

  private void dispatchIfIdle(String reason) {
    if (started && running == null && !selecting) {
      KernelTask next = select(last, null, false);
      if (next != null) {
        grant(next, null, reason);
      }
    }
  }

  private void grant(KernelTask next, KernelTask from, String reason) {
    candidates.remove(next);
    running = next;
    last = next;
    if (next != from) {
      Trace trace = kernel.trace();
      if (trace.enabled()) {
        trace.event(TraceKind.SWITCH, next.label(), reason)
            .with("from", from == null ? "-" : from.label())
            .emit();
      }
      next.signal.signal();
    }
  }

  /**
   * Chooses the next task to run, advancing virtual time as needed; null when none can run.
   *
   * @param after the task that gives up the processor (round-robin position), may be null
   * @param preferred tried first (directed yield), may be null
   * @param yielding whether {@code after} yielded (then it runs again only if it is alone)
   */
  private KernelTask select(KernelTask after, KernelTask preferred, boolean yielding) {
    selecting = true;
    try {
      if (busyTimePassed) {
        busyTimePassed = false; // what came due while a task busy-waited runs now, before the choice
        runDueTimers();
      }
      for (;;) {
        if (preferred != null && isReady(preferred)) {
          return preferred;
        }
        KernelTask next = roundRobin(after);
        if (next != null && (next != after || !yielding)) {
          if (yielding && virtualClock != null && next.state == RunState.READY
              && next.yieldedAt == virtualClock.millis()) {
            // A round of polling: every task that could run yielded at this instant. Let a quantum pass.
            advance(Math.min(virtualClock.millis() + quantum, virtualTimers.nextDue()));
            return chosen(after, yielding, roundRobin(after));
          }
          return chosen(after, yielding, next);
        }
        if (virtualClock == null) {
          return next; // real clock: the lone yielder goes on, or nobody can run
        }
        long due = virtualTimers.nextDue();
        if (next != null) {
          // A polling task yielded and nobody else can run: let a quantum of virtual time pass.
          long target = virtualClock.millis() + quantum;
          advance(Math.min(target, due));
          return chosen(after, yielding, roundRobin(after));
        }
        if (due == TimerQueue.NONE) {
          return null;
        }
        advance(due);
      }
    } finally {
      selecting = false;
    }
  }

  private void advance(long to) {
    long from = virtualClock.millis();
    if (to > from) {
      virtualClock.advanceTo(to);
      Trace trace = kernel.trace();
      if (trace.enabled()) {
        trace.event(TraceKind.CLOCK, "-", "advance").with("from", from).with("to", to).emit();
      }
    }
    runDueTimers();
  }

  /**
   * Runs the timer actions due now without holding the lock (lock held on entry and on return).
   * Timer actions are code the scheduler does not own (network deliveries, peers) that take locks
   * of their own, and a thread outside the emulator may hold such a lock while it asks for this
   * one: running them under it could deadlock. {@code selecting} stays set meanwhile, so nobody
   * else selects or dispatches; what the actions make ready is seen when the selection goes on.
   */
  private void runDueTimers() {
    int holds = lock.getHoldCount();
    for (int i = 0; i < holds; i++) {
      lock.unlock();
    }
    try {
      virtualTimers.runDue(virtualClock.millis());
    } finally {
      for (int i = 0; i < holds; i++) {
        lock.lock();
      }
    }
  }

  /**
   * The task the rule picked ({@code next}, from {@link #roundRobin}), or, when a choice source
   * explores and several tasks can run, the one it chooses among them, offered in the rule's order
   * (a yielding task only when it is alone). Asked once per hand-over, after any time that had to
   * pass, so no answer is thrown away.
   */
  private KernelTask chosen(KernelTask after, boolean yielding, KernelTask next) {
    ChoiceSource choices = kernel.choices();
    if (next == null || !choices.exploring()) {
      return next;
    }
    List<KernelTask> ready = new ArrayList<>();
    if (after != null) {
      candidates.tailSet(after, false).stream().filter(this::isReady).forEach(ready::add);
      candidates.headSet(after, false).stream().filter(this::isReady).forEach(ready::add);
      if (!yielding && candidates.contains(after) && isReady(after)) {
        ready.add(after);
      }
    } else {
      candidates.stream().filter(this::isReady).forEach(ready::add);
    }
    if (ready.size() < 2) {
      return next;
    }
    int[] handles = ready.stream().mapToInt(KernelTask::handle).toArray();
    int chosen = choices.chooseTask(handles);
    return chosen > 0 && chosen < ready.size() ? ready.get(chosen) : next;
  }

  /** The first runnable candidate after {@code after} in creation order, wrapping, itself last. */
  private KernelTask roundRobin(KernelTask after) {
    if (after != null) {
      KernelTask found = firstReady(candidates.tailSet(after, false).iterator());
      if (found != null) {
        return found;
      }
      found = firstReady(candidates.headSet(after, false).iterator());
      if (found != null) {
        return found;
      }
      if (candidates.contains(after)) {
        if (isReady(after)) {
          return after;
        }
        candidates.remove(after);
      }
      return null;
    }
    return firstReady(candidates.iterator());
  }

  private KernelTask firstReady(Iterator<KernelTask> it) {
    while (it.hasNext()) {
      KernelTask candidate = it.next();
      if (isReady(candidate)) {
        return candidate;
      }
      it.remove(); // blocked for now; changed() puts it back
    }
    return null;
  }

  private boolean isReady(KernelTask task) {
    switch (task.state) {
      case READY_NEW:
      case READY:
        return true;
      case BLOCKED:
        return task.isTerminating()
            || (task.waitDeadline != KernelTask.NO_DEADLINE
                && kernel.clock().millis() >= task.waitDeadline)
            || task.waitCondition.satisfied();
      default:
        return false;
    }
  }
}
