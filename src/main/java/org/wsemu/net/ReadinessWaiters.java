package org.wsemu.net;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one-shot readiness callbacks of one endpoint ({@link TcpEndpoint#notifyWhen}), each with
 * the {@link Readiness} conditions it waits for. A network records them here and takes out the
 * ones a change makes due; it never runs one here: it runs what it took out later, on a network
 * thread, outside its locks.
 *
 * <p>Not thread-safe: the endpoint's lock guards it.
 */
public final class ReadinessWaiters {
  private record Waiter(int ops, Runnable onReady) {}

  private final List<Waiter> waiting = new ArrayList<>();

  /** Records {@code onReady}, due once one of {@code ops} holds. */
  public void add(int ops, Runnable onReady) {
    waiting.add(new Waiter(ops, onReady));
  }

  /** Every condition some callback waits for: what the network must watch. */
  public int wanted() {
    int ops = 0;
    for (Waiter waiter : waiting) {
      ops |= waiter.ops();
    }
    return ops;
  }

  /** Removes and returns, in the order they were added, the callbacks due when {@code readyOps} hold. */
  public List<Runnable> takeReady(int readyOps) {
    if (readyOps == 0 || waiting.isEmpty()) {
      return List.of();
    }
    List<Runnable> due = new ArrayList<>();
    for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if ((waiter.ops() & readyOps) != 0) {
        it.remove();
        due.add(waiter.onReady());
      }
    }
    return due;
  }

  /** Removes and returns every callback, in the order they were added (the endpoint closed). */
  public List<Runnable> takeAll() {
    List<Runnable> all = new ArrayList<>(waiting.size());
    for (Waiter waiter : waiting) {
      all.add(waiter.onReady());
    }
    waiting.clear();
    return all;
  }
}
