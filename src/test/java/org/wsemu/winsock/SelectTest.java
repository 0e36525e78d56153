package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** select: readiness, narrowed sets, counts, timeouts and errors. The macros are in {@link FdSetMacrosTest}. */
@Timeout(20)
class SelectTest {

  private static final timeval FIVE_SECONDS = new timeval(5, 0);

  @World.AllWorlds
  void aSocketWithDataWaitingIsReadable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      fd_set read = set(p[1]);
      assertEquals(1, ws.select(0, read, null, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[1]}, members(read));
      return 0;
    });
  }

  @World.AllWorlds
  void aConnectedSocketIsWritable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      fd_set write = set(p[0], p[1]);
      assertEquals(2, ws.select(0, null, write, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[0], p[1]}, members(write));
      return 0;
    });
  }

  @World.AllWorlds
  void aListenerWithAPendingConnectionIsReadable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      fd_set read = set(listener[0]);
      assertEquals(0, ws.select(0, read, null, null, new timeval(0, 0)), "nothing pending yet");
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      read = set(listener[0]);
      assertEquals(1, ws.select(0, read, null, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {listener[0]}, members(read));
      assertTrue(ws.accept(listener[0], null, null) != INVALID_SOCKET, "the connection is there to accept");
      return 0;
    });
  }

  @World.AllWorlds
  void theSetsKeepOnlyTheReadySocketsInOrder(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int[] q = pair(ws);
      assertEquals(1, ws.send(q[0], ascii("x"), 1, 0));
      assertEquals(1, ws.send(p[0], ascii("y"), 1, 0));
      awaitBoth(ws, p[1], q[1]);
      fd_set read = set(p[0], q[1], p[1], q[0]);
      fd_set except = set(p[1], q[1]);
      assertEquals(2, ws.select(0, read, null, except, FIVE_SECONDS));
      assertArrayEquals(new int[] {q[1], p[1]}, members(read));
      assertEquals(0, except.fd_count, "no exception");
      return 0;
    });
  }

  /** Waits until both sockets are readable (each select may see only one of them). */
  private static void awaitBoth(WinsockApi ws, int a, int b) {
    for (int s : new int[] {a, b}) {
      assertEquals(1, ws.select(0, set(s), null, null, FIVE_SECONDS));
    }
  }

  @World.AllWorlds
  void theCountIsReadyMembershipsSoASocketInTwoSetsCountsTwice(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      assertEquals(1, ws.select(0, set(p[1]), null, null, FIVE_SECONDS));
      fd_set read = set(p[1], p[0]);
      fd_set write = set(p[1]);
      assertEquals(2, ws.select(0, read, write, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[1]}, members(read));
      assertArrayEquals(new int[] {p[1]}, members(write));
      return 0;
    });
  }

  /** A set holding {@code sockets} as given, duplicates included (FD_SET would not add one twice). */
  private static fd_set listed(int... sockets) {
    fd_set set = new fd_set();
    System.arraycopy(sockets, 0, set.fd_array, 0, sockets.length);
    set.fd_count = sockets.length;
    return set;
  }

  @World.AllWorlds
  void aSocketListedTwiceInASetCountsOnceAndIsReturnedOnce(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      assertEquals(1, ws.select(0, set(p[1]), null, null, FIVE_SECONDS));
      fd_set read = listed(p[1], p[1]);
      assertEquals(1, ws.select(0, read, null, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[1]}, members(read));

      read = listed(p[0], p[1], p[0], p[1]); // p[0] has nothing to read
      fd_set write = listed(p[0], p[0], p[1]);
      assertEquals(3, ws.select(0, read, write, null, FIVE_SECONDS), "once per set: p[1] read, p[0] and p[1] write");
      assertArrayEquals(new int[] {p[1]}, members(read));
      assertArrayEquals(new int[] {p[0], p[1]}, members(write));

      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(closed, loopback(0), sockaddr_in.SIZE));
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(localPort(ws, closed)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      fd_set except = listed(s, s);
      assertEquals(1, ws.select(0, null, null, except, new timeval(10, 0)), "the refused connect");
      assertArrayEquals(new int[] {s}, members(except));
      return 0;
    });
  }

  @World.AllWorlds
  void aZeroTimeoutPollsAndReturnsZeroWithEmptiedSets(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      fd_set read = set(p[0], p[1]);
      fd_set except = set(p[0]);
      assertEquals(0, ws.select(0, read, null, except, new timeval(0, 0)));
      assertEquals(0, read.fd_count);
      assertEquals(0, except.fd_count);
      return 0;
    });
  }

  @World.AllWorlds
  void aHundredMillisecondTimeoutReturnsZeroWithEmptiedSets(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      fd_set read = set(p[1], p[0]);
      fd_set write = set();
      assertEquals(0, ws.select(0, read, write, null, new timeval(0, 100_000)));
      assertEquals(0, read.fd_count);
      assertEquals(0, write.fd_count);
      return 0;
    });
  }

  @World.AllWorlds
  void aZeroTimeoutNeverCallsTheHookButOneMicrosecondIsABlockingWaitThatDoes(World world) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    int[] callsAfterPoll = {-1};
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      ws.WSASetBlockingHook(() -> {
        hookCalls.incrementAndGet();
        return false;
      });
      assertEquals(0, ws.select(0, set(p[1]), null, null, new timeval(0, 0)));
      callsAfterPoll[0] = hookCalls.get();
      assertEquals(0, ws.select(0, set(p[1]), null, null, new timeval(0, 1)), "rounded up to 1 ms, not a poll");
      return 0;
    });
    assertEquals(0, callsAfterPoll[0]);
    assertTrue(hookCalls.get() >= 1, "hook calls: " + hookCalls.get());
  }

  @World.AllWorlds
  void aHundredMillisecondTimeoutWaitsAtLeastAHundredMilliseconds(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      for (int i = 0; i < 10; i++) { // each run returns early with some probability: repeat to show it
        fd_set read = set(p[1]);
        // the emulator's clock: virtual time (Win16 on the simulated network) does not pass on the wall clock
        long start = emu.clock().millis();
        assertEquals(0, ws.select(0, read, null, null, new timeval(0, 100_000)));
        long elapsedMillis = emu.clock().millis() - start;
        assertTrue(elapsedMillis >= 100, "select " + i + " returned after " + elapsedMillis + " ms");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aNullTimeoutWaitsUntilAnotherTaskSends(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, s);
      emu.createTask("sender", () -> {
        startup(ws); // in Win16 mode the sender is an application of its own
        int out = ws.socket(AF_INET, SOCK_DGRAM, 0);
        ws.sendto(out, ascii("wake"), 4, 0, loopback(port), sockaddr_in.SIZE);
        return ws.closesocket(out);
      });
      fd_set read = set(s);
      assertEquals(1, ws.select(0, read, null, null, null));
      assertArrayEquals(new int[] {s}, members(read));
      byte[] buf = new byte[10];
      assertEquals(4, ws.recv(s, buf, 10, 0));
      assertEquals("wake", ascii(buf, 4));
      return 0;
    });
  }

  @World.AllWorlds
  void aNegativeTimeoutFailsWithInval(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(SOCKET_ERROR, ws.select(0, set(p[0]), null, null, new timeval(-1, 0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.select(0, set(p[0]), null, null, new timeval(0, -1)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void aSelectWithNoSocketsAtAllFailsWithInval(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertEquals(SOCKET_ERROR, ws.select(0, null, null, null, new timeval(0, 0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.select(0, new fd_set(), new fd_set(), new fd_set(), null));
      assertEquals(WSAEINVAL, ws.WSAGetLastError(), "empty sets, even with a NULL timeout");
      return 0;
    });
  }

  @World.AllWorlds
  void anUnknownSocketInASetFailsWithNotSock(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.closesocket(closed));
      assertEquals(SOCKET_ERROR, ws.select(0, set(p[0]), set(closed), null, new timeval(0, 0)));
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.select(0, null, null, set(0x7777), FIVE_SECONDS));
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void aSetWhoseCountIsOutOfRangeFailsWithFault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      fd_set tooMany = new fd_set(2);
      FD_SET(p[0], tooMany);
      tooMany.fd_count = 3;
      assertEquals(SOCKET_ERROR, ws.select(0, null, tooMany, null, FIVE_SECONDS));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      fd_set negative = set(p[0]);
      negative.fd_count = -1;
      assertEquals(SOCKET_ERROR, ws.select(0, set(p[0]), null, negative, FIVE_SECONDS));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void nfdsIsIgnored(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      for (int nfds : new int[] {0, -5, 1, Integer.MAX_VALUE}) {
        fd_set write = set(p[0]);
        assertEquals(1, ws.select(nfds, null, write, null, FIVE_SECONDS), "nfds " + nfds);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void thePeersCloseMakesASocketReadableAndRecvReturnsZero(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.closesocket(p[0]));
      fd_set read = set(p[1]);
      assertEquals(1, ws.select(0, read, null, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[1]}, members(read));
      assertEquals(0, ws.recv(p[1], new byte[10], 10, 0));
      return 0;
    });
  }
}
