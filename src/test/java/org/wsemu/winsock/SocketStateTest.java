package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.INADDR_BROADCAST;
import static org.wsemu.winsock.WinSock.WSAEACCES;
import static org.wsemu.winsock.WinSock.WSAEADDRNOTAVAIL;
import static org.wsemu.winsock.WinSock.WSAEALREADY;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;
import static org.wsemu.winsock.WinSock.WSAEDESTADDRREQ;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEISCONN;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;
import static org.wsemu.winsock.WinSock.WSAESHUTDOWN;

import org.junit.jupiter.api.Test;
import org.wsemu.winsock.SocketState.Phase;

/** The Winsock state rules, each on the states where it decides, streams and datagram sockets alike. */
class SocketStateTest {
  private static final int PEER = 0x7F000001;
  private static final int MAX_DATAGRAM = 65507;

  private final EmulatedSocket socket = new StreamSocket(1, new WinsockApplication("test"), null);

  private SocketState in(Phase phase) {
    SocketState state = new SocketState(socket);
    switch (phase) {
      case BOUND -> state.bound();
      case LISTENING -> {
        state.bound();
        state.listening();
      }
      case CONNECTING -> state.connecting();
      case CONNECTED -> state.connected();
      default -> { }
    }
    return state;
  }

  @Test
  void everyCallButCloseFailsOnAClosedOrAbortedSocket() {
    SocketState state = in(Phase.CONNECTED);
    assertEquals(0, state.usable());
    state.abort();
    assertEquals(-WSAECONNABORTED, state.usable());
    assertEquals(-WSAECONNABORTED, state.bind(false));
    assertEquals(-WSAECONNABORTED, state.connect());
    assertEquals(-WSAECONNABORTED, state.shutdown(2, true));
    assertEquals(-WSAECONNABORTED, state.peerName());
    assertEquals(-WSAECONNABORTED, state.sendStream());
    assertEquals(-WSAECONNABORTED, state.receiveStream(false, false));
    socket.closed = true;
    assertEquals(-WSAENOTSOCK, in(Phase.CONNECTED).usable());
    assertEquals(-WSAENOTSOCK, in(Phase.UNBOUND).bind(false));
  }

  @Test
  void bindOnlyAnUnboundSocketWithoutAnAddress() {
    assertEquals(0, in(Phase.UNBOUND).bind(false));
    assertEquals(-WSAEINVAL, in(Phase.UNBOUND).bind(true), "a connect attempt bound it");
    for (Phase phase : new Phase[] {Phase.BOUND, Phase.LISTENING, Phase.CONNECTING, Phase.CONNECTED}) {
      assertEquals(-WSAEINVAL, in(phase).bind(false), phase.name());
    }
  }

  @Test
  void listenOnlyABoundOrListeningStream() {
    assertEquals(-WSAEINVAL, in(Phase.UNBOUND).listen());
    assertEquals(0, in(Phase.BOUND).listen());
    assertEquals(0, in(Phase.LISTENING).listen());
    assertEquals(-WSAEISCONN, in(Phase.CONNECTING).listen());
    assertEquals(-WSAEISCONN, in(Phase.CONNECTED).listen());
  }

  @Test
  void acceptOnlyAListeningStream() {
    assertEquals(0, in(Phase.LISTENING).accept());
    for (Phase phase : new Phase[] {Phase.UNBOUND, Phase.BOUND, Phase.CONNECTING, Phase.CONNECTED}) {
      assertEquals(-WSAEINVAL, in(phase).accept(), phase.name());
    }
  }

  @Test
  void connectNeitherAListeningNorAConnectedStream() {
    assertEquals(0, in(Phase.UNBOUND).connect());
    assertEquals(0, in(Phase.BOUND).connect());
    assertEquals(0, in(Phase.CONNECTING).connect());
    assertEquals(-WSAEINVAL, in(Phase.LISTENING).connect());
    assertEquals(-WSAEISCONN, in(Phase.CONNECTED).connect());
    assertEquals(-WSAEADDRNOTAVAIL, SocketState.destination(0, 7));
    assertEquals(-WSAEADDRNOTAVAIL, SocketState.destination(PEER, 0));
    assertEquals(0, SocketState.destination(PEER, 7));
  }

  @Test
  void aSecondConnectReportsHowTheAttemptStands() {
    assertEquals(-WSAEALREADY, SocketState.connectAgain(EmulatedSocket.WOULD_BLOCK));
    assertEquals(-WSAEISCONN, SocketState.connectAgain(0));
    assertEquals(-WSAECONNREFUSED, SocketState.connectAgain(-WSAECONNREFUSED));
  }

  @Test
  void onlyAConnectingStreamAsksTheNetworkToCompleteItsAttempt() {
    assertEquals(0, in(Phase.CONNECTING).finishConnect());
    assertEquals(-WSAENOTCONN, in(Phase.BOUND).finishConnect());
    SocketState aborted = in(Phase.UNBOUND);
    aborted.abort();
    assertEquals(-WSAECONNABORTED, aborted.finishConnect());
  }

  @Test
  void aFailedAttemptLeavesTheStreamAsBindLeftIt() {
    SocketState bound = in(Phase.BOUND);
    bound.connecting();
    bound.attemptFailed();
    assertEquals(Phase.BOUND, bound.phase());
    SocketState unbound = in(Phase.UNBOUND);
    unbound.connecting();
    unbound.attemptFailed();
    assertEquals(Phase.UNBOUND, unbound.phase());
  }

