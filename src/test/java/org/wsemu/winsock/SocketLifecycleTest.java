package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.World;

/** socket, bind and listen; handles unknown to the caller; which task may use which socket. */
@Timeout(20)
class SocketLifecycleTest {

  // ---- socket ----

  @World.AllWorlds
  void socketRejectsUnsupportedFamiliesTypesAndProtocols(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertFails(ws, WSAEAFNOSUPPORT, ws.socket(AF_UNIX, SOCK_STREAM, 0));
      assertFails(ws, WSAESOCKTNOSUPPORT, ws.socket(AF_INET, SOCK_RAW, 0));
      assertFails(ws, WSAESOCKTNOSUPPORT, ws.socket(AF_INET, SOCK_SEQPACKET, 0));
      assertFails(ws, WSAEPROTONOSUPPORT, ws.socket(AF_INET, SOCK_STREAM, 99));
      assertFails(ws, WSAEPROTOTYPE, ws.socket(AF_INET, SOCK_STREAM, IPPROTO_UDP));
      assertFails(ws, WSAEPROTOTYPE, ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP));
      return 0;
    });
  }

  @World.AllWorlds
  void socketAcceptsTheProtocolOfItsType(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertNotEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
      assertNotEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP));
      return 0;
    });
  }

  @World.AllWorlds
  void socketBeyondTheSocketLimitFailsWithTooManyFiles(World world) throws Exception {
    run(builder(world).maxSockets(2), (emu, ws, user) -> {
      startup(ws);
      int first = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertNotEquals(INVALID_SOCKET, first);
      assertNotEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_DGRAM, 0));
      assertFails(ws, WSAEMFILE, ws.socket(AF_INET, SOCK_STREAM, 0));
      assertFails(ws, WSAEMFILE, ws.socket(AF_INET, SOCK_DGRAM, 0));
      assertEquals(0, ws.closesocket(first));
      assertNotEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_STREAM, 0), "a closed socket frees its slot");
      return 0;
    });
  }

  @World.AllWorlds
  void socketHandlesAreDistinctPositiveAndNotReusedAtOnce(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      Set<Integer> handles = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        int s = ws.socket(AF_INET, i % 2 == 0 ? SOCK_STREAM : SOCK_DGRAM, 0);
        assertTrue(s > 0, "handle " + s);
        if (world.mode() == SchedulingMode.WIN16) {
          assertTrue(s <= 0xFFFE, "16-bit handle " + s);
        }
        assertTrue(handles.add(s), "distinct handle " + s);
      }
      int closed = handles.iterator().next();
      assertEquals(0, ws.closesocket(closed));
      int next = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertTrue(next > 0 && !handles.contains(next), "fresh handle " + next);
      return 0;
    });
  }

  // ---- bind ----

  @World.AllWorlds
  void bindToPortZeroPicksAPortThatGetsocknameShows(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      for (int type : new int[] {SOCK_STREAM, SOCK_DGRAM}) {
        int s = ws.socket(AF_INET, type, 0);
        assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
        sockaddr_in name = new sockaddr_in();
        IntRef namelen = new IntRef(sockaddr_in.SIZE + 4);
        assertEquals(0, ws.getsockname(s, name, namelen));
        assertEquals(sockaddr_in.SIZE, namelen.value);
        assertEquals(AF_INET, name.sin_family);
        assertEquals(0x0100007F, name.sin_addr.s_addr);
        assertTrue(ntohs(name.sin_port) > 0, "port " + ntohs(name.sin_port));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void bindingABoundSocketAgainFailsInvalid(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      for (int type : new int[] {SOCK_STREAM, SOCK_DGRAM}) {
        int s = ws.socket(AF_INET, type, 0);
        assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
        int port = localPort(ws, s);
        assertFails(ws, WSAEINVAL, ws.bind(s, loopback(0), sockaddr_in.SIZE));
        assertEquals(port, localPort(ws, s), "the first binding stays");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void bindRejectsANullNameAShortNamelenAndAForeignFamily(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEFAULT, ws.bind(s, null, sockaddr_in.SIZE));
      assertFails(ws, WSAEFAULT, ws.bind(s, loopback(0), sockaddr_in.SIZE - 1));
      sockaddr_in unix = loopback(0);
      unix.sin_family = AF_UNIX;
      assertFails(ws, WSAEAFNOSUPPORT, ws.bind(s, unix, sockaddr_in.SIZE));
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE), "the failures left it unbound");
      return 0;
    });
  }

  @World.AllWorlds
  void bindToAPortInUseFailsAddressInUse(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      for (int type : new int[] {SOCK_STREAM, SOCK_DGRAM}) {
        int first = ws.socket(AF_INET, type, 0);
        assertEquals(0, ws.bind(first, loopback(0), sockaddr_in.SIZE));
        int second = ws.socket(AF_INET, type, 0);
        assertFails(ws, WSAEADDRINUSE, ws.bind(second, loopback(localPort(ws, first)), sockaddr_in.SIZE));
        assertEquals(0, ws.bind(second, loopback(0), sockaddr_in.SIZE), "the failure left it unbound");
      }
      int[] listener = listener(ws);
      int other = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEADDRINUSE, ws.bind(other, loopback(listener[1]), sockaddr_in.SIZE));
      return 0;
    });
  }

  @World.AllWorlds
  void bindToAnAddressThatIsNotLocalFailsAddressNotAvailable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in foreign = new sockaddr_in(htons(0), ws.inet_addr("192.0.2.1")); // TEST-NET-1
      assertFails(ws, WSAEADDRNOTAVAIL, ws.bind(s, foreign, sockaddr_in.SIZE));
      return 0;
    });
  }

  // ---- listen ----

  @World.AllWorlds
  void listenNeedsABoundStreamSocketAndMayBeRepeated(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int unbound = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEINVAL, ws.listen(unbound, 5));
      int datagram = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(datagram, loopback(0), sockaddr_in.SIZE));
      assertFails(ws, WSAEOPNOTSUPP, ws.listen(datagram, 5));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, s);
      assertEquals(0, ws.listen(s, 5));
      assertEquals(0, ws.listen(s, 1));
      assertEquals(port, localPort(ws, s), "listening keeps the bound port");
      return 0;
    });
  }

  @World.AllWorlds
  void aListenThatFailsLeavesTheSocketBoundAsItWas(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int first = ws.socket(AF_INET, SOCK_STREAM, 0);
      int second = ws.socket(AF_INET, SOCK_STREAM, 0);
      for (int s : new int[] {first, second}) {
        assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, new IntRef(1), 4));
      }
      assertEquals(0, ws.bind(first, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, first);
      assertEquals(0, ws.bind(second, loopback(port), sockaddr_in.SIZE), "SO_REUSEADDR shares the port");
      assertEquals(0, ws.listen(first, 5));
      assertFails(ws, WSAEADDRINUSE, ws.listen(second, 5));
      assertEquals(port, localPort(ws, second), "still bound");
      assertEquals(0, ws.closesocket(first));
      assertEquals(0, ws.listen(second, 5), "the port is free again");
      assertEquals(port, localPort(ws, second));
      return 0;
    });
  }

  @World.AllWorlds
  void listenOnAConnectedSocketFailsIsConnected(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertFails(ws, WSAEISCONN, ws.listen(pair[0], 5));
      return 0;
    });
  }

  // ---- handles that are not the caller's sockets ----

  @World.AllWorlds
  void everySocketFunctionFailsNotASocketForAnUnknownHandle(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      ws.socket(AF_INET, SOCK_STREAM, 0);
      EverySocketCall.assertFails(ws, 0x7777, WSAENOTSOCK);
      EverySocketCall.assertFails(ws, INVALID_SOCKET, WSAENOTSOCK);
      return 0;
    });
  }

  @World.Win16Worlds
  void inWin16AnotherTasksSocketIsNotASocketAndStaysUsableByItsOwner(World world) throws Exception {
    HelperTasks.run(world.builder(), (emu, ws, user, helpers) -> {
      startup(ws);
      int mine = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(mine, loopback(0), sockaddr_in.SIZE));
      helpers.start("other", () -> {
        startup(ws);
        EverySocketCall.assertFails(ws, mine, WSAENOTSOCK);
        return 0;
      }).awaitEnd();
      assertEquals(0, ws.listen(mine, 5));
      assertEquals(0, ws.closesocket(mine));
      return 0;
    });
  }

  @World.Win16Worlds
  void inWin16ATaskThatEndsResetsItsConnectedStreams(World world) throws Exception {
    HelperTasks.run(world.builder(), (emu, ws, user, helpers) -> {
      startup(ws);
      int[] listener = listener(ws);
      helpers.start("client", () -> {
        startup(ws);
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
        assertEquals(2, ws.recv(s, new byte[8], 8, 0)); // waits for the server's "go"
        return 0; // ends without closesocket or WSACleanup
      });
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      assertEquals(2, ws.send(server, ascii("go"), 2, 0));
      assertFails(ws, WSAECONNRESET, ws.recv(server, new byte[8], 8, 0));
      return 0;
    });
  }

  @World.Win32Worlds
  void inWin32ASocketOutlivesTheTaskThatCreatedIt(World world) throws Exception {
    AtomicInteger created = new AtomicInteger(INVALID_SOCKET);
    HelperTasks.run(world.builder(), (emu, ws, user, helpers) -> {
      startup(ws);
      HelperTasks.Helper other = helpers.start("other", () -> {
        created.set(ws.socket(AF_INET, SOCK_STREAM, 0));
        return 0;
      });
      other.awaitEnd();
      assertTrue(other.task().join(java.time.Duration.ofSeconds(10)), "the other task ended");
      assertNotEquals(INVALID_SOCKET, created.get());
      assertEquals(0, ws.bind(created.get(), loopback(0), sockaddr_in.SIZE));
      assertEquals(0, ws.closesocket(created.get()));
      return 0;
    });
  }
}
