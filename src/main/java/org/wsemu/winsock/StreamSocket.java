package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.MSG_OOB;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.WSAEADDRNOTAVAIL;
import static org.wsemu.winsock.WinSock.WSAEALREADY;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEISCONN;
import static org.wsemu.winsock.WinSock.WSAENOBUFS;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAESHUTDOWN;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.net.NetException;
import org.wsemu.net.Network;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;

/**
 * A SOCK_STREAM socket: TCP states and Winsock's rules over a {@link TcpEndpoint}.
 *
 * <p>Reads go straight from the endpoint into the caller's buffer. Only what must be known without
 * consuming it (MSG_PEEK, FIONREAD, select readability, and on a network that cannot tell it
 * otherwise the peer's close behind unread data, for FD_CLOSE) is read ahead into a small buffer,
 * which later receives drain first; so a receive that is cancelled or fails has consumed nothing.
 */
final class StreamSocket extends WsSocket {
  private enum State { UNBOUND, BOUND, LISTENING, CONNECTING, CONNECTED }

  private final Network network;
  private TcpEndpoint endpoint;
  private State state;
  private boolean explicitlyBound;
  private boolean inputShut;
  private boolean outputShut;
  private boolean eof;
  /** The peer's FIN has arrived behind data not read yet: FD_CLOSE holds before the reads. */
  private boolean finArrived;
  private boolean aborted;
  private int resetError;
  private boolean congested;
  private final ReadAhead readAhead = new ReadAhead();
  private final ArrayDeque<TcpEndpoint> pendingAccepts = new ArrayDeque<>();
  /** Whether {@link #asyncConditions} is running (its read-ahead needs no wake-up). */
  private boolean evaluating;
  /** Readiness callbacks asked for before the endpoint existed; run at close, or handed over. */
  private final List<Runnable> earlyWaiters = new ArrayList<>();
  /** Connection attempts started, the last one finished, and its outcome (0 or WSAE*): for FD_CONNECT. */
  private int connectAttempts;
  private int finishedAttempt;
  private int connectOutcome;
  boolean oobInline; // SO_OOBINLINE, mirrored from the endpoint
  boolean lingerOn; // SO_LINGER l_onoff
  int lingerSeconds; // SO_LINGER l_linger

  StreamSocket(int handle, WsApp app, Network network) {
    super(handle, WinSock.SOCK_STREAM, app);
    this.network = network;
    this.state = State.UNBOUND;
  }

  /** A socket for a connection accept() took. */
  StreamSocket(int handle, WsApp app, Network network, TcpEndpoint connected) {
    this(handle, app, network);
    this.endpoint = connected;
    this.state = State.CONNECTED;
  }

  private TcpEndpoint endpoint() {
    if (endpoint == null) {
      endpoint = network.openTcp();
      if (endpoint != null) {
        for (Runnable waiter : earlyWaiters) {
          endpoint.notifyWhen(Readiness.READ | Readiness.WRITE | Readiness.CONNECT | Readiness.ACCEPT, waiter);
        }
        earlyWaiters.clear();
      }
    }
    return endpoint;
  }

  // ---- states ----

  @Override
  synchronized int bind(int ip, int port) {
    if (state != State.UNBOUND) {
      return -WSAEINVAL;
    }
    TcpEndpoint ep = endpoint();
    if (ep == null) {
      return -WSAENOBUFS;
    }
    int r = ep.bind(ip, port);
    if (r == 0) {
      state = State.BOUND;
      explicitlyBound = true;
    }
    return r;
  }

  /**
   * Listens; the backlog is clamped to 1..{@code maxBacklog} (SOMAXCONN, 5, for a 1.x application).
   */
  synchronized int listen(int backlog, int maxBacklog) {
    switch (state) {
      case LISTENING:
        return 0;
      case BOUND:
        break;
      case CONNECTED:
      case CONNECTING:
        return -WSAEISCONN;
      default:
        return -WSAEINVAL;
    }
    int r = endpoint.listen(Math.max(1, Math.min(backlog, maxBacklog)));
    if (r == 0) {
      state = State.LISTENING;
    }
    return r;
  }

  synchronized boolean isListening() {
    return state == State.LISTENING;
  }

  /**
   * A pending connection, or null if none (then {@link #WOULD_BLOCK} applies).
   *
   * @throws NetException if the socket is not listening ({@code WSAEINVAL}) or accepting failed
   */
  synchronized TcpEndpoint takeConnection() throws NetException {
    if (state != State.LISTENING) {
      throw new NetException(WSAEINVAL, "not listening");
    }
    return pendingAccepts.isEmpty() ? endpoint.accept() : pendingAccepts.poll();
  }

