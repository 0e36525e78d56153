package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.FD_ACCEPT;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_OOB;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;

import org.wsemu.net.Readiness;
import org.wsemu.winsock.SocketState.Phase;

/**
 * A {@link SocketReadiness} of a SOCK_STREAM socket. The facts are set one by one, with the state
 * the socket found ({@code new StreamReadiness(Phase.CONNECTED).readAhead(5).endArrived(true)}:
 * connected, 5 bytes read ahead, the peer's close behind them); what is not set is false or 0.
 *
 * <p>The rules, for a socket in each state:
 *
 * <ul>
 *   <li>select: readable when listening with a connection waiting, when connected with data, the
 *       end of the stream, a reset or receiving shut down, and whenever aborted (recv then tells
 *       why); writable when connected with room, or when this look found the attempt connected;
 *       exceptional when connected with urgent data waiting apart, or when this look found the
 *       attempt failed (reported once: the error waits for connect or SO_ERROR);
 *   <li>FD_CONNECT once an attempt finished; FD_ACCEPT with a connection waiting; FD_READ with data
 *       read ahead; FD_CLOSE at the peer's end, read or only arrived, or at once with a reset (then
 *       the unread data is gone, and FD_READ is not posted); FD_OOB with urgent data waiting
 *       apart; FD_WRITE when connected with room, until sending is shut down or the connection is
 *       reset or aborted.
 * </ul>
 *
 * <p>Filled by one look under the socket's monitor, then only read (see {@link SocketReadiness}).
 */
final class StreamReadiness implements SocketReadiness {
  /** What this look found of a connection attempt in progress; select reports its end once. */
  enum AttemptSeen { NOTHING, CONNECTED, FAILED }

  private final Phase phase;
  private boolean closed;
  private boolean aborted;
  private AttemptSeen attemptSeen = AttemptSeen.NOTHING;
  private int finishedAttempt;
  private int connectOutcome;
  private boolean connectionWaiting;
  private int readAhead;
  private boolean endRead;
  private boolean endArrived;
  private int resetError;
  private boolean inputShut;
  private boolean outputShut;
  private boolean congested;
  private boolean oobInline;
  private boolean urgentWaiting;
  private int endWaitOps;

  StreamReadiness(Phase phase) {
    this.phase = phase;
  }

  /** The socket is closed: no event holds. */
  StreamReadiness closed(boolean value) {
    closed = value;
    return this;
  }

  /** A cancel compromised the stream (reset, every call but closesocket fails). */
  StreamReadiness aborted(boolean value) {
    aborted = value;
    return this;
  }

  /** This look finished the connection attempt in progress, or not. */
  StreamReadiness attemptSeen(AttemptSeen value) {
    attemptSeen = value;
    return this;
  }

  /** The last connection attempt that finished ({@code number}, from 1) and its outcome (0 or WSAE*). */
  StreamReadiness attemptFinished(int number, int outcome) {
    finishedAttempt = number;
    connectOutcome = outcome;
    return this;
  }

  /** Listening: a connection waits to be accepted (or accepting failed, which accept will report). */
  StreamReadiness connectionWaiting(boolean value) {
    connectionWaiting = value;
    return this;
  }

  /** Bytes received and read ahead, not yet taken by the program. */
  StreamReadiness readAhead(int bytes) {
    readAhead = bytes;
    return this;
  }

  /** A read reached the peer's graceful end of the stream. */
  StreamReadiness endRead(boolean value) {
    endRead = value;
    return this;
  }

  /** The peer's graceful end has arrived behind data not read yet. */
  StreamReadiness endArrived(boolean value) {
    endArrived = value;
    return this;
  }

  /** The network reset the connection with {@code error} (0: it did not). */
  StreamReadiness reset(int error) {
    resetError = error;
    return this;
  }

  StreamReadiness inputShut(boolean value) {
    inputShut = value;
    return this;
  }

  StreamReadiness outputShut(boolean value) {
    outputShut = value;
    return this;
  }

  /** A send found no room, and no room has been reported since. */
  StreamReadiness congested(boolean value) {
    congested = value;
    return this;
  }

  /** SO_OOBINLINE: urgent data stays in the stream. */
  StreamReadiness oobInline(boolean value) {
    oobInline = value;
    return this;
  }

