package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;

/** WSAStartup and WSACleanup: negotiation, WSADATA, reference counts, applications, last error. */
@Timeout(20)
class StartupTest {

  /** {requested, negotiated}: MAKEWORD(major, minor) values. */
  private static final int[][] VERSION_TABLE = {
    {0x0001, 0x0001}, // 1.0
    {0x0101, 0x0101}, // 1.1
    {0x0501, 0x0101}, // 1.5
    {0x0002, 0x0002}, // 2.0
    {0x0102, 0x0102}, // 2.1
    {0x0202, 0x0202}, // 2.2
    {0x0003, 0x0202}, // 3.0
  };

  @World.AllWorlds
  void startupNegotiatesTheHighestSupportedVersionNotAboveTheRequest(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      for (int[] row : VERSION_TABLE) {
        String request = String.format("request 0x%04X", row[0]);
        WSADATA data = new WSADATA();
        assertEquals(0, ws.WSAStartup(row[0], data), request);
        assertEquals(row[1], data.wVersion, request);
        assertEquals(0x0202, data.wHighVersion, request);
        assertEquals(0, ws.WSACleanup(), request);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aRequestBelowOnePointZeroReturnsVerNotSupportedAndDoesNotInitialise(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      assertEquals(WSAVERNOTSUPPORTED, ws.WSAStartup(0x0900, new WSADATA()));
      assertEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_STREAM, 0));
      assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedStartupIsNotCounted(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      assertEquals(WSAVERNOTSUPPORTED, ws.WSAStartup(0x0900, new WSADATA()));
      assertEquals(WSAEFAULT, ws.WSAStartup(0x0101, null));
      assertEquals(0, ws.WSACleanup());
      assertEquals(SOCKET_ERROR, ws.WSACleanup());
      assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void version1ReportsSocketAndDatagramLimitsAndNoVendorInfo(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      WSADATA data = new WSADATA();
      data.lpVendorInfo = new Object();
      assertEquals(0, ws.WSAStartup(0x0101, data));
      assertNotNull(data.szDescription);
      assertTrue(!data.szDescription.isEmpty() && data.szDescription.length() <= WSADESCRIPTION_LEN,
          data.szDescription);
      assertNotNull(data.szSystemStatus);
      assertTrue(data.szSystemStatus.length() <= WSASYS_STATUS_LEN, data.szSystemStatus);
      assertEquals(32767, data.iMaxSockets);
      assertEquals(65507, data.iMaxUdpDg);
      assertNull(data.lpVendorInfo);
      return 0;
    });
  }