  /**
   * Starts connecting: 0, {@link #WOULD_BLOCK} (in progress), or -error. While an attempt is in
   * progress it reports WSAEALREADY, once it succeeded WSAEISCONN, and once it failed (seen by
   * select, not yet reported) that failure, once.
   */
  synchronized int connect(int ip, int port) {
    switch (state) {
      case LISTENING:
        return -WSAEINVAL;
      case CONNECTED:
        return -WSAEISCONN;
      case CONNECTING:
        int r = finishConnect(true);
        return r == WOULD_BLOCK ? -WSAEALREADY : r == 0 ? -WSAEISCONN : r;
      default:
        break;
    }
    if (pendingError != 0) {
      int failure = pendingError; // a failure select saw: this connect reports it
      pendingError = 0;
      return -failure;
    }
    if (aborted) {
      return -WSAECONNABORTED;
    }
    if (ip == 0 || port == 0) {
      return -WSAEADDRNOTAVAIL;
    }
    TcpEndpoint ep = endpoint();
    if (ep == null) {
      return -WSAENOBUFS;
    }
    int r = ep.connect(ip, port);
    connectAttempts++;
    if (r == 0) {
      state = State.CONNECTED;
      attemptFinished(0);
    } else if (r == WOULD_BLOCK) {
      state = State.CONNECTING;
    } else {
      connectFailed(r, true);
    }
    return r;
  }

  /**
   * Completes a connection in progress: 0, {@link #WOULD_BLOCK}, or -error.
   *
   * @param reported whether the caller reports a failure to the program (connect does; select's
   *     probe does not, so the failure waits for the next connect or SO_ERROR)
   */
  synchronized int finishConnect(boolean reported) {
    if (state == State.CONNECTED) {
      return 0;
    }
    if (state != State.CONNECTING) {
      return aborted ? -WSAECONNABORTED : -WSAENOTCONN;
    }
    int r = endpoint.finishConnect();
    if (r == 0) {
      state = State.CONNECTED;
      attemptFinished(0);
    } else if (r != WOULD_BLOCK) {
      connectFailed(r, reported);
      attemptFinished(-r);
    }
    return r;
  }

  @Override
  synchronized void connectOutcomeReported(int attempt) {
    if (attempt == finishedAttempt && connectOutcome != 0 && pendingError == connectOutcome) {
      pendingError = 0; // FD_CONNECT told the program: the next connect is a new attempt
    }
  }

  @Override
  synchronized int finishedConnectAttempt() {
    return finishedAttempt;
  }

  private void attemptFinished(int outcome) {
    finishedAttempt = connectAttempts;
    connectOutcome = outcome;
  }

  private void connectFailed(int r, boolean reported) {
    pendingError = reported ? 0 : -r;
    state = explicitlyBound ? State.BOUND : State.UNBOUND;
  }

  @Override
  synchronized boolean aborted() {
    return aborted;
  }

  /**
   * The connection was compromised (a blocking call on it was cancelled part way): reset it and
   * fail every later call except closesocket with WSAECONNABORTED.
   */
  synchronized void abort() {
    aborted = true;
    if (state == State.CONNECTING) {
      connectFailed(-WSAECONNABORTED, true); // the attempt ended with the cancelled call
      attemptFinished(WSAECONNABORTED);
    }
    if (endpoint != null) {
      endpoint.close(true);
    }
    stateChanged();
  }

  // ---- receiving ----

  private int receiveCheck() {
    if (aborted) {
      return -WSAECONNABORTED;
    }
    if (state != State.CONNECTED) {
      return -WSAENOTCONN;
    }
    if (inputShut) {
      return -WSAESHUTDOWN;
    }
    return resetError != 0 ? -resetError : 0;
  }