  @Test
  void aStreamReceivesOnlyWhileConnectedReceivingAndNotReset() {
    assertEquals(0, in(Phase.CONNECTED).receiveStream(false, false));
    assertEquals(0, in(Phase.CONNECTED).receiveStream(true, false));
    assertEquals(-WSAEINVAL, in(Phase.CONNECTED).receiveStream(true, true), "MSG_OOB with SO_OOBINLINE");
    assertEquals(-WSAENOTCONN, in(Phase.LISTENING).receiveStream(false, false));
    assertEquals(-WSAENOTCONN, in(Phase.CONNECTING).receiveStream(false, false));
    SocketState shut = in(Phase.CONNECTED);
    assertTrue(shut.shutInput());
    assertFalse(shut.shutInput());
    assertEquals(-WSAESHUTDOWN, shut.receiveStream(false, false));
    SocketState reset = in(Phase.CONNECTED);
    reset.reset(WSAECONNRESET);
    assertEquals(-WSAECONNRESET, reset.receiveStream(false, false));
  }

  @Test
  void aStreamSendsOnlyWhileConnectedSendingAndNotReset() {
    assertEquals(0, in(Phase.CONNECTED).sendStream());
    assertEquals(-WSAENOTCONN, in(Phase.BOUND).sendStream());
    SocketState shut = in(Phase.CONNECTED);
    assertTrue(shut.shutOutput());
    assertEquals(-WSAESHUTDOWN, shut.sendStream());
    SocketState reset = in(Phase.CONNECTED);
    reset.reset(WSAECONNRESET);
    assertEquals(-WSAECONNRESET, reset.sendStream());
  }

  @Test
  void aDatagramSocketReceivesOnceBoundAndNeverUrgentData() {
    assertEquals(-WSAEOPNOTSUPP, in(Phase.BOUND).receiveDatagram(true));
    assertEquals(-WSAEINVAL, in(Phase.UNBOUND).receiveDatagram(false));
    assertEquals(0, in(Phase.BOUND).receiveDatagram(false));
    SocketState sent = in(Phase.UNBOUND);
    sent.boundBySend();
    assertEquals(0, sent.receiveDatagram(false));
    SocketState shut = in(Phase.CONNECTED);
    shut.shutInput();
    assertEquals(-WSAESHUTDOWN, shut.receiveDatagram(false));
  }

  @Test
  void aDatagramGoesToAnAddressOrTheDefaultPeerWithinTheRules() {
    assertEquals(0, in(Phase.UNBOUND).sendDatagram(false, PEER, 7, false, 10, MAX_DATAGRAM));
    assertEquals(-WSAENOTCONN, in(Phase.BOUND).sendDatagram(true, 0, 0, false, 10, MAX_DATAGRAM));
    assertEquals(0, in(Phase.CONNECTED).sendDatagram(true, PEER, 7, false, 10, MAX_DATAGRAM));
    assertEquals(-WSAEADDRNOTAVAIL, in(Phase.BOUND).sendDatagram(false, 0, 7, false, 10, MAX_DATAGRAM));
    assertEquals(-WSAEACCES, in(Phase.BOUND).sendDatagram(false, INADDR_BROADCAST, 7, false, 10, MAX_DATAGRAM));
    assertEquals(0, in(Phase.BOUND).sendDatagram(false, INADDR_BROADCAST, 7, true, 10, MAX_DATAGRAM));
    assertEquals(0, in(Phase.BOUND).sendDatagram(false, PEER, 7, false, MAX_DATAGRAM, MAX_DATAGRAM));
    assertEquals(-WSAEMSGSIZE, in(Phase.BOUND).sendDatagram(false, PEER, 7, false, MAX_DATAGRAM + 1, MAX_DATAGRAM));
    assertEquals(-WSAEACCES, in(Phase.BOUND).sendDatagram(false, INADDR_BROADCAST, 7, false, MAX_DATAGRAM + 1,
        MAX_DATAGRAM), "the broadcast rule comes first");
    SocketState shut = in(Phase.CONNECTED);
    shut.shutOutput();
    assertEquals(-WSAESHUTDOWN, shut.sendDatagram(true, PEER, 7, false, 10, MAX_DATAGRAM));
    assertEquals(-WSAEDESTADDRREQ, in(Phase.BOUND).sendWithoutAddress());
    assertEquals(0, in(Phase.CONNECTED).sendWithoutAddress());
    assertEquals(-WSAEADDRNOTAVAIL, in(Phase.BOUND).connectDatagram(0, 7));
    assertEquals(0, in(Phase.CONNECTED).connectDatagram(PEER, 7));
  }

  @Test
  void shutdownTakesAValidHowAndAStreamMustBeConnected() {
    assertEquals(-WSAEINVAL, in(Phase.CONNECTED).shutdown(3, true));
    assertEquals(-WSAEINVAL, in(Phase.CONNECTED).shutdown(-1, false));
    assertEquals(0, in(Phase.CONNECTED).shutdown(2, true));
    assertEquals(-WSAENOTCONN, in(Phase.LISTENING).shutdown(0, true));
    assertEquals(0, in(Phase.UNBOUND).shutdown(1, false));
  }

  @Test
  void namesNeedAPeerOrALocalAddress() {
    assertEquals(0, in(Phase.CONNECTED).peerName());
    assertEquals(-WSAENOTCONN, in(Phase.BOUND).peerName());
    assertEquals(-WSAEINVAL, in(Phase.UNBOUND).localName(false));
    assertEquals(0, in(Phase.UNBOUND).localName(true), "bound by a connect attempt");
    assertEquals(0, in(Phase.BOUND).localName(false));
  }
}
