package org.wsemu.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one-shot readiness callbacks of one endpoint. Callbacks never run here: the ones whose
 * condition holds go to the network's outbox, to run once its lock is released.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
final class Waiters {
  private record Waiter(int ops, Runnable onReady) {}

  private final List<Waiter> waiting = new ArrayList<>();

  /**
   * Adds a callback for {@code ops}. If {@code readyOps} already meets it (a closed endpoint meets
   * everything) it is due now, but runs from the network's timer queue, like every delivery, never
   * on the thread that asked before it has returned.
   */
  void add(SimNet net, int ops, int readyOps, Runnable onReady) {
    if ((ops & readyOps) != 0) {
      net.at(net.now(), () -> net.later(onReady));
    } else {
      waiting.add(new Waiter(ops, onReady));
    }
  }

  /** Makes due every callback whose condition {@code readyOps} meets. */
  void fire(SimNet net, int readyOps) {
    if (readyOps == 0 || waiting.isEmpty()) {
      return;
    }
    for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if ((waiter.ops() & readyOps) != 0) {
        it.remove();
        net.later(waiter.onReady());
      }
    }
  }

  /** Makes every callback due (the endpoint closed). */
  void fireAll(SimNet net) {
    List<Waiter> all = new ArrayList<>(waiting);
    waiting.clear();
    for (Waiter waiter : all) {
      net.later(waiter.onReady());
    }
  }
}
