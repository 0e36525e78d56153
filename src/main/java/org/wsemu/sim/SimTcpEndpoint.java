package org.wsemu.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;
import org.wsemu.net.NetException;
import org.wsemu.net.Readiness;
import org.wsemu.net.ReadinessWaiters;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.TransportOption;

/**
 * A TCP endpoint of the simulated network: its state machine, addresses, options and readiness.
 * The data of a connection is its {@link TcpStream}'s; the packets between two connected endpoints
 * are the {@link Wire}'s business, and connection set-up the {@link Handshake}'s. A call that the
 * endpoint's state does not allow throws {@link IllegalStateException}: the Winsock layer decides
 * which call a socket's state allows before it calls.
 *
 * <p>Buffers: what the application writes waits in the send buffer (SO_SNDBUF bytes) until the
 * peer's window lets it go; what arrives waits in the receive buffer (SO_RCVBUF bytes, which is
 * the window the peer sees). A blocking send therefore waits while the peer's window is full.
 * With SO_RCVBUF 0 the window is what overlapped receives have posted ({@link #receivesPosted}),
 * so the peer's sends stall until buffers are posted (1 byte when none is, for a plain recv).
 *
 * <p>Thread-safe: every method takes the network's lock; package-private ones say "lock held" when
 * the caller must hold it.
 */
final class SimTcpEndpoint implements TcpEndpoint {
  enum State { OPEN, BOUND, LISTENING, CONNECTING, CONNECTED, CLOSED }

  private static final int ALL_OPS = Readiness.READ | Readiness.WRITE | Readiness.ACCEPT | Readiness.CONNECT
      | Readiness.URGENT | Readiness.SENT | Readiness.END;

  final SimNetworkState net;
  final SimHost host;
  @GuardedBy("net.lock") private final SimOptions options = new SimOptions(true);
  @GuardedBy("net.lock") State state = State.OPEN;
  @GuardedBy("net.lock") final TcpAddresses addresses;
  @GuardedBy("net.lock") private final ReadinessWaiters waiters = new ReadinessWaiters();
  /** What arrived, and the ready-made peer's hook waiting for the next arrival. */
  @GuardedBy("net.lock") final Arrivals arrivals;
  /** The ready-made peer that owns this endpoint, if any. */
  @GuardedBy("net.lock") PeerConnectionImpl owner;

  // listening
  @GuardedBy("net.lock") final ArrayDeque<SimTcpEndpoint> acceptQueue = new ArrayDeque<>();
  @GuardedBy("net.lock") int backlog;

  // connecting
  @GuardedBy("net.lock") private Handshake attempt;
  @GuardedBy("net.lock") private NetError connectError;

  // connected
  @GuardedBy("net.lock") Wire wire;
  /** The connection's data at this end; empty until connected. */
  @GuardedBy("net.lock") final TcpStream stream = new TcpStream();

  SimTcpEndpoint(SimNetworkState net, SimHost host) {
    this.net = net;
    this.host = host;
    this.addresses = new TcpAddresses(host);
    this.arrivals = new Arrivals(net);
  }

  /** An endpoint for a connection {@code listener} takes, addressed as {@code ip:port} (lock held). */
  SimTcpEndpoint(SimTcpEndpoint listener, int ip, int port, int peerIp, int peerPort) {
    this(listener.net, listener.host);
    options.copyFrom(listener.options);
    state = State.CONNECTED;
    addresses.accepted(listener.addresses, ip, port, peerIp, peerPort);
    net.tcpEndpoints.add(this);
  }

  // ---- options ----

  int option(TransportOption option) {
    return options.get(option);
  }

  @Override
  public int setOption(TransportOption option, int value) {
    return net.call(() -> {
      options.set(option, value);
      if (wire != null && (option == TransportOption.RECEIVE_BUFFER || option == TransportOption.SEND_BUFFER)) {
        wire.pump(wire.other(this)); // the window this end offers changed
        changed();
      }
      return 0;
    });
  }

  @Override
  public int getOption(TransportOption option) {
    return net.call(() -> options.get(option));
  }

  boolean oobInline() {
    return option(TransportOption.OOB_INLINE) != 0;
  }

  /** The room the peer may still fill in the receive buffer: {@link TcpStream#receiveWindow} (lock held). */
  int receiveWindow() {
    return stream.receiveWindow(option(TransportOption.RECEIVE_BUFFER));
  }

  @Override
  public void receivesPosted(int bytes) {
    net.call(() -> {
      if (stream.posted(bytes, option(TransportOption.RECEIVE_BUFFER)) && wire != null) {
        wire.pump(wire.other(this)); // the window this end offers opened
      }
      return 0;
    });
  }

