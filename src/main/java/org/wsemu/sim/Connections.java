package org.wsemu.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds open connections by host and port, for faults that act on them.
 *
 * <p>Lock held by every caller.
 */
final class Connections {
  private Connections() {}

  private static boolean at(SimNetworkState net, SimTcpEndpoint end, SimHost host, int port) {
    if (end.state != SimTcpEndpoint.State.CONNECTED || end.wire == null || end.stream.isDead()) {
      return false;
    }
    return end.host == host && end.addresses.localPort() == port;
  }

  /** Connections with an end at {@code host:port}, or going to it, in a stable order. */
  static List<Wire> wiresAt(SimNetworkState net, SimHost host, int port) {
    Set<Wire> found = new LinkedHashSet<>();
    for (SimTcpEndpoint end : net.tcpEndpoints) {
      if (at(net, end, host, port)
          || end.state == SimTcpEndpoint.State.CONNECTED && end.wire != null && !end.stream.isDead()
              && net.topology.resolve(end.host, end.addresses.remoteIp()) == host && end.addresses.remotePort() == port) {
        found.add(end.wire);
      }
    }
    return new ArrayList<>(found);
  }

  /** The ends at {@code host:port} close gracefully (a peer close). */
  static void closeAt(SimNetworkState net, SimHost host, int port) {
    net.fault("peer-close", "at", SimNetworkState.address(host.ip, port));
    for (SimTcpEndpoint end : new ArrayList<>(net.tcpEndpoints)) {
      if (!at(net, end, host, port)) {
        continue;
      }
      PeerConnectionImpl owner = end.owner;
      if (owner != null) {
        net.later(owner::close);
      } else {
        end.stopSending();
      }
    }
  }

  /** Ends at {@code host:port} take data in at {@code bytesPerSecond} (0: unlimited). */
  static void throttleAt(SimNetworkState net, SimHost host, int port, long bytesPerSecond) {
    for (SimTcpEndpoint end : net.tcpEndpoints) {
      if (at(net, end, host, port)) {
        end.stream.throttle(bytesPerSecond > 0 ? new SimNetworkState.Throttle(bytesPerSecond) : null);
      }
    }
  }
}
