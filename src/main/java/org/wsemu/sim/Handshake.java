package org.wsemu.sim;

import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;
import org.wsemu.net.NetworkTimer;

/**
 * One connection attempt: the SYN travels to the target host, which refuses it (nobody listens,
 * the backlog is full, a fault) with a RST or queues a new connection on the listener and answers
 * with a SYN-ACK; an attempt that gets no answer (unknown address, partition) times out.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
@GuardedBy("SimNetworkState.lock")
final class Handshake {
  private final SimNetworkState net;
  private final SimTcpEndpoint client;
  private final SimHost target;
  private final int ip;
  private final int port;
  private boolean live = true;
  private NetworkTimer timeout;

  Handshake(SimTcpEndpoint client, SimHost target, int ip, int port) {
    this.net = client.net;
    this.client = client;
    this.target = target;
    this.ip = ip;
    this.port = port;
  }

  private String to() {
    return SimNetworkState.address(ip, port);
  }

  void start() {
    net.net("syn", "from", client.label(), "to", to());
    timeout = net.after(net.config.connectTimeout().toMillis(), this::timedOut);
    if (target != null) {
      net.send(net.topology.link(client.host, target), 0, this, null, this::synArrived);
    }
  }

  /** The client closed or gave up: whatever comes back is ignored or reset. */
  void abandon() {
    live = false;
    timeout.cancel();
  }

  private void timedOut() {
    if (live) {
      live = false;
      net.net("timeout", "from", client.label(), "to", to());
      client.connectFailed(NetError.TIMED_OUT);
    }
  }

  private void synArrived() {
    if (!live) {
      return; // the client no longer waits: the SYN is stale
    }
    if (net.rules.refuses(target, port)) {
      net.fault("refuse", "from", client.label(), "to", to(), "why", "refuse rule");
      refuse();
      return;
    }
    SimTcpEndpoint listener = listener();
    if (listener == null) {
      net.net("refused", "from", client.label(), "to", to(), "why", "nobody listens");
      refuse();
      return;
    }
    RandomFaults drawn = net.config.randomFaults();
    if (net.chance(drawn.refuse())) {
      net.fault("refuse", "from", client.label(), "to", to(), "why", "drawn");
      refuse();
      return;
    }
    if (listener.acceptQueue.size() >= listener.backlog) {
      net.net("refused", "from", client.label(), "to", to(), "why", "backlog full");
      refuse();
      return;
    }
    SimTcpEndpoint server = new SimTcpEndpoint(listener, ip, port, client.addresses.localIp(), client.addresses.localPort());
    Wire wire = new Wire(net, client, server);
    long budget = net.rules.resetBudget(target, port);
    if (budget < 0 && net.chance(drawn.reset())) {
      budget = net.between(drawn.resetMinBytes(), drawn.resetMaxBytes());
      net.fault("reset-after", "conn", client.label() + "<->" + to(), "bytes", budget, "why", "drawn");
    }
    wire.resetBudget = budget;
    long rate = net.rules.slowReaderRate(target, port);
    if (rate == 0 && net.chance(drawn.slowReader())) {
      rate = drawn.slowReaderBytesPerSecond();
      net.fault("slow-reader", "at", to(), "bytesPerSecond", rate, "why", "drawn");
    }
    if (rate > 0) {
      server.stream.throttle(new SimNetworkState.Throttle(rate));
    }
    long clientRate = net.rules.slowReaderRate(client.host, client.addresses.localPort());
    if (clientRate > 0) {
      client.stream.throttle(new SimNetworkState.Throttle(clientRate));
    }
    listener.acceptQueue.add(server);
    net.net("queued", "from", client.label(), "to", to(), "pending", listener.acceptQueue.size());
    listener.changed();
    net.send(net.topology.link(target, client.host), 0, client, null, () -> synAckArrived(wire, server));
  }

  private SimTcpEndpoint listener() {
    List<SimTcpEndpoint> candidates = target.listeners.get(port);
    if (candidates == null) {
      return null;
    }
    int addressed = Topology.isLoopback(ip) ? ip : target.ip;
    for (SimTcpEndpoint candidate : candidates) {
      if (candidate.addresses.listensOn(addressed)) {
        return candidate;
      }
    }
    return null;
  }

  private void refuse() {
    net.send(net.topology.link(target, client.host), 0, client, null, () -> {
      if (live) {
        live = false;
        timeout.cancel();
        client.connectFailed(NetError.REFUSED);
      }
    });
  }

  private void synAckArrived(Wire wire, SimTcpEndpoint server) {
    if (!live) {
      wire.resetFromAbandoned(server);
      return;
    }
    live = false;
    timeout.cancel();
    net.net("established", "from", client.label(), "to", to());
    client.established(wire);
  }
}
