package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.testing.World;

/** send and recv on connected stream sockets: data, flags, closes and argument errors. */
@Timeout(20)
class StreamTransferTest {

  @World.AllWorlds
  void sendAndRecvCarryTheExactBytes(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(5, ws.send(p[0], ascii("hello"), 5, 0));
      awaitReadable(ws, p[1]);
      byte[] buf = new byte[16];
      assertEquals(5, ws.recv(p[1], buf, 16, 0));
      assertEquals("hello", ascii(buf, 5));
      assertEquals(6, ws.send(p[1], ascii("world!"), 6, 0), "the other direction");
      awaitReadable(ws, p[0]);
      assertEquals(6, ws.recv(p[0], buf, 16, 0));
      assertEquals("world!", ascii(buf, 6));
      return 0;
    });
  }

  @World.AllWorlds
  void theOffsetVariantsSendFromAndReceiveIntoTheGivenPosition(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(3, ws.send(p[0], ascii("xxabcxx"), 2, 3, 0));
      awaitReadable(ws, p[1]);
      byte[] buf = ascii("........");
      assertEquals(3, ws.recv(p[1], buf, 4, 4, 0));
      assertEquals("....abc.", ascii(buf, 8));
      return 0;
    });
  }

  @World.AllWorlds
  void aMebibyteSentByAnotherTaskArrivesIntactAndInOrder(World world) throws Exception {
    byte[] data = new byte[1 << 20];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + (i >>> 11));
    }
    AtomicReference<Throwable> senderFailure = new AtomicReference<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      emu.createTask("sender", () -> {
        startup(ws); // in Win16 mode the sender is an application of its own
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        try {
          assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE), "connect");
          assertEquals(data.length, ws.send(s, data, data.length, 0), "one blocking send sends everything");
        } catch (Throwable e) {
          senderFailure.set(e);
        } finally {
          ws.closesocket(s);
        }
        return 0;
      });
      int server = ws.accept(listener[0], null, null);
      byte[] received = new byte[data.length + 1];
      int total = 0;
      for (int n; (n = ws.recv(server, received, total, received.length - total, 0)) > 0; ) {
        total += n;
      }
      assertNull(senderFailure.get(), "the sender failed");
      assertEquals(data.length, total, "bytes before the end of the stream");
      assertArrayEquals(data, Arrays.copyOf(received, total));
      return 0;
    });
  }

  @World.AllWorlds
  void msgPeekLeavesTheDataForTheNextRecv(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(4, ws.send(p[0], ascii("peek"), 4, 0));
      byte[] peeked = new byte[10];
      assertEquals(4, ws.recv(p[1], peeked, 10, MSG_PEEK));
      assertEquals("peek", ascii(peeked, 4));
      byte[] again = new byte[10];
      assertEquals(4, ws.recv(p[1], again, 10, MSG_PEEK), "a second peek sees the same bytes");
      byte[] taken = new byte[10];
      assertEquals(4, ws.recv(p[1], taken, 10, 0));
      assertArrayEquals(peeked, taken);
      IntRef available = new IntRef(-1);
      assertEquals(0, ws.ioctlsocket(p[1], FIONREAD, available));
      assertEquals(0, available.value, "the recv consumed what the peek had seen");
      return 0;
    });
  }

  // Only the simulated network in virtual time can let the second part arrive, and know it has,
  // without reading it ahead with the first: the real network cannot tell without reading.
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_SIM"})
  @Timeout(20)
  void aRecvTakesTheBytesReadAheadAndWhatArrivedAfterThem(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(5, ws.send(p[0], ascii("first"), 5, 0));
      assertEquals(1, ws.recv(p[1], new byte[1], 1, MSG_PEEK), "reads \"first\" ahead");
      assertEquals(6, ws.send(p[0], ascii("second"), 6, 0));
      assertEquals(0, ws.SleepEx(50, false), "\"second\" arrives meanwhile");
      byte[] peeked = new byte[20];
      assertEquals(11, ws.recv(p[1], peeked, 20, MSG_PEEK), "a peek sees both parts");
      byte[] taken = new byte[20];
      assertEquals(11, ws.recv(p[1], taken, 20, 0), "one recv takes both parts");
      assertEquals("firstsecond", ascii(taken, 11));
      return 0;
    });
  }

  @World.AllWorlds
  void recvOfZeroBytesReturnsZero(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.recv(p[1], new byte[4], 0, 0), "nothing waiting, no wait either");
      return 0;
    });
  }

  @World.AllWorlds
  void recvAfterThePeersGracefulCloseReturnsZeroEveryTime(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      assertEquals(0, ws.closesocket(p[0]));
      byte[] buf = new byte[10];
      assertEquals(2, ws.recv(p[1], buf, 10, 0), "data sent before the close comes first");
      assertEquals(0, ws.recv(p[1], buf, 10, 0));
      assertEquals(0, ws.recv(p[1], buf, 10, 0));
      return 0;
    });
  }

  @World.AllWorlds
  void recvAfterThePeersAbortiveCloseFailsWithConnReset(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.setsockopt(p[0], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[10], 10, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void sendOnAnUnconnectedStreamFailsWithNotConn(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(SOCKET_ERROR, ws.send(s, ascii("x"), 1, 0));
      assertEquals(WSAENOTCONN, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.recv(s, new byte[1], 1, 0));
      assertEquals(WSAENOTCONN, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void aNonBlockingRecvWithNoDataFailsWithWouldBlock(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(1)));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[10], 10, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void invalidBuffersFailWithFault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      byte[] five = new byte[5];
      int[][] bad = {{0, 6}, {0, -1}, {-1, 1}, {5, 1}, {3, 3}, {6, 0}};
      assertFault(ws, ws.send(p[0], null, 1, 0), "send null");
      assertFault(ws, ws.recv(p[1], null, 1, 0), "recv null");
      for (int[] b : bad) {
        String what = " offset " + b[0] + " len " + b[1];
        assertFault(ws, ws.send(p[0], five, b[0], b[1], 0), "send" + what);
        assertFault(ws, ws.recv(p[1], five, b[0], b[1], 0), "recv" + what);
      }
      assertFault(ws, ws.send(p[0], five, 6, 0), "send len > buf.length");
      assertFault(ws, ws.recv(p[1], five, 6, 0), "recv len > buf.length");
      assertFault(ws, ws.recvfrom(p[1], five, 5, 0, new sockaddr_in(), new IntRef(15)), "fromlen 15");
      assertFault(ws, ws.recvfrom(p[1], five, 5, 0, new sockaddr_in(), null), "null fromlen");
      return 0;
    });
  }

  private static void assertFault(WinsockApi ws, int result, String what) {
    assertEquals(SOCKET_ERROR, result, what);
    assertEquals(WSAEFAULT, ws.WSAGetLastError(), what);
  }

  @World.AllWorlds
  void unknownFlagsFailWithOpNotSupp(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(SOCKET_ERROR, ws.send(p[0], ascii("x"), 1, 0x100));
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.send(p[0], ascii("x"), 1, MSG_PEEK), "MSG_PEEK is not a send flag");
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[1], 1, 0x100));
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[1], 1, MSG_DONTROUTE), "MSG_DONTROUTE is not a recv flag");
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      return 0;
    });
  }

  // Only on the real network: the JDK cannot hold urgent data apart; the simulated one can (below).
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_REAL", "WIN32_REAL"})
  void recvWithMsgOobFailsWithInvalBecauseTheJdkCannotReadUrgentDataApart(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[1], 1, MSG_OOB));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[1], 1, MSG_OOB | MSG_PEEK));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      return 0;
    });
  }

  // Only on the simulated network, which holds urgent data apart as Windows does; the real one cannot (above).
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_SIM", "WIN32_SIM"})
  void recvWithMsgOobTakesTheUrgentByteApartFromTheStream(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, MSG_OOB), "the last byte is the urgent one");
      fd_set except = new fd_set();
      FD_SET(p[1], except);
      assertEquals(1, ws.select(0, null, null, except, new timeval(5, 0)), "urgent data waits");
      byte[] buf = new byte[10];
      assertEquals(1, ws.recv(p[1], buf, 10, MSG_OOB));
      assertEquals("c", ascii(buf, 1));
      assertEquals(2, ws.recv(p[1], buf, 10, 0), "the stream without the urgent byte");
      assertEquals("ab", ascii(buf, 2));
      return 0;
    });
  }

  @World.AllWorlds
  void sendWithMsgOobArrivesInLineWhenTheReceiverHasOobInline(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.setsockopt(p[1], SOL_SOCKET, SO_OOBINLINE, new IntRef(1), 4));
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, MSG_OOB));
      byte[] buf = new byte[10];
      int total = 0;
      while (total < 3) {
        int n = ws.recv(p[1], buf, total, buf.length - total, 0);
        assertEquals(true, n > 0, "recv returned " + n + ", error " + ws.WSAGetLastError());
        total += n;
      }
      assertEquals("abc", ascii(buf, total));
      return 0;
    });
  }

  @World.AllWorlds
  void recvfromOnAStreamFillsFromWithThePeerAddress(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(2, ws.send(p[0], ascii("hi"), 2, 0));
      sockaddr_in from = new sockaddr_in();
      IntRef fromlen = new IntRef(100);
      byte[] buf = new byte[10];
      assertEquals(2, ws.recvfrom(p[1], buf, 10, 0, from, fromlen));
      assertEquals("hi", ascii(buf, 2));
      assertEquals(sockaddr_in.SIZE, fromlen.value);
      assertEquals(AF_INET, from.sin_family);
      assertEquals(ws.inet_addr("127.0.0.1"), from.sin_addr.s_addr);
      assertEquals(htons(localPort(ws, p[0])), from.sin_port);
      return 0;
    });
  }

  @World.AllWorlds
  void sendOfZeroBytesReturnsZero(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.send(p[0], new byte[0], 0, 0));
      assertEquals(1, ws.send(p[0], ascii("z"), 1, 0));
      byte[] buf = new byte[4];
      assertEquals(1, ws.recv(p[1], buf, 4, 0), "nothing came before the one byte");
      assertEquals("z", ascii(buf, 1));
      return 0;
    });
  }

  @World.AllWorlds
  void sendtoOnAConnectedStreamIgnoresTheAddress(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      sockaddr_in elsewhere = new sockaddr_in(htons(9), ws.inet_addr("10.9.9.9"));
      assertEquals(3, ws.sendto(p[0], ascii("abc"), 3, 0, elsewhere, sockaddr_in.SIZE));
      byte[] buf = new byte[4];
      assertEquals(3, ws.recv(p[1], buf, 4, 0));
      assertEquals("abc", ascii(buf, 3));
      return 0;
    });
  }
}
