package org.wsemu.sim;

import static org.wsemu.winsock.WinSock.SO_RCVBUF;
import static org.wsemu.winsock.WinSock.SO_SNDBUF;
import static org.wsemu.winsock.WinSock.WSAENOPROTOOPT;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The transport options of one simulated endpoint (WinSock option numbers): SO_SNDBUF and
 * SO_RCVBUF start at {@link SimNet#DEFAULT_BUFFER}, the others at 0.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
final class SimOptions {
  private final Set<Integer> known;
  private final Map<Integer, Integer> values = new HashMap<>();

  /** Options for an endpoint that understands {@code known}. */
  SimOptions(Integer... known) {
    this.known = Set.of(known);
  }

  /** The value of an option this endpoint understands. */
  int get(int option) {
    Integer value = values.get(option);
    if (value != null) {
      return value;
    }
    return option == SO_RCVBUF || option == SO_SNDBUF ? SimNet.DEFAULT_BUFFER : 0;
  }

  /** The value, or -WSAENOPROTOOPT for an option this endpoint does not understand. */
  int read(int option) {
    return known.contains(option) ? get(option) : -WSAENOPROTOOPT;
  }

  /** Sets an option: 0, or -WSAENOPROTOOPT for one this endpoint does not understand. */
  int write(int option, int value) {
    if (!known.contains(option)) {
      return -WSAENOPROTOOPT;
    }
    values.put(option, value);
    return 0;
  }

  /** Takes every value of {@code other} (an accepted endpoint inherits its listener's). */
  void copyFrom(SimOptions other) {
    values.putAll(other.values);
  }
}
