package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.wsemu.SchedulingMode;
import org.wsemu.testing.World;

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

  @World.AllWorlds
  void shutdownWithAnUnknownHowFailsInvalid(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int client = pair(ws)[0];
      assertFails(ws, WSAEINVAL, ws.shutdown(client, 3));
      assertFails(ws, WSAEINVAL, ws.shutdown(client, -1));
      assertEquals(1, ws.send(client, ascii("x"), 1, 0), "nothing was shut down");
      return 0;
    });
  }

  @World.AllWorlds
  void shutdownOfAnUnconnectedStreamFailsNotConnected(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void afterShuttingDownSendsSendFailsAndThePeerReadsEndOfStream(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void afterShuttingDownReceivesRecvFailsAndSendingStillWorks(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void afterShuttingDownBothDirectionsSendAndRecvFail(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void aClosedHandleIsNotASocketForEveryCallIncludingASecondClose(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void closingAConnectedSocketLetsThePeerReadTheDataThenEndOfStream(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void lingerWithTimeZeroResetsThePeer(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      setLinger(ws, pair[0], 1, 0);
      assertEquals(0, ws.closesocket(pair[0]));
      assertFails(ws, WSAECONNRESET, ws.recv(pair[1], new byte[8], 8, 0));
      return 0;
    });
  }

  @World.AllWorlds
  void aLingeringCloseWaitsUntilThePeerCloses(World world) throws Exception {
    AtomicBoolean peerClosing = new AtomicBoolean();
    HelperTasks.run(world.builder(), (emu, ws, user, helpers) -> {
      startup(ws);
      int[] listener = listener(ws);
      helpers.start("peer", () -> {
        if (world.mode() == SchedulingMode.WIN16) {
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

  @World.AllWorlds
  void aLingeringCloseOfANonBlockingSocketWouldBlockAndKeepsTheSocket(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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

  @World.AllWorlds
  void aLingeringCloseGivesUpAfterTheLingerTimeWhenThePeerDoesNotClose(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      setLinger(ws, pair[0], 1, 1);
      long start = emu.clock().millis(); // the emulator's clock: virtual time does not pass on the wall clock
      assertEquals(0, ws.closesocket(pair[0])); // the peer is this task: it cannot close meanwhile
      long waitedMillis = emu.clock().millis() - start;
      assertTrue(waitedMillis >= 1000, "waited the linger time: " + waitedMillis + " ms");
      assertFails(ws, WSAENOTSOCK, ws.closesocket(pair[0]));
      pair(ws); // on the simulated network this handshake follows the RST over loopback: the RST has arrived
      if (world.simulated()) {
        // the RST that ended the linger discards the FIN the peer had not read yet
        assertFails(ws, WSAECONNRESET, ws.recv(pair[1], new byte[8], 8, 0));
      } else {
        // the host's TCP stack still reports the FIN it took before the RST
        assertEquals(0, ws.recv(pair[1], new byte[8], 8, 0), "the peer read the graceful end first");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void anAcceptedSocketTakesTheListenersLinger(World world) throws Exception {
    run(world, (emu, ws, user) -> {
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
