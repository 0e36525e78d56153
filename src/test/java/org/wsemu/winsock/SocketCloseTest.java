package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.wsemu.SchedulingMode;

/** shutdown and closesocket, with and without SO_LINGER. */
@Timeout(20)
class SocketCloseTest {

  private static void assertFails(WinsockApi ws, int error, int ret) {
    assertEquals(SOCKET_ERROR, ret);
    assertEquals(error, ws.WSAGetLastError());
  }

  private static void setLinger(WinsockApi ws, int s, int onoff, int seconds) {
    assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(onoff, seconds), linger.SIZE));
  }

  // ---- shutdown ----

  @BothModes
  void shutdownWithAnUnknownHowFailsInvalid(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int client = pair(ws)[0];
      assertFails(ws, WSAEINVAL, ws.shutdown(client, 3));
      assertFails(ws, WSAEINVAL, ws.shutdown(client, -1));
      assertEquals(1, ws.send(client, ascii("x"), 1, 0), "nothing was shut down");
      return 0;
    });
  }

  @BothModes
  void shutdownOfAnUnconnectedStreamFailsNotConnected(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int unbound = ws.socket(AF_INET, SOCK_STREAM, 0);
      int[] listener = listener(ws);
      for (int s : new int[] {unbound, listener[0]}) {
        for (int how = 0; how <= 2; how++) {
          assertFails(ws, WSAENOTCONN, ws.shutdown(s, how));
        }
      }
      return 0;
    });
  }

  @BothModes
  void afterShuttingDownSendsSendFailsAndThePeerReadsEndOfStream(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(1, ws.send(pair[0], ascii("a"), 1, 0));
      assertEquals(0, ws.shutdown(pair[0], 1));
      assertFails(ws, WSAESHUTDOWN, ws.send(pair[0], ascii("b"), 1, 0));
      byte[] buf = new byte[8];
      assertEquals(1, ws.recv(pair[1], buf, buf.length, 0));
      assertEquals("a", ascii(buf, 1));
      assertEquals(0, ws.recv(pair[1], buf, buf.length, 0), "end of stream");
      assertEquals(2, ws.send(pair[1], ascii("up"), 2, 0));
      assertEquals(2, ws.recv(pair[0], buf, buf.length, 0), "receiving still works");
      assertEquals("up", ascii(buf, 2));
      return 0;
    });
  }

  @BothModes
  void afterShuttingDownReceivesRecvFailsAndSendingStillWorks(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(0, ws.shutdown(pair[0], 0));
      assertFails(ws, WSAESHUTDOWN, ws.recv(pair[0], new byte[8], 8, 0));
      assertEquals(2, ws.send(pair[0], ascii("ok"), 2, 0));
      byte[] buf = new byte[8];
      assertEquals(2, ws.recv(pair[1], buf, buf.length, 0));
      assertEquals("ok", ascii(buf, 2));
      return 0;
    });
  }

  @BothModes
  void afterShuttingDownBothDirectionsSendAndRecvFail(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(0, ws.shutdown(pair[0], 2));
      assertFails(ws, WSAESHUTDOWN, ws.send(pair[0], ascii("x"), 1, 0));
      assertFails(ws, WSAESHUTDOWN, ws.recv(pair[0], new byte[8], 8, 0));
      assertEquals(0, ws.recv(pair[1], new byte[8], 8, 0), "the peer reads end of stream");
      return 0;
    });
  }

  // ---- closesocket ----

  @BothModes
  void aClosedHandleIsNotASocketForEveryCallIncludingASecondClose(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int datagram = ws.socket(AF_INET, SOCK_DGRAM, 0);
      for (int s : new int[] {pair[0], pair[2], datagram}) {
        assertEquals(0, ws.closesocket(s));
        EverySocketCall.assertFails(ws, s, WSAENOTSOCK);
      }
      return 0;
    });
  }

  @BothModes
  void closingAConnectedSocketLetsThePeerReadTheDataThenEndOfStream(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(2, ws.send(pair[0], ascii("hi"), 2, 0));
      assertEquals(0, ws.closesocket(pair[0]));
      byte[] buf = new byte[8];
      assertEquals(2, ws.recv(pair[1], buf, buf.length, 0));
      assertEquals("hi", ascii(buf, 2));
      assertEquals(0, ws.recv(pair[1], buf, buf.length, 0));
      return 0;
    });
  }

  @BothModes
  void lingerWithTimeZeroResetsThePeer(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      setLinger(ws, pair[0], 1, 0);
      assertEquals(0, ws.closesocket(pair[0]));
      assertFails(ws, WSAECONNRESET, ws.recv(pair[1], new byte[8], 8, 0));
      return 0;
    });
  }

  @BothModes
  void aLingeringCloseWaitsUntilThePeerCloses(SchedulingMode mode) throws Exception {
    AtomicBoolean peerClosing = new AtomicBoolean();
    HelperTasks.run(mode, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] listener = listener(ws);
      helpers.start("peer", () -> {
        if (mode == SchedulingMode.WIN16) {
          startup(ws);
        }
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
        assertEquals(0, ws.recv(s, new byte[8], 8, 0), "the lingering close sends end of stream");
        peerClosing.set(true);
        assertEquals(0, ws.closesocket(s));
        return 0;
      });
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      setLinger(ws, server, 1, 5);
      assertEquals(0, ws.closesocket(server)); // blocks until the peer closes
      assertTrue(peerClosing.get(), "returned only after the peer closed");
      assertFails(ws, WSAENOTSOCK, ws.closesocket(server));
      return 0;
    });
  }

  @BothModes
  void aLingeringCloseOfANonBlockingSocketWouldBlockAndKeepsTheSocket(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      setLinger(ws, pair[0], 1, 5);
      assertEquals(0, ws.ioctlsocket(pair[0], FIONBIO, new IntRef(1)));
      assertFails(ws, WSAEWOULDBLOCK, ws.closesocket(pair[0]));
      sockaddr_in name = new sockaddr_in();
      assertEquals(0, ws.getpeername(pair[0], name, new IntRef(sockaddr_in.SIZE)), "still a connected socket");
      assertEquals(htons(localPort(ws, pair[1])), name.sin_port);
      assertEquals(0, ws.closesocket(pair[1]));
      assertEquals(0, ws.ioctlsocket(pair[0], FIONBIO, new IntRef(0)));
      assertEquals(0, ws.closesocket(pair[0]), "blocking now; the peer has closed");
      assertFails(ws, WSAENOTSOCK, ws.closesocket(pair[0]));
      return 0;
    });
  }

  @BothModes
  void aLingeringCloseGivesUpAfterTheLingerTimeWhenThePeerDoesNotClose(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      setLinger(ws, pair[0], 1, 1);
      long start = System.nanoTime();
      assertEquals(0, ws.closesocket(pair[0])); // the peer is this task: it cannot close meanwhile
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waitedMillis >= 900, "waited the linger time: " + waitedMillis + " ms");
      assertFails(ws, WSAENOTSOCK, ws.closesocket(pair[0]));
      assertEquals(0, ws.recv(pair[1], new byte[8], 8, 0), "the peer read the graceful end first");
      return 0;
    });
  }

  @BothModes
  void anAcceptedSocketTakesTheListenersLinger(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      setLinger(ws, listener[0], 1, 0);
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      linger value = new linger(7, 7);
      IntRef length = new IntRef(linger.SIZE);
      assertEquals(0, ws.getsockopt(server, SOL_SOCKET, SO_LINGER, value, length));
      assertEquals(1, value.l_onoff);
      assertEquals(0, value.l_linger);
      assertEquals(0, ws.closesocket(server));
      assertFails(ws, WSAECONNRESET, ws.recv(client, new byte[8], 8, 0));
      return 0;
    });
  }
}
