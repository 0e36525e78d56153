package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.SocketReadiness.EXCEPTION;
import static org.wsemu.winsock.SocketReadiness.READABLE;
import static org.wsemu.winsock.SocketReadiness.WRITABLE;
import static org.wsemu.winsock.WinSock.FD_ACCEPT;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_OOB;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;

import org.junit.jupiter.api.Test;
import org.wsemu.net.Readiness;
import org.wsemu.winsock.SocketState.Phase;
import org.wsemu.winsock.StreamReadiness.AttemptSeen;

/**
 * The readiness of a stream socket in each state, in all three views: select's bits, the
 * WSAAsyncSelect events, and the network readiness a blocked call or a registration waits for.
 */
class StreamReadinessTest {
  private static final int ALL_EVENTS = FD_READ | FD_WRITE | FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE;
  private static final int SELECT_ALL = READABLE | WRITABLE | EXCEPTION;

  private static StreamReadiness in(Phase phase) {
    return new StreamReadiness(phase);
  }

  /** select asked for all three sets. */
  private static int selectAll(SocketReadiness readiness) {
    return readiness.select(true, true, true);
  }

  private static int waitAll(SocketReadiness readiness) {
    return readiness.selectWaitOps(true, true, true);
  }

  @Test
  void anUnconnectedSocketIsReadyForNothingAndWaitsOnlyToRead() {
    for (Phase phase : new Phase[] {Phase.UNBOUND, Phase.BOUND}) {
      StreamReadiness readiness = in(phase);
      assertEquals(0, selectAll(readiness));
      assertEquals(Readiness.READ, waitAll(readiness));
      assertEquals(0, readiness.selectWaitOps(false, true, true));
      assertEquals(0, readiness.events());
      assertEquals(0, readiness.eventWaitOps(ALL_EVENTS));
    }
  }

  @Test
  void aConnectingSocketWaitsForTheAttempt() {
    StreamReadiness readiness = in(Phase.CONNECTING);
    assertEquals(0, selectAll(readiness));
    assertEquals(Readiness.CONNECT | Readiness.READ, waitAll(readiness));
    assertEquals(Readiness.CONNECT, readiness.selectWaitOps(false, true, false));
    assertEquals(Readiness.CONNECT, readiness.selectWaitOps(false, false, true));
    assertEquals(Readiness.READ, readiness.selectWaitOps(true, false, false));
    assertEquals(0, readiness.events());
    assertEquals(Readiness.CONNECT, readiness.eventWaitOps(ALL_EVENTS));
    assertEquals(Readiness.CONNECT, readiness.eventWaitOps(FD_CONNECT));
  }

  @Test
  void anAttemptThisLookFoundConnectedIsWritableOnlyAndPostsFdConnect() {
    StreamReadiness readiness = in(Phase.CONNECTED).attemptSeen(AttemptSeen.CONNECTED).attemptFinished(1, 0)
        .urgentWaiting(true);
    assertEquals(WRITABLE, selectAll(readiness));
    assertEquals(0, readiness.select(false, false, true));
    assertEquals(FD_CONNECT | FD_OOB | FD_WRITE, readiness.events());
    assertEquals(1, readiness.connectAttempt());
    assertEquals(0, readiness.connectError());
  }