  /** recv: bytes, 0 at the peer's graceful close, {@link #WOULD_BLOCK}, or -error. */
  synchronized int recv(byte[] buffer, int offset, int len, int flags) {
    int check = receiveCheck();
    if (check != 0) {
      return check;
    }
    if ((flags & MSG_OOB) != 0) {
      if (oobInline) {
        return -WSAEINVAL; // urgent data is in line: MSG_OOB makes no sense
      }
      int urgent = endpoint.readUrgent();
      if (urgent < 0) {
        return urgent;
      }
      if (len > 0) {
        buffer[offset] = (byte) urgent;
      }
      return 1;
    }
    if (len == 0) {
      return 0;
    }
    boolean peek = (flags & MSG_PEEK) != 0;
    if (readAhead.available() == 0 && !eof && peek) {
      int r = readAhead(len);
      if (r < 0) {
        return r;
      }
    }
    if (readAhead.available() > 0) {
      return readAhead.take(buffer, offset, len, peek);
    }
    if (eof) {
      return 0;
    }
    return received(endpoint.read(buffer, offset, len));
  }

  private int received(int r) {
    if (r == 0) {
      eof = true;
    } else if (r < 0 && r != WOULD_BLOCK) {
      resetError = -r;
    }
    return r;
  }

  /** Reads what is available (up to {@code want} more bytes) ahead: 0 or -error. */
  private int readAhead(int want) {
    int r = received(readAhead.fill(endpoint::read, want));
    if (r != WOULD_BLOCK) {
      tookFromEndpoint();
    }
    return r >= 0 ? 0 : r;
  }

  /**
   * Something moved from the endpoint into this socket (read ahead, a pending connection): a task
   * blocked on this socket, or a WSAAsyncSelect registration, waiting on the endpoint would never
   * hear of it, so they are woken (the registration unless this is its own evaluation).
   */
  private void tookFromEndpoint() {
    stateChanged();
    AsyncSelect registration = asyncSelect;
    if (registration != null && !evaluating) {
      registration.wake();
    }
  }

  @Override
  synchronized int readable() {
    if (state == State.LISTENING) {
      return 0;
    }
    int check = receiveCheck();
    if (check != 0) {
      return state == State.CONNECTED ? 0 : check;
    }
    readAheadAll();
    return readAhead.available();
  }

  /** Reads ahead what has arrived, up to {@link ReadAhead#MAX} bytes in all. */
  private void readAheadAll() {
    while (readAhead.available() < ReadAhead.MAX && !eof) {
      int before = readAhead.available();
      if (readAhead(ReadAhead.MAX - before) < 0 || readAhead.available() == before) {
        break;
      }
    }
  }

  // ---- sending ----

  /** Writes what fits now: bytes (at least 1), {@link #WOULD_BLOCK}, or -error. */
  synchronized int sendSome(byte[] buffer, int offset, int len) {
    if (aborted) {
      return -WSAECONNABORTED;
    }
    if (state != State.CONNECTED) {
      return -WSAENOTCONN;
    }
    if (outputShut) {
      return -WSAESHUTDOWN;
    }
    if (resetError != 0) {
      return -resetError;
    }
    if (len == 0) {
      return 0;
    }
    int r = endpoint.write(buffer, offset, len);
    if (r == WOULD_BLOCK) {
      congested = true;
    } else if (r < 0) {
      resetError = -r;
    }
    return r;
  }

  /** Sends one urgent byte: 1 or -error. */
  synchronized int sendUrgent(int data) {
    int r = sendSome(new byte[0], 0, 0);
    return r < 0 ? r : endpoint.sendUrgent(data);
  }

  // ---- select ----

  @Override
  synchronized int poll(boolean read, boolean write, boolean except) {
    int ready = 0;
    if (state == State.CONNECTING && (write || except)) {
      int r = finishConnect(false);
      if (r == 0 && write) {
        ready |= WRITABLE;
      } else if (r != 0 && r != WOULD_BLOCK && except) {
        ready |= EXCEPTION;
      }
    } else if (state == State.CONNECTED) {
      if (write && !congested) {
        ready |= WRITABLE;
      }
      if (except && !oobInline && !aborted && !endpoint.atMark()) {
        ready |= EXCEPTION; // out-of-band data waits to be read with MSG_OOB
      }
    }
    if (read && isReadable()) {
      ready |= READABLE;
    }
    return ready;
  }

  private boolean isReadable() {
    if (state == State.LISTENING) {
      if (pendingAccepts.isEmpty()) {
        try {
          TcpEndpoint next = endpoint.accept();
          if (next != null) {
            pendingAccepts.add(next);
            tookFromEndpoint();
          }
        } catch (NetException e) {
          return true; // accept() will report it
        }
      }
      return !pendingAccepts.isEmpty();
    }
    if (state != State.CONNECTED || aborted) {
      return aborted;
    }
    if (readAhead.available() > 0 || eof || resetError != 0 || inputShut) {
      return true;
    }
    int r = readAhead(1);
    return readAhead.available() > 0 || eof || (r < 0 && r != WOULD_BLOCK);
  }

