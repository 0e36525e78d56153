package org.wsemu.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;
import org.wsemu.net.Readiness;
import org.wsemu.net.ReadinessWaiters;
import org.wsemu.net.TransportOption;
import org.wsemu.net.UdpEndpoint;

/**
 * A UDP endpoint of the simulated network. Datagrams keep their boundaries, travel over the link
 * (latency, jitter, loss, partitions drop them) and queue at the receiver while its buffer is not
 * full: a datagram is taken if less than SO_RCVBUF bytes are queued, else dropped (traced). With
 * SO_RCVBUF 0 a datagram is taken only while an overlapped receive is posted
 * ({@link #receivesPosted}), and dropped otherwise: an unreliable protocol with no buffer loses it.
 * Nobody bound at the destination port: the datagram is dropped silently (no ICMP is modelled).
 *
 * <p>Thread-safe: every method takes the network's lock.
 */
final class SimUdpEndpoint implements UdpEndpoint {
  private record Datagram(byte[] data, int fromIp, int fromPort) {}

  private static final int BROADCAST = 0xFFFFFFFF;

  private final SimNetworkState net;
  final SimHost host;
  @GuardedBy("net.lock") private final SimOptions options = new SimOptions(false);
  @GuardedBy("net.lock") private final ReadinessWaiters waiters = new ReadinessWaiters();
  @GuardedBy("net.lock") private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
  @GuardedBy("net.lock") private int queuedBytes;
  /** The bytes of overlapped receive buffers posted: with SO_RCVBUF 0, a datagram is taken only while some are. */
  @GuardedBy("net.lock") private int posted;
  @GuardedBy("net.lock") private int boundIp;
  @GuardedBy("net.lock") private int localPort;
  @GuardedBy("net.lock") private int peerIp;
  @GuardedBy("net.lock") private int peerPort;
  @GuardedBy("net.lock") private boolean closed;
  /** The ready-made peer that owns this endpoint, if any. */
  @GuardedBy("net.lock") DatagramPeerRunner owner;

  SimUdpEndpoint(SimNetworkState net, SimHost host) {
    this.net = net;
    this.host = host;
  }

  @Override
  public int setOption(TransportOption option, int value) {
    return net.call(() -> {
      options.set(option, value);
      return 0;
    });
  }

  @Override
  public int getOption(TransportOption option) {
    return net.call(() -> options.get(option));
  }

  @Override
  public int bind(int ip, int port) {
    return net.call(() -> {
      if (closed) {
        return NetError.CLOSED.result();
      }
      if (localPort != 0) {
        throw new IllegalStateException("bind: the endpoint is bound already");
      }
      return bindLocal(ip, port);
    });
  }

  private int bindLocal(int ip, int port) {
    if (ip != 0 && !host.owns(ip)) {
      return NetError.ADDRESS_NOT_AVAILABLE.result();
    }
    int claimed = host.udp.claim(port, options.get(TransportOption.REUSE_ADDRESS) != 0);
    if (claimed < 0) {
      return claimed;
    }
    boundIp = ip;
    localPort = claimed;
    host.datagramSockets.computeIfAbsent(claimed, p -> new ArrayList<>()).add(this);
    return 0;
  }

  @Override
  public int connect(int ip, int port) {
    return net.call(() -> {
      if (closed) {
        return NetError.CLOSED.result();
      }
      if (localPort == 0) {
        int r = bindLocal(0, 0);
        if (r < 0) {
          return r;
        }
      }
      peerIp = ip;
      peerPort = ip == 0 ? 0 : port;
      return 0;
    });
  }

  @Override
  public int send(byte[] buffer, int offset, int len, int ip, int port) {
    return net.call(() -> {
      if (closed) {
        return NetError.CLOSED.result();
      }
      if (len > SimNetworkState.MAX_DATAGRAM) {
        return NetError.MESSAGE_TOO_BIG.result();
      }
      if (ip == BROADCAST && options.get(TransportOption.BROADCAST) == 0) {
        throw new IllegalStateException("send: to the broadcast address without BROADCAST");
      }
      if (localPort == 0) {
        int r = bindLocal(0, 0);
        if (r < 0) {
          return r;
        }
      }
      byte[] data = java.util.Arrays.copyOfRange(buffer, offset, offset + len);
      if (ip == BROADCAST) {
        for (SimHost target : net.topology.hosts()) {
          transmit(target, data, target.ip, port);
        }
      } else {
        SimHost target = net.topology.resolve(host, ip);
        if (target == null) {
          net.net("drop", "from", SimNetworkState.address(sourceIp(ip), localPort), "to", SimNetworkState.address(ip, port),
              "why", "no such host", "len", len);
        } else {
          transmit(target, data, ip, port);
        }
      }
      return len;
    });
  }

