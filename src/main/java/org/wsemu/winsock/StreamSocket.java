package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.MSG_OOB;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAENOBUFS;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Network;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.TransportOption;
import org.wsemu.winsock.SocketState.Phase;
import org.wsemu.winsock.StreamReadiness.AttemptSeen;

/**
 * A SOCK_STREAM socket over a {@link TcpEndpoint}: every call asks the socket's {@link SocketState}
 * first, then the endpoint. Its parts: {@link ConnectAttempts} (connecting), {@link StreamReceiver}
 * (what was read ahead, how the stream ended), {@link PendingConnections} (accepting), and the
 * looks that fill a {@link StreamReadiness} snapshot for select, WSAAsyncSelect and blocked calls.
 * The endpoint's results are read through {@link NetErrors}.
 *
 * <p>Thread-safe: every operation holds the socket's monitor, which guards all of its parts; the
 * endpoint is asked for readiness callbacks, and closed, outside it.
 */
final class StreamSocket extends EmulatedSocket {
  private final LazyTcpEndpoint transport;
  private final ConnectAttempts attempts = new ConnectAttempts();
  private final StreamReceiver receiver = new StreamReceiver(state, this::tookFromEndpoint);
  private final PendingConnections connections = new PendingConnections();
  @GuardedBy("this") private boolean congested;
  /** Whether {@link #lookForEvents} is running (its read-ahead needs no wake-up). */
  @GuardedBy("this") private boolean evaluating;
  @GuardedBy("this") boolean oobInline; // SO_OOBINLINE, mirrored from the endpoint
  @GuardedBy("this") boolean lingerOn; // SO_LINGER l_onoff
  @GuardedBy("this") int lingerSeconds; // SO_LINGER l_linger

  StreamSocket(int handle, WinsockApplication app, Network network) {
    super(handle, WinSock.SOCK_STREAM, app);
    this.transport = new LazyTcpEndpoint(network);
  }

  /** A socket for a connection accept() took. */
  StreamSocket(int handle, WinsockApplication app, Network network, TcpEndpoint connected) {
    super(handle, WinSock.SOCK_STREAM, app);
    this.transport = new LazyTcpEndpoint(network, connected);
    state.connected();
  }

  /** The endpoint, or null until bind, connect or an option opened one. */
  private TcpEndpoint endpoint() {
    return transport.get();
  }

  // ---- binding, listening, accepting ----

  @Override
  synchronized int bind(int ip, int port) {
    int r = state.bind(transport.hasLocalAddress());
    if (r != 0) {
      return r;
    }
    TcpEndpoint ep = transport.open();
    if (ep == null) {
      return -WSAENOBUFS;
    }
    r = NetErrors.result(ep.bind(ip, port));
    if (r == 0) {
      state.bound();
    }
    return r;
  }

  /** Listens; the backlog is clamped to 1..{@code maxBacklog} (SOMAXCONN, 5, for a 1.x application). */
  synchronized int listen(int backlog, int maxBacklog) {
    int r = state.listen();
    if (r != 0 || state.phase() == Phase.LISTENING) {
      return r;
    }
    r = NetErrors.result(endpoint().listen(Math.max(1, Math.min(backlog, maxBacklog))));
    if (r == 0) {
      state.listening();
    }
    return r;
  }

  synchronized boolean isListening() {
    return state.phase() == Phase.LISTENING;
  }

  /** Whether accept may take connections from this socket: 0, or -WSAEINVAL if it is not listening. */
  synchronized int acceptable() {
    return state.accept();
  }

  /**
   * Takes a pending connection into {@code connection[0]}: 0, {@link #WOULD_BLOCK} if none waits,
   * or -error (WSAEINVAL if the socket is not listening).
   */
  synchronized int takeConnection(TcpEndpoint[] connection) {
    int r = state.accept();
    return r != 0 ? r : connections.take(endpoint(), connection);
  }

  // ---- connecting ----

  /**
   * Starts connecting: 0, {@link #WOULD_BLOCK} (in progress), or -error. While an attempt is in
   * progress it reports WSAEALREADY, once it succeeded WSAEISCONN, and once it failed (seen by
   * select, not yet reported) that failure, once.
   */
  synchronized int connect(int ip, int port) {
    int r = state.connect();
    if (r != 0) {
      return r;
    }
    if (state.phase() == Phase.CONNECTING) {
      return SocketState.connectAgain(finishConnect(true));
    }
    int unreported = attempts.takeUnreported();
    if (unreported != 0) {
      return -unreported; // a failure select saw: this connect reports it
    }
    r = SocketState.destination(ip, port);
    if (r != 0) {
      return r;
    }
    TcpEndpoint ep = transport.open();
    return ep == null ? -WSAENOBUFS : attempts.start(state, ep, ip, port);
  }

