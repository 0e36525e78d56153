package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.testing.World;

/** accept and connect, blocking and not. */
@Timeout(20)
class SocketConnectTest {

  private static void nonBlocking(WinsockApi ws, int s, boolean on) {
    assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(on ? 1 : 0)));
  }

  private static sockaddr_in peer(WinsockApi ws, int s) {
    sockaddr_in name = new sockaddr_in();
    IntRef namelen = new IntRef(sockaddr_in.SIZE);
    assertEquals(0, ws.getpeername(s, name, namelen));
    assertEquals(sockaddr_in.SIZE, namelen.value);
    return name;
  }

  // ---- accept ----

  @World.AllWorlds
  void acceptFillsThePeersAddressAndLength(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      sockaddr_in from = new sockaddr_in();
      IntRef fromlen = new IntRef(sockaddr_in.SIZE + 8);
      int server = ws.accept(listener[0], from, fromlen);
      assertNotEquals(INVALID_SOCKET, server);
      assertEquals(sockaddr_in.SIZE, fromlen.value);
      assertEquals(AF_INET, from.sin_family);
      assertEquals(0x0100007F, from.sin_addr.s_addr);
      assertEquals(htons(localPort(ws, client)), from.sin_port);
      return 0;
    });
  }

  @World.AllWorlds
  void acceptRejectsAShortOrMissingAddrlen(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      assertFails(ws, WSAEFAULT, ws.accept(listener[0], new sockaddr_in(), new IntRef(sockaddr_in.SIZE - 1)));
      assertFails(ws, WSAEFAULT, ws.accept(listener[0], new sockaddr_in(), null));
      return 0;
    });
  }

  @World.AllWorlds
  void acceptNeedsAListeningStreamSocket(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int unbound = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEINVAL, ws.accept(unbound, null, null));
      int bound = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(bound, loopback(0), sockaddr_in.SIZE));
      assertFails(ws, WSAEINVAL, ws.accept(bound, null, null));
      int datagram = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(datagram, loopback(0), sockaddr_in.SIZE));
      assertFails(ws, WSAEOPNOTSUPP, ws.accept(datagram, null, null));
      return 0;
    });
  }

  @World.AllWorlds
  void acceptOnANonBlockingListenerWithNothingPendingWouldBlock(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      nonBlocking(ws, listener[0], true);
      assertFails(ws, WSAEWOULDBLOCK, ws.accept(listener[0], null, null));
      return 0;
    });
  }

  @World.AllWorlds
  void anAcceptedSocketIsNonBlockingLikeItsListener(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      nonBlocking(ws, listener[0], true);
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      fd_set readable = new fd_set();
      FD_SET(listener[0], readable);
      assertEquals(1, ws.select(0, readable, null, null, new timeval(10, 0)));
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      assertFails(ws, WSAEWOULDBLOCK, ws.recv(server, new byte[4], 4, 0));
      return 0;
    });
  }

  // ---- blocking connect ----

  @World.AllWorlds
  void aBlockingConnectSucceedsAndTheNamesOfBothEndsMatch(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      int server = ws.accept(listener[0], null, null);
      int clientPort = localPort(ws, client);
      assertTrue(clientPort > 0 && clientPort != listener[1], "client port " + clientPort);
      sockaddr_in clientPeer = peer(ws, client);
      assertEquals(AF_INET, clientPeer.sin_family);
      assertEquals(0x0100007F, clientPeer.sin_addr.s_addr);
      assertEquals(htons(listener[1]), clientPeer.sin_port);
      assertEquals(htons(clientPort), peer(ws, server).sin_port);
      assertEquals(listener[1], localPort(ws, server));
      return 0;
    });
  }

  @World.AllWorlds
  void connectToAPortWhereNothingListensIsRefused(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAECONNREFUSED, ws.connect(s, loopback(closedPort(ws)), sockaddr_in.SIZE));
      return 0;
    });
  }

  @World.AllWorlds
  void connectToTheAnyAddressOrPortZeroFailsAddressNotAvailable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEADDRNOTAVAIL, ws.connect(s, new sockaddr_in(htons(listener[1]), INADDR_ANY), sockaddr_in.SIZE));
      assertFails(ws, WSAEADDRNOTAVAIL, ws.connect(s, loopback(0), sockaddr_in.SIZE));
      assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE), "the failures left it unconnected");
      return 0;
    });
  }

  @World.AllWorlds
  void connectRejectsANullNameAShortNamelenAndAForeignFamily(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEFAULT, ws.connect(s, null, sockaddr_in.SIZE));
      assertFails(ws, WSAEFAULT, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE - 1));
      sockaddr_in unix = loopback(listener[1]);
      unix.sin_family = AF_UNIX;
      assertFails(ws, WSAEAFNOSUPPORT, ws.connect(s, unix, sockaddr_in.SIZE));
      return 0;
    });
  }

  @World.AllWorlds
  void connectingAConnectedSocketFailsIsConnectedAndAListeningOneInvalid(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int[] other = listener(ws);
      assertFails(ws, WSAEISCONN, ws.connect(pair[0], loopback(other[1]), sockaddr_in.SIZE));
      assertFails(ws, WSAEISCONN, ws.connect(pair[1], loopback(other[1]), sockaddr_in.SIZE));
      assertFails(ws, WSAEINVAL, ws.connect(other[0], loopback(other[1]), sockaddr_in.SIZE));
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedConnectLeavesABoundSocketHoldingItsPort(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      sockaddr_in nowhere = loopback(closedPort(ws));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, s);
      for (int attempt = 0; attempt < 2; attempt++) {
        assertFails(ws, WSAECONNREFUSED, ws.connect(s, nowhere, sockaddr_in.SIZE));
        assertEquals(port, localPort(ws, s), "still bound after attempt " + attempt);
        int other = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertFails(ws, WSAEADDRINUSE, ws.bind(other, loopback(port), sockaddr_in.SIZE));
        assertEquals(0, ws.closesocket(other));
      }
      int[] listener = listener(ws);
      assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(port, localPort(ws, s), "connected from its bound port");
      return 0;
    });
  }

  /**
   * The same when the attempt fails while select waits for it: on the real network the selector
   * holds the connecting channel then, and the JDK closes a channel a selector holds only when the
   * selector lets it go. The listener's full backlog drops the SYN; once the listener is closed,
   * the SYN sent again (after about a second) meets a reset.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_REAL", "WIN32_REAL"})
  void aConnectRefusedWhileSelectWaitedLeavesTheSocketHoldingItsPort(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int idle = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(idle, loopback(0), sockaddr_in.SIZE));
      int listener = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(listener, loopback(0), sockaddr_in.SIZE));
      assertEquals(0, ws.listen(listener, 1));
      sockaddr_in full = loopback(localPort(ws, listener));
      for (int i = 0; i < 2; i++) {
        int filler = ws.socket(AF_INET, SOCK_STREAM, 0);
        nonBlocking(ws, filler, true);
        ws.connect(filler, full, sockaddr_in.SIZE); // completes within connect, into the backlog
      }
      int probe = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(probe, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, probe);
      assertEquals(0, ws.closesocket(probe));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(s, loopback(port), sockaddr_in.SIZE)); // a port of its choosing
      nonBlocking(ws, s, true);
      assertFails(ws, WSAEWOULDBLOCK, ws.connect(s, full, sockaddr_in.SIZE));
      assertEquals(0, ws.closesocket(listener));
      fd_set failed = new fd_set();
      FD_SET(s, failed);
      assertEquals(1, ws.select(0, null, null, failed, new timeval(10, 0)), "the attempt failed");
      assertEquals(port, localPort(ws, s));
      fd_set readable = new fd_set();
      FD_SET(idle, readable);
      assertEquals(0, ws.select(0, readable, null, null, new timeval(0, 20_000)), "the selector turns over");
      int other = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEADDRINUSE, ws.bind(other, loopback(port), sockaddr_in.SIZE));
      assertEquals(port, localPort(ws, s));
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedConnectLeavesAnUnboundSocketBoundToThePortItTried(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAECONNREFUSED, ws.connect(s, loopback(closedPort(ws)), sockaddr_in.SIZE));
      sockaddr_in name = new sockaddr_in();
      assertEquals(0, ws.getsockname(s, name, new IntRef(sockaddr_in.SIZE)), "bound by the attempt");
      assertEquals(INADDR_ANY, name.sin_addr.s_addr);
      int port = ntohs(name.sin_port);
      assertTrue(port > 0, "port " + port);
      assertFails(ws, WSAEINVAL, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int other = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertFails(ws, WSAEADDRINUSE, ws.bind(other, loopback(port), sockaddr_in.SIZE));
      return 0;
    });
  }

  /**
   * The server accepts and resets the connection before the connecting task looks again: the
   * connect succeeded, and the reset is the next call's news (a program that saw connect fail
   * would connect again and open a second session).
   */
  @World.AllWorlds
  void aConnectionTheServerAcceptedAndResetBeforeTheClientLookedIsConnected(World world) throws Exception {
    AtomicInteger clientTask = new AtomicInteger();
    AtomicBoolean serverDone = new AtomicBoolean();
    List<Integer> results = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] listener = listener(ws);
      HelperTasks.Helper client = helpers.start("client", () -> {
        startup(ws);
        clientTask.set(user.GetCurrentTask());
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        ws.WSASetBlockingHook(() -> {
          while (!serverDone.get()) {
            user.WaitMessage(); // the server accepts and resets meanwhile
          }
          return false;
        });
        results.add(ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
        ws.WSAUnhookBlockingHook();
        results.add(ws.recv(s, new byte[8], 8, 0));
        results.add(ws.WSAGetLastError());
        return 0;
      });
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      assertEquals(0, ws.setsockopt(server, SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(server)); // a reset
      serverDone.set(true);
      assertTrue(user.PostAppMessage(clientTask.get(), org.wsemu.user.WinUser.WM_USER + 1, 0, 0));
      client.awaitEnd();
      return 0;
    });
    assertEquals(List.of(0, SOCKET_ERROR, WSAECONNRESET), results);
  }

  // ---- non-blocking connect ----

  @World.AllWorlds
  void aNonBlockingConnectWouldBlockThenIsAlreadyInProgressUntilItIsConnected(World world)
      throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      nonBlocking(ws, s, true);
      sockaddr_in to = loopback(listener[1]);
      assertFails(ws, WSAEWOULDBLOCK, ws.connect(s, to, sockaddr_in.SIZE));
      for (int attempt = 0; ; attempt++) {
        assertEquals(SOCKET_ERROR, ws.connect(s, to, sockaddr_in.SIZE));
        int error = ws.WSAGetLastError();
        if (error == WSAEISCONN) {
          break; // completed (on loopback it may complete at once)
        }
        assertEquals(WSAEALREADY, error, "while pending");
        assertTrue(attempt < 100, "still pending after 100 selects");
        fd_set writable = new fd_set();
        FD_SET(s, writable);
        ws.select(0, null, writable, null, new timeval(0, 100_000));
      }
      assertEquals(htons(listener[1]), peer(ws, s).sin_port);
      int server = ws.accept(listener[0], null, null);
      assertNotEquals(INVALID_SOCKET, server);
      assertEquals(htons(localPort(ws, s)), peer(ws, server).sin_port);
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedNonBlockingConnectShowsInTheExceptSetAndInSoErrorOnce(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      nonBlocking(ws, s, true);
      assertFails(ws, WSAEWOULDBLOCK, ws.connect(s, loopback(closedPort(ws)), sockaddr_in.SIZE));
      fd_set writable = new fd_set();
      fd_set failed = new fd_set();
      FD_SET(s, writable);
      FD_SET(s, failed);
      assertEquals(1, ws.select(0, null, writable, failed, new timeval(10, 0)));
      assertTrue(FD_ISSET(s, failed), "in the except set");
      assertEquals(0, writable.fd_count, "not writable");
      IntRef error = new IntRef(-1);
      IntRef errlen = new IntRef(4);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_ERROR, error, errlen));
      assertEquals(WSAECONNREFUSED, error.value);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_ERROR, error, errlen));
      assertEquals(0, error.value, "reported once");
      int[] listener = listener(ws);
      nonBlocking(ws, s, false);
      assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE), "the socket may connect again");
      return 0;
    });
  }

  /** Waits about {@code millis} in a blocking Winsock call: select on a datagram socket nobody sends to. */
  private static void pause(WinsockApi ws, int idle, int millis) {
    fd_set readable = new fd_set();
    FD_SET(idle, readable);
    assertEquals(0, ws.select(0, readable, null, null, new timeval(0, millis * 1000)));
  }

  @World.AllWorlds
  void aRefusedNonBlockingConnectReportedToConnectIsNotReportedAgainBySoError(World world)
      throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int idle = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(idle, loopback(0), sockaddr_in.SIZE));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      nonBlocking(ws, s, true);
      sockaddr_in to = loopback(closedPort(ws));
      assertFails(ws, WSAEWOULDBLOCK, ws.connect(s, to, sockaddr_in.SIZE));
      int error = WSAEALREADY;
      for (int attempt = 0; error == WSAEALREADY; attempt++) {
        assertTrue(attempt < 200, "still pending after 200 attempts");
        pause(ws, idle, 20);
        assertEquals(SOCKET_ERROR, ws.connect(s, to, sockaddr_in.SIZE));
        error = ws.WSAGetLastError();
      }
      assertEquals(WSAECONNREFUSED, error, "the next connect reports the failure");
      IntRef soError = new IntRef(-1);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_ERROR, soError, new IntRef(4)));
      assertEquals(0, soError.value, "reported once: SO_ERROR no longer holds it");
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedNonBlockingConnectSeenBySelectIsReportedToTheNextConnect(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      nonBlocking(ws, s, true);
      sockaddr_in to = loopback(closedPort(ws));
      assertFails(ws, WSAEWOULDBLOCK, ws.connect(s, to, sockaddr_in.SIZE));
      fd_set failed = new fd_set();
      FD_SET(s, failed);
      assertEquals(1, ws.select(0, null, null, failed, new timeval(10, 0)));
      assertFails(ws, WSAECONNREFUSED, ws.connect(s, to, sockaddr_in.SIZE));
      IntRef soError = new IntRef(-1);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_ERROR, soError, new IntRef(4)));
      assertEquals(0, soError.value, "reported once");
      return 0;
    });
  }
}
