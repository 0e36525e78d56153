package org.wsemu.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkTimer;
import org.wsemu.net.NetworkTrace;

/**
 * An emulator as a network sees it, driven by the test: a virtual clock and timer queue that run
 * only in {@link #runAll}, a calling task the test sets, and a record of what the network
 * scheduled outside {@link #runAll} (where a real emulator's scheduling may run actions, which take
 * the network's locks): when each was due, and every time a lock the test names was held.
 *
 * <p>Used on the test thread only.
 */
final class FakeEnvironment implements NetworkEnvironment {
  private record Entry(long due, long seq, Runnable action) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(seq, other.seq);
    }
  }

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final List<String> violations = new ArrayList<>();
  private final List<Long> dueOutside = new ArrayList<>();
  private final List<NamedLock> locks = new ArrayList<>();
  private long now;
  private long seq;
  private boolean running;
  private int currentTask = 1;

  private record NamedLock(String name, BooleanSupplier held) {}

  /** Records a violation whenever the network schedules, outside {@link #runAll}, while {@code held} says so. */
  void forbidSchedulingWhile(String name, BooleanSupplier held) {
    locks.add(new NamedLock(name, held));
  }

  /** The calling thread is task {@code task} (0: a thread outside the emulator's tasks). */
  void callingTask(int task) {
    this.currentTask = task;
  }

  /** Runs every scheduled action in due-time order, moving the clock to each, until none is left. */
  void runAll() {
    running = true;
    try {
      for (Entry next; (next = queue.poll()) != null; ) {
        now = Math.max(now, next.due());
        next.action().run();
      }
    } finally {
      running = false;
    }
  }

  /** What the network scheduled while it should not have. */
  List<String> violations() {
    return violations;
  }

  /** How many actions wait on the queue. */
  int queued() {
    return queue.size();
  }

  /** The due times of what the network scheduled outside {@link #runAll}, in order. */
  List<Long> dueOutside() {
    return dueOutside;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public NetworkTimer schedule(long due, Runnable action) {
    if (!running) {
      dueOutside.add(due);
      for (NamedLock lock : locks) {
        if (lock.held().getAsBoolean()) {
          violations.add("scheduled holding " + lock.name());
        }
      }
    }
    Entry entry = new Entry(due, ++seq, action);
    queue.add(entry);
    return () -> queue.remove(entry);
  }

  @Override
  public boolean schedulingRunsDueActions() {
    return currentTask == 0;
  }

  @Override
  public int currentTask() {
    return currentTask;
  }

  @Override
  public NetworkTrace trace() {
    return new NetworkTrace() {
      @Override
      public boolean enabled() {
        return false;
      }

      @Override
      public void event(Kind kind, String name, Object... fields) {}
    };
  }

  @Override
  public NetworkCallbacks callbacks() {
    return new NetworkCallbacks() {
      @Override
      public boolean run(String what, Runnable code) {
        code.run();
        return true;
      }

      @Override
      public void failed(String what, Throwable error) {
        throw new AssertionError(what, error);
      }
    };
  }
}
