package org.wsemu.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkTimer;
import org.wsemu.net.NetworkTrace;

/**
 * The simulated network's one lock, and what must wait for its release. Everything that changes
 * the network's state runs under it, and nothing that is not the network's runs under it: readiness
 * callbacks, peer code and deferred work go to an outbox, which the outermost {@link #unlock} runs
 * after releasing the lock. Under the lock the network calls only its own code, the trace and the
 * timer queue, both leaves: the lock defers the trace's delivery (the events recorded under it
 * reach the sinks after the outermost release), and scheduling only enqueues.
 *
 * <p>Timers are queued at once, under the lock, wherever scheduling only enqueues
 * ({@link NetworkEnvironment#schedulingRunsDueActions()} false): the queue then orders timers due
 * at the same time as the lock ordered the operations that asked for them, which keeps a
 * connection's segments in order when several threads send. On a thread outside the emulator's
 * tasks with a virtual clock, another thread may move time on and run due actions at once, before
 * the operation has asked for all its timers (a connection attempt's timeout before its SYN); there
 * the timers wait in a list, and the outermost release queues them, after releasing the lock, from
 * one action due now.
 *
 * <p>Thread-safe.
 */
final class SimLock {
  private final ReentrantLock lock = new ReentrantLock();
  @GuardedBy("lock") private List<Runnable> outbox = new ArrayList<>();
  @GuardedBy("lock") private List<PendingTimer> heldBack = new ArrayList<>();
  @GuardedBy("lock") private NetworkTrace deferring; // the trace whose delivery the holder defers
  private volatile NetworkEnvironment env;

  /** The emulator: where timers go and callbacks run. Called once, before anything is asked for. */
  void attach(NetworkEnvironment environment) {
    env = environment;
  }

  /** Takes the lock; the outermost hold defers the trace's delivery on this thread. */
  void lock() {
    lock.lock();
    if (lock.getHoldCount() == 1) {
      NetworkEnvironment environment = env;
      if (environment != null) {
        deferring = environment.trace();
        deferring.deferDelivery();
      }
    }
  }

  /**
   * Releases the lock; the outermost release then delivers the trace events recorded under it,
   * queues the timers held back and runs the outbox.
   */
  void unlock() {
    List<Runnable> fire = null;
    List<PendingTimer> release = null;
    NetworkTrace resume = null;
    if (lock.getHoldCount() == 1) {
      resume = deferring;
      deferring = null;
      if (!outbox.isEmpty()) {
        fire = outbox;
        outbox = new ArrayList<>();
      }
      if (!heldBack.isEmpty()) {
        release = heldBack;
        heldBack = new ArrayList<>();
      }
    }
    lock.unlock();
    if (resume != null) {
      resume.resumeDelivery();
    }
    if (release != null) {
      queue(release); // first: they were asked for before anything the outbox will ask for
    }
    if (fire != null) {
      for (Runnable action : fire) {
        env.callbacks().run("network callback", action);
      }
    }
  }

  /** Whether the calling thread holds the lock. */
  boolean isHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /** Runs {@code action} once the lock is released (lock held). */
  void later(Runnable action) {
    requireHeld();
    outbox.add(action);
  }

  /** Runs {@code actions} once the lock is released, in order (lock held). */
  void later(List<Runnable> actions) {
    requireHeld();
    outbox.addAll(actions);
  }

  /**
   * Runs {@code action} once the clock reaches {@code due}: queued now, or where scheduling may run
   * due actions when the lock is released (lock held).
   */
  NetworkTimer at(long due, Runnable action) {
    requireHeld();
    NetworkEnvironment environment = env;
    if (!environment.schedulingRunsDueActions()) {
      return environment.schedule(due, action);
    }
    PendingTimer timer = new PendingTimer(due, action);
    heldBack.add(timer);
    return timer;
  }

  private void requireHeld() {
    if (!isHeldByCurrentThread()) {
      throw new IllegalStateException("the simulated network's lock is not held");
    }
  }

  /** Queues timers held back, from one action due now: inside it, scheduling runs nothing. */
  private void queue(List<PendingTimer> released) {
    NetworkEnvironment environment = env;
    environment.schedule(environment.now(), () -> released.forEach(timer -> timer.queue(environment)));
  }

  /** Runs {@code operation} under the lock and returns its result. */
  int call(IntSupplier operation) {
    lock();
    try {
      return operation.getAsInt();
    } finally {
      unlock();
    }
  }

  /** Evaluates {@code condition} under the lock. */
  boolean test(BooleanSupplier condition) {
    lock();
    try {
      return condition.getAsBoolean();
    } finally {
      unlock();
    }
  }

  /** Runs {@code action} under the lock. */
  void locked(Runnable action) {
    lock();
    try {
      action.run();
    } finally {
      unlock();
    }
  }

  /**
   * A timer held back until the lock is released, not yet on the queue. Whoever claims it first owns
   * it: its action, when the queue runs it, or a {@link #cancel}, which also takes it off the queue.
   */
  private static final class PendingTimer implements NetworkTimer, Runnable {
    private final long due;
    private final Runnable action;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile NetworkTimer queued;

    PendingTimer(long due, Runnable action) {
      this.due = due;
      this.action = action;
    }

    void queue(NetworkEnvironment environment) {
      if (claimed.get()) {
        return; // cancelled before it was queued
      }
      NetworkTimer entry = environment.schedule(due, this);
      queued = entry;
      if (claimed.get()) {
        entry.cancel(); // cancelled meanwhile (or already run: then this does nothing)
      }
    }

    /** The queue runs it: the action runs unless cancelled first. */
    @Override
    public void run() {
      if (claimed.compareAndSet(false, true)) {
        action.run();
      }
    }

    @Override
    public boolean cancel() {
      if (!claimed.compareAndSet(false, true)) {
        return false;
      }
      NetworkTimer entry = queued;
      if (entry != null) {
        entry.cancel();
      }
      return true;
    }
  }
}