  /**
   * Completes a connection in progress: 0, {@link #WOULD_BLOCK}, or -error.
   *
   * @param reported whether the caller reports a failure to the program (see {@link ConnectAttempts#finish})
   */
  synchronized int finishConnect(boolean reported) {
    if (state.phase() == Phase.CONNECTED) {
      return 0;
    }
    int r = state.finishConnect();
    return r != 0 ? r : attempts.finish(state, endpoint(), reported);
  }

  @Override
  synchronized void connectOutcomeReported(int attempt) {
    attempts.reportedByEvent(attempt);
  }

  @Override
  synchronized int finishedConnectAttempt() {
    return attempts.finishedAttempt();
  }

  @Override
  synchronized int takeError() {
    return attempts.takeUnreported();
  }

  /**
   * The connection was compromised (a blocking call on it was cancelled part way): reset it and
   * fail every later call except closesocket with WSAECONNABORTED.
   */
  synchronized void abort() {
    state.abort();
    if (state.phase() == Phase.CONNECTING) {
      attempts.abortedWhileConnecting(state);
    }
    TcpEndpoint ep = endpoint();
    if (ep != null) {
      ep.close(true);
    }
    stateChanged();
  }

  // ---- receiving and sending ----

  /** recv: bytes, 0 at the peer's graceful close, {@link #WOULD_BLOCK}, or -error. */
  synchronized int recv(byte[] buffer, int offset, int len, int flags) {
    boolean urgent = (flags & MSG_OOB) != 0;
    int check = state.receiveStream(urgent, oobInline);
    if (check != 0) {
      return check;
    }
    if (urgent) {
      return StreamReceiver.receiveUrgent(endpoint(), buffer, offset, len);
    }
    return len == 0 ? 0 : receiver.receive(endpoint(), buffer, offset, len, (flags & MSG_PEEK) != 0);
  }

  /** FIONREAD: 0 on a listening socket or a connection that can no longer be read, the error on an unconnected one. */
  @Override
  synchronized int readable() {
    if (state.phase() == Phase.LISTENING) {
      return 0;
    }
    int check = state.receiveStream(false, false);
    if (check != 0) {
      return state.phase() == Phase.CONNECTED ? 0 : check;
    }
    return receiver.readable(endpoint());
  }

  /**
   * Something moved from the endpoint into this socket (read ahead, a pending connection): a task
   * blocked on this socket, a pending overlapped receive, or a WSAAsyncSelect registration, waiting
   * on the endpoint would never hear of it, so they are woken (the registration unless this is its
   * own evaluation).
   */
  private void tookFromEndpoint() {
    stateChanged();
    overlapped.tookFromEndpoint(); // a pending receive's pump waits on the endpoint too
    AsyncSelect registration = asyncSelect;
    if (registration != null && !evaluating) {
      registration.wake();
    }
  }

  /** Writes what fits now: bytes (at least 1), {@link #WOULD_BLOCK}, or -error. */
  synchronized int sendSome(byte[] buffer, int offset, int len) {
    int check = state.sendStream();
    if (check != 0 || len == 0) {
      return check;
    }
    int r = NetErrors.result(endpoint().write(buffer, offset, len));
    if (r == WOULD_BLOCK) {
      congested = true;
    } else if (r < 0) {
      state.reset(-r);
    }
    return r;
  }

  /** Sends one urgent byte: 1 or -error. */
  synchronized int sendUrgent(int data) {
    int check = state.sendStream();
    return check != 0 ? check : NetErrors.result(endpoint().sendUrgent(data));
  }

  @Override
  synchronized void receivesPosted(int bytes) {
    TcpEndpoint ep = endpoint();
    if (ep != null && !closed) {
      ep.receivesPosted(bytes);
    }
  }

  // ---- readiness ----

  @Override
  synchronized SocketReadiness lookForSelect(boolean read, boolean write, boolean except) {
    AttemptSeen seen = AttemptSeen.NOTHING;
    if (state.phase() == Phase.CONNECTING && (write || except)) {
      int r = finishConnect(false);
      seen = r == 0 ? AttemptSeen.CONNECTED : r == WOULD_BLOCK ? AttemptSeen.NOTHING : AttemptSeen.FAILED;
    }
    boolean urgent = urgentWaiting(); // before reading ahead
    if (read) {
      lookForData();
    }
    return snapshot(urgent).attemptSeen(seen);
  }

  @Override
  synchronized SocketReadiness lookForEvents(boolean closeWanted) {
    if (closed) {
      return new StreamReadiness(state.phase()).closed(true);
    }
    evaluating = true;
    try {
      if (state.phase() == Phase.CONNECTING) {
        finishConnect(false); // an attempt that failed keeps its error for connect or SO_ERROR
      }
      lookForData();
      if (closeWanted && state.phase() == Phase.CONNECTED) {
        receiver.lookForEnd(endpoint());
      }
      return snapshot(urgentWaiting());
    } finally {
      evaluating = false;
    }
  }

  @Override
  synchronized SocketReadiness readiness() {
    return snapshot(urgentWaiting());
  }

