package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.Arrays;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.SchedulingMode;

/** select: readiness, narrowed sets, counts, timeouts and errors; the fd_set macros. */
@Timeout(20)
class SelectTest {

  private static fd_set set(int... sockets) {
    fd_set set = new fd_set();
    for (int s : sockets) {
      FD_SET(s, set);
    }
    return set;
  }

  private static int[] members(fd_set set) {
    return Arrays.copyOf(set.fd_array, set.fd_count);
  }

  private static final timeval FIVE_SECONDS = new timeval(5, 0);

  @BothModes
  void aSocketWithDataWaitingIsReadable(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      fd_set read = set(p[1]);
      assertEquals(1, ws.select(0, read, null, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[1]}, members(read));
      return 0;
    });
  }

  @BothModes
  void aConnectedSocketIsWritable(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      fd_set write = set(p[0], p[1]);
      assertEquals(2, ws.select(0, null, write, null, FIVE_SECONDS));
      assertArrayEquals(new int[] {p[0], p[1]}, members(write));
      return 0;
    });
  }

  @BothModes
  void aListenerWithAPendingConnectionIsReadable(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @BothModes
  void theSetsKeepOnlyTheReadySocketsInOrder(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @BothModes
  void theCountIsReadyMembershipsSoASocketInTwoSetsCountsTwice(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @BothModes
  void aZeroTimeoutPollsAndReturnsZeroWithEmptiedSets(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @BothModes
  void aHundredMillisecondTimeoutReturnsZeroWithEmptiedSets(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @Disabled("suspected bug: select's deadline is clock().millis() + timeout with millis() truncated, so it can return up to 1 ms early")
  @BothModes
  void aHundredMillisecondTimeoutWaitsAtLeastAHundredMilliseconds(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      for (int i = 0; i < 10; i++) { // each run returns early with some probability: repeat to show it
        fd_set read = set(p[1]);
        long start = System.nanoTime();
        assertEquals(0, ws.select(0, read, null, null, new timeval(0, 100_000)));
        long elapsedNanos = System.nanoTime() - start;
        assertTrue(elapsedNanos >= 100_000_000L, "select " + i + " returned after " + elapsedNanos + " ns");
      }
      return 0;
    });
  }

  @BothModes
  void aNullTimeoutWaitsUntilAnotherTaskSends(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @BothModes
  void aNegativeTimeoutFailsWithInval(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(SOCKET_ERROR, ws.select(0, set(p[0]), null, null, new timeval(-1, 0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.select(0, set(p[0]), null, null, new timeval(0, -1)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      return 0;
    });
  }

  @BothModes
  void aSelectWithNoSocketsAtAllFailsWithInval(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      assertEquals(SOCKET_ERROR, ws.select(0, null, null, null, new timeval(0, 0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.select(0, new fd_set(), new fd_set(), new fd_set(), null));
      assertEquals(WSAEINVAL, ws.WSAGetLastError(), "empty sets, even with a NULL timeout");
      return 0;
    });
  }

  @BothModes
  void anUnknownSocketInASetFailsWithNotSock(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @BothModes
  void nfdsIsIgnored(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      for (int nfds : new int[] {0, -5, 1, Integer.MAX_VALUE}) {
        fd_set write = set(p[0]);
        assertEquals(1, ws.select(nfds, null, write, null, FIVE_SECONDS), "nfds " + nfds);
      }
      return 0;
    });
  }

  @BothModes
  void thePeersCloseMakesASocketReadableAndRecvReturnsZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
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

  @Test
  void fdSetAddsUntilTheSetIsFullThenIgnores() {
    fd_set set = new fd_set(2);
    FD_SET(10, set);
    FD_SET(20, set);
    FD_SET(30, set);
    assertEquals(2, set.fd_count);
    assertArrayEquals(new int[] {10, 20}, members(set));
    assertFalse(FD_ISSET(30, set));
    assertEquals(FD_SETSIZE, new fd_set().fd_array.length);
  }

  @Test
  void fdClrRemovesTheFirstOccurrenceKeepingTheOrder() {
    fd_set set = set(1, 2, 3, 2, 4);
    FD_CLR(2, set);
    assertArrayEquals(new int[] {1, 3, 2, 4}, members(set));
    FD_CLR(9, set);
    assertArrayEquals(new int[] {1, 3, 2, 4}, members(set), "absent: unchanged");
    FD_CLR(4, set);
    FD_CLR(1, set);
    assertArrayEquals(new int[] {3, 2}, members(set));
  }

  @Test
  void fdIsSetAndWsaFdIsSetLookOnlyAtTheCountedEntries() throws Exception {
    fd_set set = set(5, 6);
    set.fd_array[2] = 7; // beyond fd_count: not a member
    assertTrue(FD_ISSET(5, set));
    assertTrue(__WSAFDIsSet(6, set));
    assertFalse(FD_ISSET(7, set));
    FD_ZERO(set);
    assertEquals(0, set.fd_count);
    assertFalse(FD_ISSET(5, set));
    try (var emu = builder(SchedulingMode.WIN32).build()) {
      WinsockApi ws = emu.winsock();
      assertTrue(ws.__WSAFDIsSet(6, set(6)), "the API's __WSAFDIsSet, from a plain thread");
      assertFalse(ws.__WSAFDIsSet(6, set(5)));
      assertFalse(ws.__WSAFDIsSet(6, null));
    }
  }
}
