package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAECONNABORTED;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.TcpEndpoint;

/**
 * A stream socket's connection attempts: starting one, completing it, and reporting its outcome
 * exactly once. Attempts are numbered from 1; the last one that finished and its outcome are what
 * FD_CONNECT reports, once per attempt. A failure goes to whichever asks first: the connect that
 * waits for it, else the next connect call or SO_ERROR, else an FD_CONNECT (after which the next
 * connect is a new attempt).
 *
 * <p>Not thread-safe: guarded by its socket's monitor.
 */
@GuardedBy("EmulatedSocket.this")
final class ConnectAttempts {
  private int started;
  private int finished;
  private int outcome;
  /** A failure no call has reported yet (SO_ERROR), or 0. */
  private int unreported;

  /**
   * Starts an attempt of a socket the rules let connect: 0 connected at once,
   * {@link EmulatedSocket#WOULD_BLOCK} in progress, or -error.
   */
  int start(SocketState state, TcpEndpoint endpoint, int ip, int port) {
    int r = NetErrors.result(endpoint.connect(ip, port));
    started++;
    if (r == 0) {
      state.connected();
      finished(0);
    } else if (r == EmulatedSocket.WOULD_BLOCK) {
      state.connecting();
    } else {
      failed(state, r, true);
    }
    return r;
  }

  /**
   * Completes the attempt in progress: 0, {@link EmulatedSocket#WOULD_BLOCK}, or -error.
   *
   * @param reported whether the caller reports a failure to the program (connect does; select's
   *     look does not, so the failure waits for the next connect or SO_ERROR)
   */
  int finish(SocketState state, TcpEndpoint endpoint, boolean reported) {
    int r = NetErrors.result(endpoint.finishConnect());
    if (r == 0) {
      state.connected();
      finished(0);
    } else if (r != EmulatedSocket.WOULD_BLOCK) {
      failed(state, r, reported);
      finished(-r);
    }
    return r;
  }

  /** A cancel aborted the stream while an attempt was in progress: that attempt ended with it. */
  void abortedWhileConnecting(SocketState state) {
    failed(state, -WSAECONNABORTED, true);
    finished(WSAECONNABORTED);
  }

  private void finished(int result) {
    finished = started;
    outcome = result;
  }

  private void failed(SocketState state, int r, boolean reported) {
    unreported = reported ? 0 : -r;
    state.attemptFailed();
  }

  /** The failure no call has reported yet, now reported (by connect or SO_ERROR), or 0. */
  int takeUnreported() {
    int error = unreported;
    unreported = 0;
    return error;
  }

  /** The number of the last attempt that finished, or 0. */
  int finishedAttempt() {
    return finished;
  }

  /** Its outcome: 0 or the WSAE* code. */
  int outcome() {
    return outcome;
  }

  /** FD_CONNECT reported attempt {@code attempt}: a failure it reported is not the next connect's. */
  void reportedByEvent(int attempt) {
    if (attempt == finished && outcome != 0 && unreported == outcome) {
      unreported = 0;
    }
  }
}
