package org.wsemu.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host of the simulated network: its name and address, the ports its TCP and UDP endpoints
 * hold, its listening sockets, and its ephemeral-port counter (49152 to 65535, as Windows since
 * Vista and IANA use).
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
final class SimHost {
  static final int FIRST_EPHEMERAL = 49152;
  static final int LAST_EPHEMERAL = 65535;

  final String name;
  final int ip;
  final List<String> aliases;
  private final Map<Integer, Integer> tcpPorts = new HashMap<>();
  private final Map<Integer, Integer> udpPorts = new HashMap<>();
  /** Listening endpoints by port, in the order they started listening. */
  final Map<Integer, List<SimTcpEndpoint>> listeners = new HashMap<>();
  /** Bound UDP endpoints by port, in binding order. */
  final Map<Integer, List<SimUdpEndpoint>> datagramSockets = new LinkedHashMap<>();
  private int nextTcp = FIRST_EPHEMERAL;
  private int nextUdp = FIRST_EPHEMERAL;

  SimHost(String name, int ip, List<String> aliases) {
    this.name = name;
    this.ip = ip;
    this.aliases = List.copyOf(aliases);
  }

  boolean tcpInUse(int port) {
    return tcpPorts.getOrDefault(port, 0) > 0;
  }

  boolean udpInUse(int port) {
    return udpPorts.getOrDefault(port, 0) > 0;
  }

  void holdTcp(int port) {
    tcpPorts.merge(port, 1, Integer::sum);
  }

  void releaseTcp(int port) {
    tcpPorts.computeIfPresent(port, (p, n) -> n > 1 ? n - 1 : null);
  }

  void holdUdp(int port) {
    udpPorts.merge(port, 1, Integer::sum);
  }

  void releaseUdp(int port) {
    udpPorts.computeIfPresent(port, (p, n) -> n > 1 ? n - 1 : null);
  }

  /** The next free ephemeral TCP port, or 0 if all are taken. */
  int ephemeralTcp() {
    for (int tries = 0; tries <= LAST_EPHEMERAL - FIRST_EPHEMERAL; tries++) {
      int port = nextTcp;
      nextTcp = port == LAST_EPHEMERAL ? FIRST_EPHEMERAL : port + 1;
      if (!tcpInUse(port)) {
        return port;
      }
    }
    return 0;
  }

  /** The next free ephemeral UDP port, or 0 if all are taken. */
  int ephemeralUdp() {
    for (int tries = 0; tries <= LAST_EPHEMERAL - FIRST_EPHEMERAL; tries++) {
      int port = nextUdp;
      nextUdp = port == LAST_EPHEMERAL ? FIRST_EPHEMERAL : port + 1;
      if (!udpInUse(port)) {
        return port;
      }
    }
    return 0;
  }

  /** Whether {@code address} (host order) is one of this host's own: its address or loopback. */
  boolean owns(int address) {
    return address == ip || SimNet.isLoopback(address);
  }

  @Override
  public String toString() {
    return name;
  }
}