  @Test
  void anAttemptThisLookFoundFailedIsExceptionalOnce() {
    StreamReadiness seen = in(Phase.BOUND).attemptSeen(AttemptSeen.FAILED).attemptFinished(1, WSAECONNREFUSED);
    assertEquals(EXCEPTION, selectAll(seen));
    assertEquals(0, seen.select(true, true, false));
    assertEquals(FD_CONNECT, seen.events());
    assertEquals(1, seen.connectAttempt());
    assertEquals(WSAECONNREFUSED, seen.connectError());
    StreamReadiness later = in(Phase.BOUND).attemptFinished(1, WSAECONNREFUSED);
    assertEquals(0, selectAll(later));
    assertEquals(FD_CONNECT, later.events());
    assertEquals(0, later.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void aConnectedSocketWithoutDataIsWritable() {
    StreamReadiness readiness = in(Phase.CONNECTED);
    assertEquals(WRITABLE, selectAll(readiness));
    assertEquals(Readiness.READ | Readiness.WRITE | Readiness.URGENT, waitAll(readiness));
    assertEquals(FD_WRITE, readiness.events());
    assertEquals(Readiness.READ | Readiness.WRITE | Readiness.URGENT, readiness.eventWaitOps(ALL_EVENTS));
    assertEquals(Readiness.READ, readiness.eventWaitOps(FD_CLOSE));
    assertEquals(0, readiness.eventWaitOps(FD_ACCEPT | FD_CONNECT));
  }

  @Test
  void aConnectedSocketWithDataIsReadableAndWaitsForTheEndBehindIt() {
    StreamReadiness readiness = in(Phase.CONNECTED).readAhead(5).endWaitOps(Readiness.END);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_READ | FD_WRITE, readiness.events());
    assertEquals(Readiness.END | Readiness.WRITE | Readiness.URGENT, readiness.eventWaitOps(ALL_EVENTS));
    assertEquals(0, readiness.eventWaitOps(FD_READ), "FD_READ holds: nothing to wait for");
    StreamReadiness realNetwork = in(Phase.CONNECTED).readAhead(5).endWaitOps(Readiness.READ);
    assertEquals(Readiness.READ, realNetwork.eventWaitOps(FD_CLOSE));
  }

  @Test
  void aCongestedSocketIsNotWritableAndWaitsForRoom() {
    StreamReadiness readiness = in(Phase.CONNECTED).congested(true);
    assertEquals(0, selectAll(readiness));
    assertEquals(0, readiness.events());
    assertEquals(Readiness.WRITE, readiness.eventWaitOps(FD_WRITE));
  }

  @Test
  void thePeersCloseBehindUnreadDataIsFdCloseAtOnce() {
    StreamReadiness readiness = in(Phase.CONNECTED).readAhead(5).endArrived(true);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_READ | FD_WRITE | FD_CLOSE, readiness.events());
    assertEquals(0, readiness.closeError());
    assertEquals(Readiness.WRITE | Readiness.URGENT, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void theEndReadIsReadableAndFdClose() {
    StreamReadiness readiness = in(Phase.CONNECTED).endRead(true);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_WRITE | FD_CLOSE, readiness.events());
    assertEquals(Readiness.WRITE | Readiness.URGENT, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void aResetIsReadableAndFdCloseWithItsErrorInsteadOfTheData() {
    StreamReadiness readiness = in(Phase.CONNECTED).readAhead(5).reset(WSAECONNRESET);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_CLOSE, readiness.events());
    assertEquals(WSAECONNRESET, readiness.closeError());
    assertEquals(0, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void shutDownForReceivingIsReadableButNoLongerFdRead() {
    StreamReadiness readiness = in(Phase.CONNECTED).inputShut(true);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_WRITE, readiness.events());
    assertEquals(0, readiness.eventWaitOps(FD_READ | FD_CLOSE));
    assertEquals(Readiness.WRITE | Readiness.URGENT, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void shutDownForSendingIsStillWritableForSelectButNoLongerFdWrite() {
    StreamReadiness readiness = in(Phase.CONNECTED).outputShut(true);
    assertEquals(WRITABLE, selectAll(readiness));
    assertEquals(0, readiness.events());
    assertEquals(0, readiness.eventWaitOps(FD_WRITE));
    assertEquals(Readiness.READ | Readiness.URGENT, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void anAbortedConnectionIsReadableAndFdCloseWithConnAborted() {
    StreamReadiness readiness = in(Phase.CONNECTED).aborted(true);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_CLOSE, readiness.events());
    assertEquals(WSAECONNABORTED, readiness.closeError());
    assertEquals(0, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void aSocketWhoseConnectWasCancelledIsReadableWithTheAttemptsOutcome() {
    StreamReadiness readiness = in(Phase.UNBOUND).aborted(true).attemptFinished(1, WSAECONNABORTED);
    assertEquals(READABLE, selectAll(readiness));
    assertEquals(FD_CONNECT, readiness.events());
    assertEquals(WSAECONNABORTED, readiness.connectError());
    assertEquals(0, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void aListeningSocketIsReadableWithAConnectionWaiting() {
    StreamReadiness idle = in(Phase.LISTENING);
    assertEquals(0, selectAll(idle));
    assertEquals(Readiness.ACCEPT, waitAll(idle));
    assertEquals(0, idle.selectWaitOps(false, true, true));
    assertEquals(0, idle.events());
    assertEquals(Readiness.ACCEPT, idle.eventWaitOps(ALL_EVENTS));
    assertEquals(0, idle.eventWaitOps(FD_READ | FD_WRITE | FD_CLOSE));
    StreamReadiness waiting = in(Phase.LISTENING).connectionWaiting(true);
    assertEquals(READABLE, selectAll(waiting));
    assertEquals(0, waiting.select(false, true, true));
    assertEquals(FD_ACCEPT, waiting.events());
  }

  @Test
  void urgentDataIsExceptionalAndFdOob() {
    StreamReadiness readiness = in(Phase.CONNECTED).urgentWaiting(true);
    assertEquals(WRITABLE | EXCEPTION, selectAll(readiness));
    assertEquals(EXCEPTION, readiness.select(false, false, true));
    assertEquals(FD_OOB | FD_WRITE, readiness.events());
    assertEquals(Readiness.URGENT, readiness.eventWaitOps(FD_OOB));
    assertEquals(0, in(Phase.CONNECTED).oobInline(true).eventWaitOps(FD_OOB), "in line: never apart");
  }

  @Test
  void aClosedSocketPostsNothing() {
    StreamReadiness readiness = in(Phase.CONNECTED).closed(true).readAhead(5).attemptFinished(1, 0);
    assertEquals(0, readiness.events());
    assertEquals(0, readiness.connectAttempt());
    assertEquals(0, readiness.connectError());
  }
}