  @Override
  synchronized int pollWaitOps(boolean read, boolean write, boolean except) {
    int ops = 0;
    if (state == State.CONNECTING && (write || except)) {
      ops |= Readiness.CONNECT;
    }
    if (read) {
      ops |= state == State.LISTENING ? Readiness.ACCEPT : Readiness.READ;
    }
    if (write && state == State.CONNECTED) {
      ops |= Readiness.WRITE;
    }
    if (except && state == State.CONNECTED) {
      ops |= Readiness.URGENT;
    }
    return ops;
  }

  @Override
  void notifyWhen(int ops, Runnable onReady) {
    TcpEndpoint ep;
    synchronized (this) {
      ep = endpoint;
      if (ep == null && !closed) {
        earlyWaiters.add(onReady); // nothing can be ready before there is an endpoint; close still wakes
        return;
      }
    }
    if (ep == null) {
      onReady.run();
    } else {
      ep.notifyWhen(ops, () -> {
        if ((ops & Readiness.WRITE) != 0) {
          synchronized (this) {
            congested = false;
          }
        }
        onReady.run();
      });
    }
  }

  // ---- WSAAsyncSelect ----

  @Override
  synchronized void asyncConditions(AsyncConditions into) {
    evaluating = true;
    try {
      probe(into);
    } finally {
      evaluating = false;
    }
  }

  private void probe(AsyncConditions into) {
    if (closed) {
      return;
    }
    if (state == State.CONNECTING) {
      finishConnect(false); // an attempt that failed keeps its error for connect or SO_ERROR
    }
    if (finishedAttempt > 0) {
      into.events |= WinSock.FD_CONNECT;
      into.connectAttempt = finishedAttempt;
      into.connectError = connectOutcome;
    }
    if (state == State.LISTENING) {
      into.events |= isReadable() ? WinSock.FD_ACCEPT : 0;
      return;
    }
    if (state != State.CONNECTED) {
      return;
    }
    if (readAhead.available() == 0 && !eof && resetError == 0 && !aborted && !inputShut) {
      readAhead(1);
    }
    if (into.closeWanted && readAhead.available() > 0 && !eof && !finArrived && resetError == 0 && !aborted
        && !inputShut) {
      lookForEnd(); // the end may be behind data not read yet
    }
    if (aborted || resetError != 0) {
      into.events |= WinSock.FD_CLOSE; // a reset: at once, whatever was unread is gone
      into.closeError = aborted ? WSAECONNABORTED : resetError;
    } else {
      into.events |= readAhead.available() > 0 ? WinSock.FD_READ : 0;
      into.events |= eof || finArrived ? WinSock.FD_CLOSE : 0; // graceful: at once, read or not
    }
    if (!oobInline && !aborted && !endpoint.atMark()) {
      into.events |= WinSock.FD_OOB;
    }
    if (!congested && !outputShut && !aborted && resetError == 0) {
      into.events |= WinSock.FD_WRITE;
    }
  }

  /**
   * Learns whether the peer's end is behind the data read ahead (Windows posts FD_CLOSE when the
   * close arrives): a network that can tell is asked; on one that cannot, what has arrived is read
   * ahead (up to {@link ReadAhead#MAX}) to reach the end.
   */
  private void lookForEnd() {
    int end = endpoint.peerEnd();
    if (end == TcpEndpoint.END_UNKNOWN) {
      readAheadAll();
    } else if (end != 0) {
      readAhead(1); // more data, the end itself, or the reset that discarded the rest
      finArrived = resetError == 0;
    }
  }

  /** What can tell of the peer's end behind the data read ahead; see {@link #lookForEnd}. */
  private int endWaitOps() {
    if (endpoint.peerEnd() != TcpEndpoint.END_UNKNOWN) {
      return Readiness.END;
    }
    return readAhead.available() < ReadAhead.MAX ? Readiness.READ : 0; // all was read ahead: new data or the end
  }

