package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.INADDR_BROADCAST;
import static org.wsemu.winsock.WinSock.WSAEACCES;
import static org.wsemu.winsock.WinSock.WSAEADDRNOTAVAIL;
import static org.wsemu.winsock.WinSock.WSAEALREADY;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAEDESTADDRREQ;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEISCONN;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;
import static org.wsemu.winsock.WinSock.WSAESHUTDOWN;

import org.wsemu.internal.GuardedBy;

/**
 * The Windows Sockets state of one socket, and every rule that follows from it: which call a
 * socket in a given state refuses, and with which error. Stream and datagram sockets consult it
 * before they ask their endpoint for anything, so an endpoint is only asked for what the socket's
 * state allows and never decides a Winsock rule itself.
 *
 * <p>A stream is {@link Phase#UNBOUND UNBOUND}, {@link Phase#BOUND BOUND}, {@link Phase#LISTENING
 * LISTENING}, {@link Phase#CONNECTING CONNECTING} or {@link Phase#CONNECTED CONNECTED}; a datagram
 * socket is UNBOUND, BOUND, or CONNECTED once it has a default peer. Either may be shut down for
 * receiving, sending or both; a stream may also be reset (the error the network reported) or
 * aborted (a cancel compromised it: every call but closesocket fails with WSAECONNABORTED).
 *
 * <p>Each rule returns 0 (the call may go on) or the negated WSAE* code, as the socket operations
 * do. Not thread-safe: guarded by its socket's monitor, like the rest of the socket's state.
 */
@GuardedBy("EmulatedSocket.this")
final class SocketState {
  /** Where a socket stands. */
  enum Phase { UNBOUND, BOUND, LISTENING, CONNECTING, CONNECTED }

  private final EmulatedSocket socket;
  private Phase phase = Phase.UNBOUND;
  private boolean boundByBind;
  private boolean inputShut;
  private boolean outputShut;
  private int resetError;
  private boolean aborted;

  SocketState(EmulatedSocket socket) {
    this.socket = socket;
  }

  Phase phase() {
    return phase;
  }

  boolean inputShut() {
    return inputShut;
  }

  boolean outputShut() {
    return outputShut;
  }

  /** The error a reset of the connection left (WSAECONNRESET...), or 0. */
  int resetError() {
    return resetError;
  }

  boolean aborted() {
    return aborted;
  }

  // ---- the rules ----

  /**
   * Every call but closesocket: WSAENOTSOCK if another task closed the socket after the call found
   * it (the close came first; a blocking call reports WSAEINTR instead, see {@link BlockingCall}),
   * WSAECONNABORTED once the stream was aborted.
   */
  int usable() {
    if (socket.closed) {
      return -WSAENOTSOCK;
    }
    return aborted ? -WSAECONNABORTED : 0;
  }

  /**
   * bind: only an unbound socket, and not one a connect attempt bound ({@code hasLocalAddress}:
   * connect binds an unbound stream first, and a failed attempt leaves it bound).
   */
  int bind(boolean hasLocalAddress) {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return phase != Phase.UNBOUND || hasLocalAddress ? -WSAEINVAL : 0;
  }

  /** listen (a stream): a bound socket; a listening one again is allowed, and changes nothing. */
  int listen() {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return switch (phase) {
      case BOUND, LISTENING -> 0;
      case CONNECTING, CONNECTED -> -WSAEISCONN;
      case UNBOUND -> -WSAEINVAL;
    };
  }

  /** accept (a stream): only a listening socket. */
  int accept() {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return phase == Phase.LISTENING ? 0 : -WSAEINVAL;
  }

  /**
   * connect of a stream: not a listening or connected one. One that is connecting completes its
   * attempt first, see {@link #connectAgain}.
   */
  int connect() {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return switch (phase) {
      case LISTENING -> -WSAEINVAL;
      case CONNECTED -> -WSAEISCONN;
      default -> 0;
    };
  }

  /**
   * What connect returns while an attempt is in progress, given how the attempt stands now
   * ({@code finished}: 0, {@link EmulatedSocket#WOULD_BLOCK}, or its failure): WSAEALREADY while it
   * goes on, WSAEISCONN once it succeeded, its error once it failed.
   */
  static int connectAgain(int finished) {
    return finished == EmulatedSocket.WOULD_BLOCK ? -WSAEALREADY : finished == 0 ? -WSAEISCONN : finished;
  }

  /** Completing a connection that is not made yet: 0 while connecting (ask the endpoint), or -error. */
  int finishConnect() {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return phase == Phase.CONNECTING ? 0 : -WSAENOTCONN;
  }

  /** connect of a datagram socket: sets or changes its default peer, which must be an address. */
  int connectDatagram(int ip, int port) {
    int r = usable();
    return r != 0 ? r : destination(ip, port);
  }