  /** How many more bytes write() takes now (lock held). */
  private int sendRoom() {
    int sndbuf = option(TransportOption.SEND_BUFFER);
    return stream.sendRoom(sndbuf, sndbuf > 0 || wire == null ? 0 : wire.other(this).receiveWindow());
  }

  // ---- binding, listening, accepting ----

  @Override
  public int bind(int ip, int port) {
    return net.call(() -> closed("bind", State.OPEN) ? NetError.CLOSED.result() : bindLocal(ip, port));
  }

  /**
   * Whether the endpoint is closed; if not, checks that it is in one of {@code allowed}, as the
   * caller must have made sure (the Winsock layer decides which call a socket's state allows).
   * Closing may race with any call, so a closed endpoint is no bug: the call answers
   * {@link NetError#CLOSED}.
   *
   * @throws IllegalStateException if it is open and in none of {@code allowed}
   */
  private boolean closed(String operation, State... allowed) {
    if (state == State.CLOSED) {
      return true;
    }
    for (State each : allowed) {
      if (state == each) {
        return false;
      }
    }
    throw new IllegalStateException(operation + ": the endpoint is " + state);
  }

  private int bindLocal(int ip, int port) {
    int r = addresses.bind(ip, port, option(TransportOption.REUSE_ADDRESS) != 0);
    if (r == 0) {
      state = State.BOUND;
    }
    return r;
  }

  @Override
  public int listen(int requested) {
    return net.call(() -> {
      if (closed("listen", State.BOUND)) {
        return NetError.CLOSED.result();
      }
      List<SimTcpEndpoint> others = host.listeners.computeIfAbsent(addresses.localPort(), p -> new ArrayList<>());
      for (SimTcpEndpoint other : others) {
        if (other.addresses.overlaps(addresses)) {
          return NetError.ADDRESS_IN_USE.result();
        }
      }
      others.add(this);
      state = State.LISTENING;
      backlog = Math.max(1, requested);
      net.net("listen", "at", SimNetworkState.address(addresses.localIp(), addresses.localPort()), "host", host.name,
          "backlog", backlog);
      return 0;
    });
  }

  @Override
  public TcpEndpoint accept() throws NetException {
    net.lock();
    try {
      if (closed("accept", State.LISTENING)) {
        throw new NetException(NetError.CLOSED, "closed");
      }
      SimTcpEndpoint next = acceptQueue.poll();
      if (next != null) {
        changed();
      }
      return next;
    } finally {
      net.unlock();
    }
  }

  // ---- connecting ----

  @Override
  public int connect(int ip, int port) {
    return net.call(() -> {
      if (closed("connect", State.OPEN, State.BOUND)) {
        return NetError.CLOSED.result();
      }
      if (state == State.OPEN) {
        int r = bindLocal(0, 0);
        if (r < 0) {
          return r;
        }
      }
      int r = addresses.connecting(ip, port);
      if (r < 0) {
        return r;
      }
      connectError = null;
      state = State.CONNECTING;
      attempt = new Handshake(this, net.topology.resolve(host, ip), ip, port);
      attempt.start();
      return NetError.WOULD_BLOCK.result();
    });
  }

  /** The handshake succeeded (lock held). */
  void established(Wire connected) {
    attempt = null;
    wire = connected;
    state = State.CONNECTED;
    changed();
  }

  /** The handshake failed (lock held): back to bound, keeping the port, with the error to report. */
  void connectFailed(NetError code) {
    attempt = null;
    state = State.BOUND;
    addresses.unconnected();
    connectError = code;
    changed();
  }

  @Override
  public int finishConnect() {
    return net.call(() -> {
      switch (state) {
        case CONNECTED:
          return 0;
        case CONNECTING:
          return NetError.WOULD_BLOCK.result();
        case CLOSED:
          return NetError.CLOSED.result();
        default:
          NetError failure = connectError;
          if (failure == null) {
            throw new IllegalStateException("finishConnect: no connection attempt");
          }
          connectError = null;
          return failure.result();
      }
    });
  }

  // ---- data ----

  @Override
  public int read(byte[] buffer, int offset, int len) {
    return net.call(() -> {
      if (closed("read", State.CONNECTED)) {
        return NetError.CLOSED.result();
      }
      if (stream.hasData()) {
        int n = stream.read(buffer, offset, len);
        wire.pump(wire.other(this)); // the window opened
        changed();
        return n;
      }
      if (stream.isDead()) {
        return stream.error().result();
      }
      return stream.eof() ? 0 : NetError.WOULD_BLOCK.result();
    });
  }

  @Override
  public int write(byte[] buffer, int offset, int len) {
    return net.call(() -> {
      int check = sendCheck("write");
      if (check != 0) {
        return check;
      }
      int n = Math.min(len, sendRoom());
      if (n <= 0) {
        return len == 0 ? 0 : NetError.WOULD_BLOCK.result();
      }
      stream.write(buffer, offset, n);
      wire.pump(this);
      return n;
    });
  }

