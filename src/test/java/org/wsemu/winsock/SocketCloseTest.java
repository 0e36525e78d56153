package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.World;
import org.wsemu.user.MSG;

/** shutdown and closesocket, with and without SO_LINGER. */
@Timeout(20)
class SocketCloseTest {

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
  void aLingeringCloseSendsTheDataAndTheEndWithoutWaitingForThePeerToClose(World world) throws Exception {
    HelperTasks.run(world.builder(), (emu, ws, user, helpers) -> {
      startup(ws);
      int[] listener = listener(ws);
      var peer = helpers.start("peer", () -> {
        if (world.mode() == SchedulingMode.WIN16) {
          startup(ws);
        }
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
        byte[] buffer = new byte[8];
        int got = 0;
        int n;
        while ((n = ws.recv(s, buffer, got, buffer.length - got, 0)) > 0) {
          got += n;
        }
        assertEquals(0, n, "the lingering close ends the stream gracefully: " + ws.WSAGetLastError());
        assertEquals("bye", ascii(buffer, got));
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, 0, 0, 0)); // stays open until the closer has returned
        assertEquals(WM_USER, msg.message);
        assertEquals(0, ws.closesocket(s));
        return 0;
      });
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      assertEquals(3, ws.send(server, ascii("bye"), 3, 0));
      setLinger(ws, server, 1, 5);
      assertEquals(0, ws.closesocket(server)); // returns once "bye" is delivered, the peer still open
      assertTrue(user.PostAppMessage(peer.task().handle(), WM_USER, 0, 0));
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
      assertEquals(0, ws.closesocket(pair[0]), "blocking now: nothing waits to be sent");
      assertFails(ws, WSAENOTSOCK, ws.closesocket(pair[0]));
      return 0;
    });
  }

  /**
   * Only the simulated network can hold sent data back from the peer: on the real one, data the
   * operating system took counts as sent (the JDK cannot see acknowledgements), so this case cannot
   * be made there.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_SIM", "WIN32_SIM"})
  void aLingeringCloseResetsWhenTheDataIsNotDeliveredWithinTheLingerTime(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(0, ws.ioctlsocket(pair[0], FIONBIO, new IntRef(1)));
      byte[] chunk = new byte[4096];
      while (ws.send(pair[0], chunk, chunk.length, 0) > 0) {
        // fill the peer's window and the send buffer: the peer never reads
      }
      assertFails(ws, WSAEWOULDBLOCK, SOCKET_ERROR);
      assertEquals(0, ws.ioctlsocket(pair[0], FIONBIO, new IntRef(0)));
      setLinger(ws, pair[0], 1, 1);
      long start = emu.clock().millis(); // the emulator's clock: virtual time does not pass on the wall clock
      assertEquals(0, ws.closesocket(pair[0]));
      long waitedMillis = emu.clock().millis() - start;
      assertTrue(waitedMillis >= 1000, "waited the linger time: " + waitedMillis + " ms");
      assertFails(ws, WSAENOTSOCK, ws.closesocket(pair[0]));
      pair(ws); // this handshake follows the RST over loopback: once connected, the RST has arrived
      assertFails(ws, WSAECONNRESET, ws.recv(pair[1], chunk, chunk.length, 0));
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
