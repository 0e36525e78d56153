package org.wsemu.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsemu.internal.GuardedBy;

/**
 * A host of the simulated network: its name and address, the TCP and UDP ports its endpoints
 * hold, its listening sockets and its bound datagram sockets.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
@GuardedBy("SimNetworkState.lock")
final class SimHost {
  final String name;
  final int ip;
  final List<String> aliases;
  final PortSpace tcp = new PortSpace();
  final PortSpace udp = new PortSpace();
  /** Listening endpoints by port, in the order they started listening. */
  final Map<Integer, List<SimTcpEndpoint>> listeners = new HashMap<>();
  /** Bound UDP endpoints by port, in binding order. */
  final Map<Integer, List<SimUdpEndpoint>> datagramSockets = new LinkedHashMap<>();

  SimHost(String name, int ip, List<String> aliases) {
    this.name = name;
    this.ip = ip;
    this.aliases = List.copyOf(aliases);
  }

  /** Whether {@code address} (host order) is one of this host's own: its address or loopback. */
  boolean owns(int address) {
    return address == ip || Topology.isLoopback(address);
  }

  @Override
  public String toString() {
    return name;
  }
}
