package org.wsemu.sim;

import java.util.HashMap;
import java.util.Map;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;

/**
 * The ports of one protocol on one host: which are held (and by how many endpoints: accepted
 * connections share their listener's port), and the next ephemeral port (49152 to 65535, as IANA
 * and Windows since Vista use, handed out in order).
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
@GuardedBy("SimNetworkState.lock")
final class PortSpace {
  static final int FIRST_EPHEMERAL = 49152;
  static final int LAST_EPHEMERAL = 65535;

  private final Map<Integer, Integer> holders = new HashMap<>();
  private int next = FIRST_EPHEMERAL;

  boolean inUse(int port) {
    return holders.getOrDefault(port, 0) > 0;
  }

  /**
   * Takes {@code port}, or the next free ephemeral port for 0.
   *
   * @param reuse whether the taker set SO_REUSEADDR (then a held port may be shared)
   * @return the port, or {@link NetError#ADDRESS_IN_USE}, or {@link NetError#NO_BUFFERS} when no
   *     ephemeral port is left (as results)
   */
  int claim(int port, boolean reuse) {
    if (port == 0) {
      port = ephemeral();
      if (port == 0) {
        return NetError.NO_BUFFERS.result();
      }
    } else if (inUse(port) && !reuse) {
      return NetError.ADDRESS_IN_USE.result();
    }
    hold(port);
    return port;
  }

  void hold(int port) {
    holders.merge(port, 1, Integer::sum);
  }

  void release(int port) {
    holders.computeIfPresent(port, (p, n) -> n > 1 ? n - 1 : null);
  }

  private int ephemeral() {
    for (int tries = 0; tries <= LAST_EPHEMERAL - FIRST_EPHEMERAL; tries++) {
      int port = next;
      next = port == LAST_EPHEMERAL ? FIRST_EPHEMERAL : port + 1;
      if (!inUse(port)) {
        return port;
      }
    }
    return 0;
  }
}
