package org.wsemu.sim;

import org.wsemu.internal.GuardedBy;

/**
 * What arrived at one end of a simulated TCP connection, counted (data, urgent data, a FIN, a RST,
 * a close), and the one hook that waits for the next arrival: how a ready-made peer waits for its
 * connection without polling.
 *
 * <p>Guarded by the simulated network's lock, like the endpoint it belongs to.
 */
@GuardedBy("SimNetworkState.lock")
final class Arrivals {
  private final SimNetworkState net;
  private long count;
  private Runnable hook;

  Arrivals(SimNetworkState net) {
    this.net = net;
  }

  /** Runs {@code then} (once) when something arrives after the {@code seen}-th arrival: at once if that already happened. */
  void after(long seen, Runnable then) {
    if (count > seen) {
      net.later(then);
    } else {
      hook = then;
    }
  }

  /** How many arrivals there were so far. */
  long count() {
    return count;
  }

  /** Something arrived: the waiting hook runs once the lock is released. */
  void arrived() {
    count++;
    Runnable waiting = hook;
    if (waiting != null) {
      hook = null;
      net.later(waiting);
    }
  }
}