  @Override
  synchronized int asyncWaitOps(int wanted) {
    switch (state) {
      case CONNECTING:
        return Readiness.CONNECT;
      case LISTENING:
        return (wanted & WinSock.FD_ACCEPT) != 0 ? Readiness.ACCEPT : 0;
      case CONNECTED:
        if (aborted || resetError != 0) {
          return 0; // FD_CLOSE said it all; the endpoint stays ready for ever, nothing can change
        }
        int ops = 0;
        boolean quiet = readAhead.available() == 0 && !eof;
        if ((wanted & (WinSock.FD_READ | WinSock.FD_CLOSE)) != 0 && quiet && !inputShut) {
          ops |= Readiness.READ; // data, the end or a reset
        } else if ((wanted & WinSock.FD_CLOSE) != 0 && !eof && !finArrived && !inputShut) {
          ops |= endWaitOps(); // the end behind data not read yet
        }
        if ((wanted & WinSock.FD_OOB) != 0 && !oobInline) {
          ops |= Readiness.URGENT;
        }
        if ((wanted & WinSock.FD_WRITE) != 0 && !outputShut) {
          ops |= Readiness.WRITE; // room (FD_WRITE never holds again once sending is shut)
        }
        return ops;
      default:
        return 0;
    }
  }

  // ---- addresses, shutdown, options, close ----

  @Override
  synchronized int localAddress(int[] out) {
    if (endpoint == null || state == State.UNBOUND && endpoint.localPort() == 0) {
      return -WSAEINVAL;
    }
    out[0] = endpoint.localIp();
    out[1] = endpoint.localPort();
    return out[1] == 0 ? -WSAEINVAL : 0;
  }

  @Override
  synchronized int peerAddress(int[] out) {
    if (state != State.CONNECTED || aborted) {
      return -WSAENOTCONN;
    }
    out[0] = endpoint.remoteIp();
    out[1] = endpoint.remotePort();
    return 0;
  }

  @Override
  synchronized int shutdown(int how) {
    if (how < 0 || how > 2) {
      return -WSAEINVAL;
    }
    if (state != State.CONNECTED) {
      return -WSAENOTCONN;
    }
    if (how != 1 && !inputShut) {
      inputShut = true;
      endpoint.shutdownInput();
    }
    if (how != 0 && !outputShut) {
      outputShut = true;
      endpoint.shutdownOutput();
    }
    return 0;
  }

  /** For a lingering close: stops sending, so that the peer sees the end of the stream. */
  synchronized void beginGracefulClose() {
    if (!outputShut && endpoint != null && state == State.CONNECTED) {
      outputShut = true;
      endpoint.shutdownOutput();
    }
  }

  /**
   * For a lingering close: whether what was sent has reached the peer.
   *
   * @return 0 when it has (or the connection is gone), {@link #WOULD_BLOCK} otherwise
   */
  synchronized int lingerUntilSent() {
    if (state != State.CONNECTED || aborted || resetError != 0) {
      return 0;
    }
    return endpoint.unsentBytes() == 0 ? 0 : WOULD_BLOCK;
  }

  synchronized boolean isConnected() {
    return state == State.CONNECTED && !aborted;
  }

  @Override
  synchronized boolean isConnectedStream() {
    return state == State.CONNECTED;
  }

  @Override
  synchronized int transportOption(int option) {
    TcpEndpoint ep = endpoint();
    return ep == null ? -WSAENOBUFS : ep.getOption(option);
  }

  @Override
  synchronized int setTransportOption(int option, int value) {
    TcpEndpoint ep = endpoint();
    int r = ep == null ? -WSAENOBUFS : ep.setOption(option, value);
    if (r == 0 && option == WinSock.SO_OOBINLINE) {
      oobInline = value != 0;
    }
    return r;
  }

  /** SIOCATMARK: whether no urgent data waits (or, in line, the next byte is not the mark). */
  synchronized boolean atMark() {
    return endpoint == null || endpoint.atMark();
  }

  /**
   * Closes the endpoint; data received but never read makes even a graceful close a reset, as TCP
   * stacks do (RFC 1122 4.2.2.13), and what was read ahead for select, FIONREAD or MSG_PEEK is
   * unread data too.
   */
  @Override
  void closeEndpoint(boolean abortive) {
    TcpEndpoint ep;
    List<Runnable> waiters;
    synchronized (this) {
      abortive |= readAhead.available() > 0;
      ep = endpoint;
      waiters = new ArrayList<>(earlyWaiters);
      earlyWaiters.clear();
      for (TcpEndpoint waiting : pendingAccepts) {
        waiting.close(true);
      }
      pendingAccepts.clear();
    }
    if (ep != null) {
      ep.close(abortive);
    }
    waiters.forEach(Runnable::run);
  }
}