  /** Urgent data waits apart from the stream, for recv with MSG_OOB. */
  StreamReadiness urgentWaiting(boolean value) {
    urgentWaiting = value;
    return this;
  }

  /**
   * While the peer's end may be behind the data read ahead: the readiness that tells of it
   * ({@code Readiness.END} where the network reports the end's arrival, {@code Readiness.READ}
   * where only reading ahead reaches it and there is room to, else 0).
   */
  StreamReadiness endWaitOps(int ops) {
    endWaitOps = ops;
    return this;
  }

  // ---- select ----

  @Override
  public int select(boolean read, boolean write, boolean except) {
    int bits = 0;
    switch (attemptSeen) {
      case CONNECTED -> bits |= write ? WRITABLE : 0;
      case FAILED -> bits |= except ? EXCEPTION : 0;
      case NOTHING -> {
        if (phase == Phase.CONNECTED) {
          bits |= write && !congested ? WRITABLE : 0;
          bits |= except && urgentWaiting ? EXCEPTION : 0;
        }
      }
    }
    return bits | (read && readable() ? READABLE : 0);
  }

  private boolean readable() {
    if (phase == Phase.LISTENING) {
      return connectionWaiting;
    }
    if (phase != Phase.CONNECTED || aborted) {
      return aborted;
    }
    return readAhead > 0 || endRead || resetError != 0 || inputShut;
  }

  @Override
  public int selectWaitOps(boolean read, boolean write, boolean except) {
    int ops = 0;
    if (phase == Phase.CONNECTING && (write || except)) {
      ops |= Readiness.CONNECT;
    }
    if (read) {
      ops |= phase == Phase.LISTENING ? Readiness.ACCEPT : Readiness.READ;
    }
    if (phase == Phase.CONNECTED) {
      ops |= (write ? Readiness.WRITE : 0) | (except ? Readiness.URGENT : 0);
    }
    return ops;
  }

  // ---- WSAAsyncSelect ----

  @Override
  public int events() {
    if (closed) {
      return 0;
    }
    int events = finishedAttempt > 0 ? FD_CONNECT : 0;
    if (phase == Phase.LISTENING) {
      return events | (connectionWaiting ? FD_ACCEPT : 0);
    }
    if (phase != Phase.CONNECTED) {
      return events;
    }
    if (aborted || resetError != 0) {
      events |= FD_CLOSE; // a reset: at once, whatever was unread is gone
    } else {
      events |= readAhead > 0 ? FD_READ : 0;
      events |= endRead || endArrived ? FD_CLOSE : 0; // graceful: at once, read or not
    }
    events |= urgentWaiting ? FD_OOB : 0;
    return events | (!congested && !outputShut && !aborted && resetError == 0 ? FD_WRITE : 0);
  }

  @Override
  public int connectAttempt() {
    return closed ? 0 : finishedAttempt;
  }

  @Override
  public int connectError() {
    return closed ? 0 : connectOutcome;
  }

  @Override
  public int closeError() {
    return aborted ? WSAECONNABORTED : resetError;
  }

  @Override
  public int eventWaitOps(int wanted) {
    switch (phase) {
      case CONNECTING:
        return Readiness.CONNECT;
      case LISTENING:
        return (wanted & FD_ACCEPT) != 0 ? Readiness.ACCEPT : 0;
      case CONNECTED:
        if (aborted || resetError != 0) {
          return 0; // FD_CLOSE said it all; the endpoint stays ready for ever, nothing can change
        }
        int ops = 0;
        boolean quiet = readAhead == 0 && !endRead;
        if ((wanted & (FD_READ | FD_CLOSE)) != 0 && quiet && !inputShut) {
          ops |= Readiness.READ; // data, the end or a reset
        } else if ((wanted & FD_CLOSE) != 0 && !endRead && !endArrived && !inputShut) {
          ops |= endWaitOps; // the end behind data not read yet
        }
        if ((wanted & FD_OOB) != 0 && !oobInline) {
          ops |= Readiness.URGENT;
        }
        if ((wanted & FD_WRITE) != 0 && !outputShut) {
          ops |= Readiness.WRITE; // room (FD_WRITE never holds again once sending is shut)
        }
        return ops;
      default:
        return 0;
    }
  }
}