  /** 0 if data may be sent now, else why not: closed, the connection gone, or sending shut down (a fault). */
  private int sendCheck(String operation) {
    if (closed(operation, State.CONNECTED)) {
      return NetError.CLOSED.result();
    }
    if (stream.isDead()) {
      return stream.error().result();
    }
    return stream.outputShut() ? NetError.SHUT_DOWN.result() : 0;
  }

  @Override
  public int sendUrgent(int data) {
    return net.call(() -> {
      int check = sendCheck("sendUrgent");
      if (check != 0) {
        return check;
      }
      stream.writeUrgent((byte) data);
      wire.pump(this);
      return 1;
    });
  }

  @Override
  public int readUrgent() {
    return net.call(() -> {
      if (closed("readUrgent", State.CONNECTED)) {
        return NetError.CLOSED.result();
      }
      if (oobInline()) {
        return NetError.INVALID.result(); // urgent data stays in the stream: none is held apart
      }
      int value = stream.takeUrgent();
      if (value < 0) {
        return stream.isDead() ? stream.error().result() : NetError.WOULD_BLOCK.result();
      }
      changed();
      return value;
    });
  }

  @Override
  public boolean atMark() {
    return net.test(() -> stream.atMark(oobInline()));
  }

  @Override
  public int peerEnd() {
    return net.call(() -> stream.peerEnded() ? 1 : 0);
  }

  @Override
  public int unsentBytes() {
    return net.call(() -> state != State.CONNECTED ? 0 : stream.unsent());
  }

  @Override
  public int shutdownInput() {
    return net.call(() -> {
      if (state == State.CONNECTED && stream.shutdownInput() && stream.hasData()) {
        wire.reset(this, "unread data at shutdown(SD_RECEIVE)");
      }
      return 0;
    });
  }

  @Override
  public int shutdownOutput() {
    return net.call(() -> {
      if (state == State.CONNECTED) {
        stopSending();
      }
      return 0;
    });
  }

  /** Asks for the FIN after what is queued, unless it was asked for already (connected; lock held). */
  void stopSending() {
    if (stream.shutdownOutput()) {
      wire.pump(this);
      changed();
    }
  }

  @Override
  public void close(boolean abortive) {
    net.locked(() -> {
      if (state == State.CLOSED) {
        return;
      }
      State was = state;
      state = State.CLOSED;
      net.tcpEndpoints.remove(this);
      addresses.release();
      switch (was) {
        case LISTENING -> {
          host.listeners.get(addresses.localPort()).remove(this);
          for (SimTcpEndpoint pending : acceptQueue) {
            pending.close(true); // never accepted: the client sees a reset
          }
          acceptQueue.clear();
        }
        case CONNECTING -> attempt.abandon();
        case CONNECTED -> {
          if (abortive || stream.hasData()) {
            wire.reset(this, abortive ? "abortive close" : "closed with unread data");
          } else if (stream.shutdownOutput()) {
            wire.pump(this); // graceful: what is queued still goes, then the FIN
          }
        }
        default -> { }
      }
      net.later(waiters.takeAll());
      arrivals.arrived();
    });
  }

  // ---- readiness ----

  /** The {@link Readiness} conditions that hold now (lock held). */
  private int readyOps() {
    switch (state) {
      case CLOSED:
        return ALL_OPS;
      case LISTENING:
        return acceptQueue.isEmpty() ? 0 : Readiness.ACCEPT;
      case CONNECTING:
        return 0;
      case CONNECTED:
        return Readiness.CONNECT | stream.readyOps(sendRoom());
      default:
        return connectError != null ? Readiness.CONNECT | Readiness.READ | Readiness.WRITE : 0;
    }
  }

  /** Makes due the callbacks whose condition now holds (lock held). */
  void changed() {
    net.later(waiters.takeReady(readyOps()));
  }

  @Override
  public void notifyWhen(int ops, Runnable onReady) {
    net.locked(() -> {
      if ((ops & readyOps()) != 0) {
        net.soon(onReady);
      } else {
        waiters.add(ops, onReady);
      }
    });
  }

  // ---- addresses ----

  @Override
  public int localIp() {
    return net.call(addresses::localIp);
  }

  @Override
  public int localPort() {
    return net.call(addresses::localPort);
  }

  @Override
  public int remoteIp() {
    return net.call(() -> state == State.CONNECTED ? addresses.remoteIp() : 0);
  }

  @Override
  public int remotePort() {
    return net.call(() -> state == State.CONNECTED ? addresses.remotePort() : 0);
  }

  /** Whether nothing more can be read: closed, reset, or the FIN with everything before it read (lock held). */
  boolean atEnd() {
    return state == State.CLOSED || stream.atEnd();
  }

  String label() {
    return addresses.label();
  }
}
