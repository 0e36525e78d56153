package org.wsemu.sim;

import org.wsemu.net.NetError;
import org.wsemu.net.NetException;
import org.wsemu.net.Readiness;

/**
 * A listening endpoint whose connections a {@link Peer} handles: it accepts each one as soon as it
 * is queued and starts a session on it.
 *
 * <p>Thread-safe.
 */
final class PeerService {
  /** Backlog of a peer's listener; it accepts at once, so the queue rarely holds anything. */
  static final int BACKLOG = 200;

  private final SimNetworkState net;
  private final SimTcpEndpoint listener;
  private final Peer peer;

  private PeerService(SimNetworkState net, SimTcpEndpoint listener, Peer peer) {
    this.net = net;
    this.listener = listener;
    this.peer = peer;
  }

  /** Listens on {@code host:port} for {@code peer} (lock held); the returned code is 0 or -error. */
  static int start(SimNetworkState net, SimHost host, int port, Peer peer) {
    SimTcpEndpoint listener = new SimTcpEndpoint(net, host);
    int r = listener.bind(0, port);
    if (r == 0) {
      r = listener.listen(BACKLOG);
    }
    if (r != 0) {
      return r;
    }
    net.tcpEndpoints.add(listener);
    PeerService service = new PeerService(net, listener, peer);
    listener.notifyWhen(Readiness.ACCEPT, service::acceptAll);
    return 0;
  }

  /**
   * Connects from {@code host} to {@code ip:port} for {@code peer} (lock held): the session starts
   * once the connection is established; a failed attempt is traced and dropped.
   */
  static void connect(SimNetworkState net, SimHost host, int ip, int port, Peer peer) {
    SimTcpEndpoint endpoint = new SimTcpEndpoint(net, host);
    net.tcpEndpoints.add(endpoint);
    int r = endpoint.connect(ip, port);
    if (r != NetError.WOULD_BLOCK.result()) {
      net.net("peer-connect-failed", "to", SimNetworkState.address(ip, port), "error", NetError.of(r));
      endpoint.close(true);
      return;
    }
    endpoint.notifyWhen(Readiness.CONNECT, () -> {
      int result = endpoint.finishConnect();
      if (result == 0) {
        new PeerConnectionImpl(net, endpoint).start(peer);
      } else {
        net.locked(() -> net.net("peer-connect-failed", "to", SimNetworkState.address(ip, port), "error", NetError.of(result)));
        endpoint.close(true);
      }
    });
  }

  private void acceptAll() {
    for (;;) {
      SimTcpEndpoint accepted;
      try {
        accepted = (SimTcpEndpoint) listener.accept();
      } catch (NetException e) {
        return; // the listener closed
      }
      if (accepted == null) {
        break;
      }
      new PeerConnectionImpl(net, accepted).start(peer);
    }
    listener.notifyWhen(Readiness.ACCEPT, this::acceptAll);
  }
}
