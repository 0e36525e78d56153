package org.wsemu.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.wsemu.internal.GuardedBy;

/**
 * Faults set up by name on host:port pairs: refused connections, resets after a number of bytes,
 * slow readers. Drawn faults ({@link RandomFaults}) are decided per connection instead.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
@GuardedBy("SimNetworkState.lock")
final class FaultRules {
  private final Set<Long> refused = new HashSet<>();
  private final Map<Long, Long> resetAfter = new HashMap<>();
  private final Map<Long, Long> slowReaders = new HashMap<>();

  static long key(SimHost host, int port) {
    return (long) host.ip << 16 | port;
  }

  void refuse(SimHost host, int port, boolean on) {
    if (on) {
      refused.add(key(host, port));
    } else {
      refused.remove(key(host, port));
    }
  }

  boolean refuses(SimHost host, int port) {
    return refused.contains(key(host, port));
  }

  /** Connections made to host:port from now on are reset after {@code bytes}; negative clears it. */
  void resetAfter(SimHost host, int port, long bytes) {
    if (bytes < 0) {
      resetAfter.remove(key(host, port));
    } else {
      resetAfter.put(key(host, port), bytes);
    }
  }

  /** The reset budget of new connections to host:port, or -1. */
  long resetBudget(SimHost host, int port) {
    return resetAfter.getOrDefault(key(host, port), -1L);
  }

  /** Endpoints at host:port take data in at {@code bytesPerSecond}; 0 clears it. */
  void slowReader(SimHost host, int port, long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      slowReaders.remove(key(host, port));
    } else {
      slowReaders.put(key(host, port), bytesPerSecond);
    }
  }

  /** The reading rate of endpoints at host:port, or 0 for unlimited. */
  long slowReaderRate(SimHost host, int port) {
    return slowReaders.getOrDefault(key(host, port), 0L);
  }
}
