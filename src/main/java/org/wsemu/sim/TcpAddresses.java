package org.wsemu.sim;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;

/**
 * Where one simulated TCP endpoint is: the address it is bound to (0: any of its host's) and its
 * port, held in its host's port space; the local address a connection uses; and the peer. A failed
 * connection attempt keeps the port, as a Windows socket does.
 */
@GuardedBy("SimNetworkState.lock")
final class TcpAddresses {
  private final SimHost host;
  private int boundIp;
  private int localIp;
  private int localPort;
  private int remoteIp;
  private int remotePort;
  private boolean holdsPort;

  TcpAddresses(SimHost host) {
    this.host = host;
  }

  /**
   * Binds to {@code ip:port} (port 0: the next ephemeral one), sharing a port in use only with
   * {@code reuse}: 0 or an error.
   */
  int bind(int ip, int port, boolean reuse) {
    if (ip != 0 && !host.owns(ip)) {
      return NetError.ADDRESS_NOT_AVAILABLE.result();
    }
    int claimed = host.tcp.claim(port, reuse);
    if (claimed < 0) {
      return claimed;
    }
    boundIp = ip;
    localIp = ip;
    localPort = claimed;
    holdsPort = true;
    return 0;
  }

  /** The addresses of a connection {@code listener} takes: it shares the listener's port. */
  void accepted(TcpAddresses listener, int ip, int port, int peerIp, int peerPort) {
    boundIp = listener.boundIp;
    localIp = ip;
    localPort = port;
    remoteIp = peerIp;
    remotePort = peerPort;
    holdsPort = true;
    host.tcp.hold(port);
  }

  /**
   * A connection attempt to {@code ip:port} starts: the local address is the bound one, else
   * loopback for loopback, else the host's. 0, or {@link NetError#NETWORK_UNREACHABLE} as a result
   * if the endpoint is bound to loopback and the peer is not, or the other way round.
   */
  int connecting(int ip, int port) {
    boolean loopback = Topology.isLoopback(ip);
    if (boundIp != 0 && Topology.isLoopback(boundIp) != loopback) {
      return NetError.NETWORK_UNREACHABLE.result();
    }
    localIp = boundIp != 0 ? boundIp : loopback ? ip : host.ip;
    remoteIp = ip;
    remotePort = port;
    return 0;
  }

  /** The attempt failed: back to the bound address, with no peer. */
  void unconnected() {
    localIp = boundIp;
    remoteIp = 0;
    remotePort = 0;
  }

  /** Whether a listener here takes connections addressed to {@code ip} (host order). */
  boolean listensOn(int ip) {
    return boundIp == 0 || boundIp == ip;
  }

  /** Whether a listener here and one at {@code other} (the same port) would take the same connections. */
  boolean overlaps(TcpAddresses other) {
    return other.boundIp == 0 || boundIp == 0 || other.boundIp == boundIp;
  }

  /** Gives the port back to the host (the endpoint closed). */
  void release() {
    if (holdsPort) {
      host.tcp.release(localPort);
      holdsPort = false;
    }
  }

  int localIp() {
    return localIp;
  }

  int localPort() {
    return localPort;
  }

  int remoteIp() {
    return remoteIp;
  }

  int remotePort() {
    return remotePort;
  }

  /** "a.b.c.d:port" of this end, for the trace: the host's address while it is bound to any. */
  String label() {
    return SimNetworkState.address(localIp == 0 ? host.ip : localIp, localPort);
  }
}