  /** An address to connect or send to: neither INADDR_ANY nor port 0. */
  static int destination(int ip, int port) {
    return ip == 0 || port == 0 ? -WSAEADDRNOTAVAIL : 0;
  }

  /** recv on a stream: connected, not shut down for receiving, not reset; MSG_OOB only with urgent data apart. */
  int receiveStream(boolean urgent, boolean oobInline) {
    int r = usable();
    if (r != 0) {
      return r;
    }
    if (phase != Phase.CONNECTED) {
      return -WSAENOTCONN;
    }
    if (inputShut) {
      return -WSAESHUTDOWN;
    }
    if (resetError != 0) {
      return -resetError;
    }
    return urgent && oobInline ? -WSAEINVAL : 0; // urgent data is in line: MSG_OOB makes no sense
  }

  /** recvfrom on a datagram socket: no MSG_OOB, bound (by bind, connect or a send), not shut down for receiving. */
  int receiveDatagram(boolean urgent) {
    int r = usable();
    if (r != 0) {
      return r;
    }
    if (urgent) {
      return -WSAEOPNOTSUPP;
    }
    if (phase == Phase.UNBOUND) {
      return -WSAEINVAL;
    }
    return inputShut ? -WSAESHUTDOWN : 0;
  }

  /** send on a stream: connected, not shut down for sending, not reset. */
  int sendStream() {
    int r = usable();
    if (r != 0) {
      return r;
    }
    if (phase != Phase.CONNECTED) {
      return -WSAENOTCONN;
    }
    if (outputShut) {
      return -WSAESHUTDOWN;
    }
    return resetError != 0 ? -resetError : 0;
  }

  /** sendto with no address on a datagram socket: only with a default peer. */
  int sendWithoutAddress() {
    return phase == Phase.CONNECTED ? 0 : -WSAEDESTADDRREQ;
  }

  /**
   * sendto on a datagram socket, to its default peer ({@code toPeer}) or to {@code ip:port}: not
   * shut down for sending; a peer, or an address; broadcast only with SO_BROADCAST; at most
   * {@code maxDatagram} bytes (iMaxUdpDg).
   */
  int sendDatagram(boolean toPeer, int ip, int port, boolean broadcast, int len, int maxDatagram) {
    int r = usable();
    if (r != 0) {
      return r;
    }
    if (outputShut) {
      return -WSAESHUTDOWN;
    }
    if (toPeer && phase != Phase.CONNECTED) {
      return -WSAENOTCONN;
    }
    r = destination(ip, port);
    if (r != 0) {
      return r;
    }
    if (ip == INADDR_BROADCAST && !broadcast) {
      return -WSAEACCES;
    }
    return len > maxDatagram ? -WSAEMSGSIZE : 0;
  }

  /** shutdown: {@code how} 0, 1 or 2; a stream only when connected. */
  int shutdown(int how, boolean stream) {
    int r = usable();
    if (r != 0) {
      return r;
    }
    if (how < 0 || how > 2) {
      return -WSAEINVAL;
    }
    return stream && phase != Phase.CONNECTED ? -WSAENOTCONN : 0;
  }

  /** getpeername: only with a peer (a connected stream, a datagram socket's default peer). */
  int peerName() {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return phase == Phase.CONNECTED ? 0 : -WSAENOTCONN;
  }

  /** getsockname: only with a local address (bound, or, for a stream, bound by a connect attempt). */
  int localName(boolean hasLocalAddress) {
    int r = usable();
    if (r != 0) {
      return r;
    }
    return phase == Phase.UNBOUND && !hasLocalAddress ? -WSAEINVAL : 0;
  }

  // ---- transitions ----

  /** bind succeeded. */
  void bound() {
    phase = Phase.BOUND;
    boundByBind = true;
  }

  /** A datagram socket got a local address from a send: bound, unless it was already. */
  void boundBySend() {
    if (phase == Phase.UNBOUND) {
      phase = Phase.BOUND;
    }
  }

  void listening() {
    phase = Phase.LISTENING;
  }

  void connecting() {
    phase = Phase.CONNECTING;
  }

  /** A stream connected, or a datagram socket has a default peer. */
  void connected() {
    phase = Phase.CONNECTED;
  }

  /** A connection attempt failed: bound again if bind had bound it, else as unbound as it was. */
  void attemptFailed() {
    phase = boundByBind ? Phase.BOUND : Phase.UNBOUND;
  }

  /** Shuts receiving: whether it was open until now. */
  boolean shutInput() {
    boolean was = !inputShut;
    inputShut = true;
    return was;
  }

  /** Shuts sending: whether it was open until now. */
  boolean shutOutput() {
    boolean was = !outputShut;
    outputShut = true;
    return was;
  }

  /** The network reset the connection with {@code error}. */
  void reset(int error) {
    resetError = error;
  }

  /** A cancel compromised the stream; a connection attempt in progress ends with it. */
  void abort() {
    aborted = true;
  }
}