  private int sourceIp(int destination) {
    return boundIp != 0 ? boundIp : Topology.isLoopback(destination) ? destination : host.ip;
  }

  private void transmit(SimHost target, byte[] data, int ip, int port) {
    int fromIp = sourceIp(ip);
    int fromPort = localPort;
    net.send(net.topology.link(host, target), data.length, null, null,
        () -> arrive(target, data, ip, port, fromIp, fromPort));
  }

  private void arrive(SimHost target, byte[] data, int ip, int port, int fromIp, int fromPort) {
    List<SimUdpEndpoint> bound = target.datagramSockets.get(port);
    SimUdpEndpoint receiver = null;
    if (bound != null) {
      int addressed = Topology.isLoopback(ip) ? ip : target.ip;
      for (SimUdpEndpoint candidate : bound) {
        if (candidate.boundIp == 0 || candidate.boundIp == addressed || ip == BROADCAST) {
          receiver = candidate;
          break;
        }
      }
    }
    String route = SimNetworkState.address(fromIp, fromPort) + "->" + SimNetworkState.address(ip, port);
    if (receiver == null) {
      net.net("drop", "route", route, "why", "nobody bound", "len", data.length);
      return;
    }
    receiver.deliver(new Datagram(data, fromIp, fromPort), route);
  }

  private void deliver(Datagram datagram, String route) {
    if (peerIp != 0 && (datagram.fromIp() != peerIp || datagram.fromPort() != peerPort)) {
      return; // a connected datagram socket hears only its peer
    }
    int rcvbuf = options.get(TransportOption.RECEIVE_BUFFER);
    if (rcvbuf == 0 && posted == 0) {
      net.net("drop", "route", route, "why", "no receive buffer, none posted", "len", datagram.data().length);
      return;
    }
    if (queuedBytes >= Math.max(1, rcvbuf)) {
      net.net("drop", "route", route, "why", "receive buffer full", "len", datagram.data().length);
      return;
    }
    queue.add(datagram);
    queuedBytes += datagram.data().length;
    net.later(waiters.takeReady(Readiness.READ));
    if (owner != null) {
      net.later(owner::drain);
    }
  }

  @Override
  public int receive(byte[] buffer, int offset, int len, int[] from) {
    return net.call(() -> {
      if (closed) {
        return NetError.CLOSED.result();
      }
      Datagram next = queue.poll();
      if (next == null) {
        return NetError.WOULD_BLOCK.result();
      }
      queuedBytes -= next.data().length;
      System.arraycopy(next.data(), 0, buffer, offset, Math.min(len, next.data().length));
      from[0] = next.fromIp();
      from[1] = next.fromPort();
      return next.data().length;
    });
  }

  @Override
  public void close() {
    net.locked(() -> {
      if (closed) {
        return;
      }
      closed = true;
      net.udpEndpoints.remove(this);
      if (localPort != 0) {
        host.udp.release(localPort);
        List<SimUdpEndpoint> bound = host.datagramSockets.get(localPort);
        bound.remove(this);
        if (bound.isEmpty()) {
          host.datagramSockets.remove(localPort);
        }
      }
      queue.clear();
      net.later(waiters.takeAll());
    });
  }

  @Override
  public int localIp() {
    return net.call(() -> boundIp != 0 ? boundIp : peerIp != 0 ? sourceIp(peerIp) : 0);
  }

  @Override
  public int localPort() {
    return net.call(() -> localPort);
  }

  @Override
  public void notifyWhen(int ops, Runnable onReady) {
    net.locked(() -> {
      int ready = closed ? -1 : (queue.isEmpty() ? 0 : Readiness.READ) | Readiness.WRITE;
      if ((ops & ready) != 0) {
        net.soon(onReady);
      } else {
        waiters.add(ops, onReady);
      }
    });
  }

  @Override
  public void receivesPosted(int bytes) {
    net.call(() -> {
      posted = bytes;
      return 0;
    });
  }
}