  @World.AllWorlds
  void version2ReportsZeroSocketAndDatagramLimits(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      WSADATA data = startup(ws, 0x0202);
      assertEquals(0, data.iMaxSockets);
      assertEquals(0, data.iMaxUdpDg);
      assertNull(data.lpVendorInfo);
      assertTrue(!data.szDescription.isEmpty() && data.szDescription.length() <= WSADESCRIPTION_LEN);
      return 0;
    });
  }

  @World.AllWorlds
  void aNullWsadataReturnsFaultAndDoesNotInitialise(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      assertEquals(WSAEFAULT, ws.WSAStartup(0x0101, null));
      assertEquals(SOCKET_ERROR, ws.WSACleanup());
      assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void twoStartupsNeedTwoCleanupsAndAThirdCleanupFails(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      startup(ws);
      int before = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.WSACleanup());
      assertEquals(0, ws.bind(before, loopback(0), sockaddr_in.SIZE), "sockets survive a WSACleanup that is not the last");
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertNotEquals(INVALID_SOCKET, s, "still initialised after the first WSACleanup");
      assertEquals(0, ws.WSACleanup());
      assertEquals(SOCKET_ERROR, ws.WSACleanup());
      assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void everyCallBeforeStartupFailsNotInitialised(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      NotInitialised.assertEveryCallFails(ws, 1);
      return 0;
    });
  }

  @World.AllWorlds
  void everyCallAfterTheLastCleanupFailsNotInitialised(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertNotEquals(INVALID_SOCKET, s);
      assertEquals(0, ws.WSACleanup());
      NotInitialised.assertEveryCallFails(ws, s);
      return 0;
    });
  }

  @World.AllWorlds
  void aSocketFromBeforeTheLastCleanupIsNotASocketAfterANewStartup(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertNotEquals(INVALID_SOCKET, s);
      assertEquals(0, ws.WSACleanup());
      startup(ws);
      assertEquals(SOCKET_ERROR, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.closesocket(s));
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void theLastCleanupResetsAConnectedStreamSeenByThePeer(World world) throws Exception {
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, accepted) -> {
        assertEquals(0, ws.WSACleanup());
        return 0;
      });
      try (Peer peer = server.connect()) {
        assertEquals(0, Emus.join(server.task));
        InputStream in = peer.in();
        IOException reset = assertThrows(IOException.class, in::read);
        assertTrue(String.valueOf(reset.getMessage()).toLowerCase().contains("reset"), reset.toString());
      }
    }
  }

  @World.Win16Worlds
  void inWin16TheLastCleanupOfOneTaskResetsTheStreamOfAnotherTask(World world) throws Exception {
    AtomicInteger peerRecv = new AtomicInteger(Integer.MIN_VALUE);
    AtomicInteger peerError = new AtomicInteger();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] listener = listener(ws);
      HelperTasks.Helper peer = helpers.start("peer", () -> {
        startup(ws);
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
        assertEquals(1, ws.send(s, ascii("c"), 1, 0), "connected: tell the server task");
        peerRecv.set(ws.recv(s, new byte[16], 16, 0)); // blocks: the server task runs its cleanup
        peerError.set(ws.WSAGetLastError());
        return 0;
      });
      int accepted = ws.accept(listener[0], null, null); // blocks: the peer task connects
      assertNotEquals(INVALID_SOCKET, accepted);
      assertEquals(1, ws.recv(accepted, new byte[1], 1, 0)); // blocks: the peer's connect completes
      assertEquals(0, ws.WSACleanup());
      peer.awaitEnd(); // the server task is still alive: its cleanup, not its end, reset the stream
      assertEquals(SOCKET_ERROR, peerRecv.get());
      assertEquals(WSAECONNRESET, peerError.get());
      return 0;
    });
  }

  @World.Win16Worlds
  void inWin16EachTaskIsAnApplicationWithItsOwnStartupCountAndSockets(World world) throws Exception {
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int mine = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertNotEquals(INVALID_SOCKET, mine);
      helpers.start("other", () -> {
        assertEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_STREAM, 0), "no WSAStartup of its own yet");
        assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
        startup(ws);
        assertEquals(SOCKET_ERROR, ws.bind(mine, loopback(0), sockaddr_in.SIZE));
        assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
        assertEquals(SOCKET_ERROR, ws.closesocket(mine));
        assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
        int its = ws.socket(AF_INET, SOCK_DGRAM, 0);
        assertNotEquals(INVALID_SOCKET, its);
        assertEquals(0, ws.WSACleanup());
        assertEquals(SOCKET_ERROR, ws.WSACleanup(), "one WSAStartup, one WSACleanup");
        assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
        return 0;
      }).awaitEnd();
      assertEquals(0, ws.bind(mine, loopback(0), sockaddr_in.SIZE), "untouched by the other task's cleanup");
      assertEquals(0, ws.closesocket(mine));
      assertEquals(0, ws.WSACleanup());
      return 0;
    });
  }

  @World.Win32Worlds
  void inWin32TasksShareOneApplicationAndItsSockets(World world) throws Exception {
    AtomicInteger created = new AtomicInteger(INVALID_SOCKET);
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int mine = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertNotEquals(INVALID_SOCKET, mine);
      helpers.start("other", () -> {
        assertEquals(0, ws.bind(mine, loopback(0), sockaddr_in.SIZE), "no WSAStartup of its own needed");
        assertTrue(localPort(ws, mine) > 0);
        assertEquals(0, ws.closesocket(mine));
        created.set(ws.socket(AF_INET, SOCK_DGRAM, 0));
        return 0;
      }).awaitEnd();
      assertEquals(SOCKET_ERROR, ws.closesocket(mine), "the other task closed it");
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
      assertNotEquals(INVALID_SOCKET, created.get());
      assertEquals(0, ws.closesocket(created.get()), "the other task's socket is ours too");
      return 0;
    });
  }

  @World.AllWorlds
  void theLastErrorBelongsToEachTask(World world) throws Exception {
    AtomicInteger otherInitial = new AtomicInteger(-1);
    AtomicInteger otherAfterSet = new AtomicInteger(-1);
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      ws.WSASetLastError(WSAEINVAL);
      helpers.start("other", () -> {
        otherInitial.set(ws.WSAGetLastError());
        ws.WSASetLastError(WSAECONNREFUSED);
        otherAfterSet.set(ws.WSAGetLastError());
        return 0;
      }).awaitEnd();
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(0, otherInitial.get());
      assertEquals(WSAECONNREFUSED, otherAfterSet.get());
      return 0;
    });
  }
}
