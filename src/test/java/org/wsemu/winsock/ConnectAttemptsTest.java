package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAENETUNREACH;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsemu.net.NetError;
import org.wsemu.winsock.SocketState.Phase;

/**
 * Connection attempts: how each ends, and that its failure is reported exactly once. The scripted
 * network answers in its own vocabulary ({@link NetError} results); the attempts answer in
 * Winsock's.
 */
class ConnectAttemptsTest {
  private static final int PEER = 0x7F000001;

  private final SocketState state = new SocketState(new StreamSocket(1, new WinsockApplication("test"), null));
  private final ConnectAttempts attempts = new ConnectAttempts();
  private final ScriptedTcpEndpoint network = new ScriptedTcpEndpoint();

  @Test
  void anAttemptThatConnectsAtOnceHasFinished() {
    network.answers("connect", 0);
    assertEquals(0, attempts.start(state, network.endpoint, PEER, 7));
    assertEquals(Phase.CONNECTED, state.phase());
    assertEquals(List.of(1, 0), List.of(attempts.finishedAttempt(), attempts.outcome()));
    assertEquals(List.of("connect[" + PEER + ", 7]"), network.calls());
  }

  @Test
  void anAttemptInProgressFinishesWhenTheNetworkSaysSo() {
    network.answers("connect", NetError.WOULD_BLOCK.result()).answers("finishConnect", NetError.WOULD_BLOCK.result(), 0);
    assertEquals(EmulatedSocket.WOULD_BLOCK, attempts.start(state, network.endpoint, PEER, 7));
    assertEquals(Phase.CONNECTING, state.phase());
    assertEquals(0, attempts.finishedAttempt());
    assertEquals(EmulatedSocket.WOULD_BLOCK, attempts.finish(state, network.endpoint, true));
    assertEquals(0, attempts.finish(state, network.endpoint, true));
    assertEquals(Phase.CONNECTED, state.phase());
    assertEquals(List.of(1, 0), List.of(attempts.finishedAttempt(), attempts.outcome()));
  }

  @Test
  void aFailureTheConnectReportsIsNotReportedAgain() {
    network.answers("connect", NetError.WOULD_BLOCK.result()).answers("finishConnect", NetError.REFUSED.result());
    attempts.start(state, network.endpoint, PEER, 7);
    assertEquals(-WSAECONNREFUSED, attempts.finish(state, network.endpoint, true));
    assertEquals(Phase.UNBOUND, state.phase());
    assertEquals(List.of(1, WSAECONNREFUSED), List.of(attempts.finishedAttempt(), attempts.outcome()));
    assertEquals(0, attempts.takeUnreported());
  }

  @Test
  void aFailureSelectSawWaitsForTheNextConnectOrSoErrorOnce() {
    state.bound();
    network.answers("connect", NetError.WOULD_BLOCK.result()).answers("finishConnect", NetError.REFUSED.result());
    attempts.start(state, network.endpoint, PEER, 7);
    assertEquals(-WSAECONNREFUSED, attempts.finish(state, network.endpoint, false));
    assertEquals(Phase.BOUND, state.phase(), "bind had bound it");
    assertEquals(WSAECONNREFUSED, attempts.takeUnreported());
    assertEquals(0, attempts.takeUnreported());
  }

  @Test
  void anFdConnectThatReportedTheFailureClearsIt() {
    network.answers("connect", NetError.WOULD_BLOCK.result()).answers("finishConnect", NetError.REFUSED.result());
    attempts.start(state, network.endpoint, PEER, 7);
    attempts.finish(state, network.endpoint, false);
    attempts.reportedByEvent(2);
    assertEquals(WSAECONNREFUSED, attempts.takeUnreported(), "another attempt's report clears nothing");
    network.answers("connect", NetError.WOULD_BLOCK.result()).answers("finishConnect", NetError.REFUSED.result());
    attempts.start(state, network.endpoint, PEER, 7);
    attempts.finish(state, network.endpoint, false);
    attempts.reportedByEvent(2);
    assertEquals(0, attempts.takeUnreported());
  }

  @Test
  void aFailureAtOnceIsTheConnectsAndEndsNoAttemptForFdConnect() {
    network.answers("connect", NetError.NETWORK_UNREACHABLE.result());
    assertEquals(-WSAENETUNREACH, attempts.start(state, network.endpoint, PEER, 7));
    assertEquals(Phase.UNBOUND, state.phase());
    assertEquals(0, attempts.finishedAttempt());
    assertEquals(0, attempts.takeUnreported());
  }

  @Test
  void aCancelWhileConnectingEndsTheAttemptWithConnAborted() {
    network.answers("connect", NetError.WOULD_BLOCK.result());
    attempts.start(state, network.endpoint, PEER, 7);
    attempts.abortedWhileConnecting(state);
    assertEquals(Phase.UNBOUND, state.phase());
    assertEquals(List.of(1, WSAECONNABORTED), List.of(attempts.finishedAttempt(), attempts.outcome()));
    assertEquals(0, attempts.takeUnreported());
  }
}
