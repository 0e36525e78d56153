package org.wsemu.sim;

import java.time.Duration;
import org.wsemu.net.UdpEndpoint;

/**
 * Drives a {@link DatagramPeer} on a bound UDP endpoint: every datagram that arrives is handed to
 * it with a way to answer. A datagram it fails on is reported at the emulator's callback boundary
 * and traced as {@code peer-failed}; the next one is handed to it as usual.
 *
 * <p>Thread-safe: the peer's callbacks run under this object's monitor, one at a time.
 */
final class DatagramPeerRunner {
  private final SimNetworkState net;
  private final SimUdpEndpoint endpoint;
  private final DatagramPeer peer;

  private DatagramPeerRunner(SimNetworkState net, SimUdpEndpoint endpoint, DatagramPeer peer) {
    this.net = net;
    this.endpoint = endpoint;
    this.peer = peer;
  }

  /** Binds {@code host:port} for {@code peer} (lock held); 0 or -error. */
  static int start(SimNetworkState net, SimHost host, int port, DatagramPeer peer) {
    SimUdpEndpoint endpoint = new SimUdpEndpoint(net, host);
    int r = endpoint.bind(0, port);
    if (r == 0) {
      net.udpEndpoints.add(endpoint);
      endpoint.owner = new DatagramPeerRunner(net, endpoint, peer);
    }
    return r;
  }

  /** Hands every queued datagram to the peer. */
  synchronized void drain() {
    byte[] buffer = new byte[SimNetworkState.MAX_DATAGRAM];
    int[] from = new int[2];
    for (;;) {
      int n = endpoint.receive(buffer, 0, buffer.length, from);
      if (n < 0) {
        return;
      }
      byte[] data = java.util.Arrays.copyOf(buffer, n);
      try {
        peer.received(data, new ReplyTo(from[0], from[1]));
      } catch (Throwable e) { // reported at the boundary (fatal errors pass); the next datagram still comes
        String at = SimNetworkState.address(endpoint.host.ip, endpoint.localPort());
        net.callbacks().failed("DatagramPeer at " + at, e);
        net.locked(() -> net.net("peer-failed", "at", at, "error", String.valueOf(e)));
      }
    }
  }

  private final class ReplyTo implements DatagramPeer.Reply {
    private final int ip;
    private final int port;

    ReplyTo(int ip, int port) {
      this.ip = ip;
      this.port = port;
    }

    @Override
    public void send(byte[] data) {
      UdpEndpoint out = endpoint;
      out.send(data, 0, data.length, ip, port);
    }

    @Override
    public void sendAfter(Duration delay, byte[] data) {
      net.locked(() -> net.after(delay.toMillis(), () -> net.later(() -> send(data))));
    }

    @Override
    public String from() {
      return SimNetworkState.address(ip, port);
    }

    @Override
    public long now() {
      return net.now();
    }
  }
}
