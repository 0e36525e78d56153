package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.FD_ACCEPT;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_OOB;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;

import org.wsemu.internal.GuardedBy;

/**
 * Which network events may be reported now: one gate per FD_* event, closed when the event is
 * reported and opened again by its re-enabling function (FD_READ and FD_OOB: a receive; FD_ACCEPT:
 * accept; FD_WRITE: a send that would block). FD_CONNECT is reported once per connection attempt,
 * FD_CLOSE once. A WSAAsyncSelect registration has gates of its own, fresh at each registration; a
 * socket's WSAEventSelect registrations share the socket's (see {@link NetworkEventRecord}), so that
 * selecting again does not report again what was reported already.
 *
 * <p>Thread-safe: guarded by its own monitor, which a registration holds for a whole evaluation
 * (taken after the registration's monitor, before the socket's).
 */
final class ReportGates {
  @GuardedBy("this") private int enabled = FD_READ | FD_OOB | FD_ACCEPT;
  @GuardedBy("this") private boolean writeWanted = true;
  /** The last connection attempt whose FD_CONNECT was reported (or that is not to be reported). */
  @GuardedBy("this") private int reportedConnect;
  /** {@link #reportedConnect} before the last FD_CONNECT reported, for {@link #reopen}. */
  @GuardedBy("this") private int connectBefore;
  @GuardedBy("this") private boolean closeReported;

  /** @param reportedConnect connection attempts up to this one are not reported */
  ReportGates(int reportedConnect) {
    this.reportedConnect = reportedConnect;
    this.connectBefore = reportedConnect;
  }

  /** Whether {@code event} may be reported, given what the socket's look {@code now} found. */
  synchronized boolean open(int event, SocketReadiness now) {
    return switch (event) {
      case FD_WRITE -> writeWanted;
      case FD_CONNECT -> now.connectAttempt() > reportedConnect;
      case FD_CLOSE -> !closeReported;
      default -> (enabled & event) != 0;
    };
  }

  /** Whether FD_CLOSE may still be reported (the socket then looks for the peer's end). */
  synchronized boolean closeOpen() {
    return !closeReported;
  }

  /** {@code event} was reported (for FD_CONNECT, of {@code attempt}): its gate closes. */
  synchronized void reported(int event, int attempt) {
    switch (event) {
      case FD_WRITE -> writeWanted = false;
      case FD_CONNECT -> {
        connectBefore = reportedConnect;
        reportedConnect = attempt;
      }
      case FD_CLOSE -> closeReported = true;
      default -> enabled &= ~event;
    }
  }

  /** A re-enabling function was called (even if it failed): FD_READ, FD_OOB, FD_ACCEPT gates open. */
  synchronized void reenable(int events) {
    enabled |= events & (FD_READ | FD_OOB | FD_ACCEPT);
  }

  /** A send or sendto failed with WSAEWOULDBLOCK: FD_WRITE may be reported when room comes back. */
  synchronized void sendWouldBlock() {
    writeWanted = true;
  }

  /**
   * Reports of {@code events} were withdrawn before the program saw them (a new WSAEventSelect
   * cleared the record): their gates open again, as before they were reported.
   */
  synchronized void reopen(int events) {
    reenable(events);
    if ((events & FD_WRITE) != 0) {
      writeWanted = true;
    }
    if ((events & FD_CONNECT) != 0) {
      reportedConnect = connectBefore;
    }
    if ((events & FD_CLOSE) != 0) {
      closeReported = false;
    }
  }
}