  /** Listening: takes a pending connection ahead; connected: reads ahead when nothing is known. */
  private void lookForData() {
    if (closed) {
      return; // another task closed it meanwhile: its endpoint is not asked
    }
    if (state.phase() == Phase.LISTENING) {
      connections.look(endpoint(), this::tookFromEndpoint);
    } else if (state.phase() == Phase.CONNECTED) {
      receiver.lookForData(endpoint());
    }
  }

  /** Whether urgent data waits apart from the stream (SO_OOBINLINE off), for MSG_OOB. */
  private boolean urgentWaiting() {
    return state.phase() == Phase.CONNECTED && !closed && !oobInline && !state.aborted() && !endpoint().atMark();
  }

  private StreamReadiness snapshot(boolean urgentWaiting) {
    boolean connected = state.phase() == Phase.CONNECTED && !closed;
    return new StreamReadiness(state.phase()).closed(closed).aborted(state.aborted())
        .attemptFinished(attempts.finishedAttempt(), attempts.outcome())
        .connectionWaiting(connections.waiting())
        .readAhead(receiver.readAhead()).endRead(receiver.endRead()).endArrived(receiver.endArrived())
        .reset(state.resetError()).inputShut(state.inputShut()).outputShut(state.outputShut())
        .congested(congested).oobInline(oobInline).urgentWaiting(urgentWaiting)
        .endWaitOps(connected ? receiver.endWaitOps(endpoint()) : 0);
  }

  @Override
  void notifyWhen(int ops, Runnable onReady) {
    transport.notifyWhen(ops, (ops & Readiness.WRITE) == 0 ? onReady : () -> {
      synchronized (this) {
        congested = false;
      }
      onReady.run();
    });
  }

  // ---- addresses, shutdown, options, close ----

  @Override
  synchronized int localAddress(int[] out) {
    int r = state.localName(transport.hasLocalAddress());
    if (r != 0) {
      return r;
    }
    out[0] = endpoint().localIp();
    out[1] = endpoint().localPort();
    return out[1] == 0 ? -WSAEINVAL : 0;
  }

  @Override
  synchronized int peerAddress(int[] out) {
    int r = state.peerName();
    if (r != 0) {
      return r;
    }
    out[0] = endpoint().remoteIp();
    out[1] = endpoint().remotePort();
    return 0;
  }

  @Override
  synchronized int shutdown(int how) {
    int r = state.shutdown(how, true);
    if (r != 0) {
      return r;
    }
    if (how != 1 && state.shutInput()) {
      endpoint().shutdownInput();
    }
    if (how != 0 && state.shutOutput()) {
      endpoint().shutdownOutput();
    }
    return 0;
  }

  /** For a lingering close: stops sending, so that the peer sees the end of the stream. */
  synchronized void beginGracefulClose() {
    if (state.usable() == 0 && state.phase() == Phase.CONNECTED && state.shutOutput()) {
      endpoint().shutdownOutput();
    }
  }

  /**
   * For a lingering close: whether what was sent has reached the peer.
   *
   * @return 0 when it has (or the connection is gone), {@link #WOULD_BLOCK} otherwise
   */
  synchronized int lingerUntilSent() {
    if (state.phase() != Phase.CONNECTED || state.aborted() || state.resetError() != 0) {
      return 0;
    }
    return endpoint().unsentBytes() == 0 ? 0 : WOULD_BLOCK;
  }

  synchronized boolean isConnected() {
    return state.phase() == Phase.CONNECTED && !state.aborted();
  }

  @Override
  synchronized boolean isConnectedStream() {
    return state.phase() == Phase.CONNECTED;
  }

  @Override
  synchronized int transportOption(TransportOption option) {
    int r = state.usable();
    if (r != 0) {
      return r;
    }
    TcpEndpoint ep = transport.open();
    return ep == null ? -WSAENOBUFS : NetErrors.result(ep.getOption(option));
  }

  @Override
  synchronized int setTransportOption(TransportOption option, int value) {
    int r = state.usable();
    if (r != 0) {
      return r;
    }
    TcpEndpoint ep = transport.open();
    r = ep == null ? -WSAENOBUFS : NetErrors.result(ep.setOption(option, value));
    if (r == 0 && option == TransportOption.OOB_INLINE) {
      oobInline = value != 0;
    }
    return r;
  }

  /** SIOCATMARK: whether no urgent data waits (or, in line, the next byte is not the mark). */
  synchronized boolean atMark() {
    TcpEndpoint ep = endpoint();
    return ep == null || ep.atMark();
  }

  /**
   * Closes the endpoint; data received but never read makes even a graceful close a reset, as TCP
   * stacks do (RFC 1122 4.2.2.13), and what was read ahead for select, FIONREAD or MSG_PEEK is
   * unread data too.
   */
  @Override
  void closeEndpoint(boolean abortive) {
    synchronized (this) {
      abortive |= receiver.readAhead() > 0;
      connections.resetAll();
    }
    transport.close(abortive);
  }
}
