package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** Overlapped WSASend and WSARecv on streams: pending and immediate completions, counts, order. */
@Timeout(30)
class OverlappedTransferTest {

  /** WSARecv with an overlapped structure and no routine or event. */
  static int recv(WinsockApi ws, int s, byte[] buf, IntRef bytes, WSAOVERLAPPED ov) {
    return ws.WSARecv(s, new WSABUF[] {new WSABUF(buf.length, buf)}, 1, bytes, new IntRef(0), ov, null);
  }

  /** WSAGetOverlappedResult with fWait TRUE, asserting success: the bytes transferred. */
  static int await(WinsockApi ws, int s, WSAOVERLAPPED ov) {
    IntRef cb = new IntRef(-1);
    IntRef flags = new IntRef(-1);
    assertTrue(ws.WSAGetOverlappedResult(s, ov, cb, true, flags), () -> "error " + ws.WSAGetLastError());
    assertEquals(0, flags.value);
    return cb.value;
  }

  @World.AllWorlds
  void aReceiveWithNothingToReadIsPendingThenCompletesWithTheBytes(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      byte[] buf = new byte[16];
      IntRef bytes = new IntRef(-1);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], buf, bytes, ov));
      assertEquals(-1, bytes.value, "a pending call does not write the count");
      assertEquals(STATUS_PENDING, ov.Internal);
      IntRef cb = new IntRef(-1);
      assertFalse(ws.WSAGetOverlappedResult(p[1], ov, cb, false, new IntRef(0)));
      assertEquals(WSA_IO_INCOMPLETE, ws.WSAGetLastError());
      assertEquals(-1, cb.value);
      assertEquals(5, ws.send(p[0], ascii("hello"), 5, 0));
      assertEquals(5, await(ws, p[1], ov));
      assertEquals("hello", ascii(buf, 5));
      assertEquals(0, ov.Internal);
      assertEquals(5, ov.InternalHigh);
      assertEquals(-1, bytes.value, "still not written: the result says it");
      return 0;
    });
  }

  @World.AllWorlds
  void aReceiveOfDataAlreadyThereCompletesAtOnce(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertEquals(5, ws.send(p[0], ascii("hello"), 5, 0));
      awaitReadable(ws, p[1]);
      byte[] buf = new byte[16];
      IntRef bytes = new IntRef(-1);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertEquals(0, recv(ws, p[1], buf, bytes, ov));
      assertEquals(5, bytes.value);
      assertEquals(0, ov.Internal, "the completion was indicated before the call returned");
      assertEquals(5, ov.InternalHigh);
      IntRef cb = new IntRef(-1);
      assertTrue(ws.WSAGetOverlappedResult(p[1], ov, cb, false, new IntRef(-1)));
      assertEquals(5, cb.value);
      return 0;
    });
  }

  @World.AllWorlds
  void aStreamReceiveCompletesWhenTheBufferedDataIsExhaustedFillingItsBuffersInOrder(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertEquals(6, ws.send(p[0], ascii("abcdef"), 6, 0));
      awaitReadable(ws, p[1]);
      byte[] a = new byte[4];
      byte[] b = ascii("........");
      IntRef bytes = new IntRef(-1);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      int r = ws.WSARecv(p[1], new WSABUF[] {new WSABUF(4, a), new WSABUF(8, b)}, 2, bytes, new IntRef(0), ov, null);
      int got = r == 0 ? bytes.value : await(ws, p[1], ov);
      if (got < 6) { // the real network may have delivered part of it first
        byte[] rest = new byte[8];
        assertEquals(6 - got, ws.recv(p[1], rest, 8, 0));
      } else {
        assertEquals(6, got, "not waiting to fill the 12 bytes");
        assertEquals("abcd", ascii(a, 4));
        assertEquals("ef......", ascii(b, 8));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void pendingReceivesAreFilledInTheOrderPosted(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      byte[][] bufs = {new byte[4], new byte[4], new byte[4]};
      WSAOVERLAPPED[] ovs = {new WSAOVERLAPPED(), new WSAOVERLAPPED(), new WSAOVERLAPPED()};
      for (int i = 0; i < 3; i++) {
        assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], bufs[i], new IntRef(-1), ovs[i]));
      }
      assertEquals(10, ws.send(p[0], ascii("abcdefghij"), 10, 0));
      StringBuilder all = new StringBuilder();
      int[] counts = new int[3];
      for (int i = 0; i < 3 && all.length() < 10; i++) {
        counts[i] = await(ws, p[1], ovs[i]);
        all.append(ascii(bufs[i], counts[i]));
      }
      assertEquals("abcdefghij", all.toString(), "each buffer filled from its start, in posted order");
      if (world.simulated()) {
        assertArrayEquals(new int[] {4, 4, 2}, counts, "one segment: two full buffers and the rest");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void anOverlappedRecvFromOnAStreamGivesThePeersAddress(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      sockaddr_in from = new sockaddr_in();
      IntRef fromlen = new IntRef(sockaddr_in.SIZE);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      byte[] buf = new byte[4];
      assertFails(ws, WSA_IO_PENDING, ws.WSARecvFrom(p[1], new WSABUF[] {new WSABUF(4, buf)}, 1, new IntRef(-1),
          new IntRef(0), from, fromlen, ov, null));
      assertEquals(2, ws.send(p[0], ascii("hi"), 2, 0));
      assertEquals(2, await(ws, p[1], ov));
      assertEquals(localPort(ws, p[0]), ntohs(from.sin_port));
      assertEquals(sockaddr_in.SIZE, fromlen.value);
      return 0;
    });
  }

  @World.AllWorlds
  void anOverlappedReceiveIgnoresFionbio(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(1)));
      byte[] buf = new byte[8];
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], buf, new IntRef(-1), ov));
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      assertEquals(2, await(ws, p[1], ov));
      return 0;
    });
  }

  @World.AllWorlds
  void theNonOverlappedFormsGatherAndScatterWithSendAndRecvRules(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      IntRef sent = new IntRef(-1);
      assertEquals(0, ws.WSASend(p[0], new WSABUF[] {new WSABUF(3, ascii("abcXX")), new WSABUF(2, ascii("de"))}, 2,
          sent, 0, null, null));
      assertEquals(5, sent.value);
      byte[] a = new byte[2];
      byte[] b = new byte[8];
      IntRef got = new IntRef(-1);
      IntRef flags = new IntRef(0);
      int total = 0;
      StringBuilder text = new StringBuilder();
      while (total < 5) {
        assertEquals(0, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(2, a), new WSABUF(8, b)}, 2, got, flags, null, null));
        String chunk = ascii(a, Math.min(2, got.value)) + ascii(b, Math.max(0, got.value - 2));
        text.append(chunk);
        total += got.value;
      }
      assertEquals("abcde", text.toString());
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(1)));
      assertFails(ws, WSAEWOULDBLOCK, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(2, a)}, 1, got, flags, null, null));
      return 0;
    });
  }

  @World.AllWorlds
  void aSocketWithoutTheOverlappedAttributeTreatsAnOverlappedCallAsABlockingOne(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] listener = listener(ws);
      int s = ws.WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, null, 0, 0);
      assertTrue(s != INVALID_SOCKET);
      assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      int server = ws.accept(listener[0], null, null);
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      byte[] buf = new byte[8];
      assertFails(ws, WSAEWOULDBLOCK, recv(ws, s, buf, new IntRef(-1), ov));
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(0)));
      assertEquals(3, ws.send(server, ascii("abc"), 3, 0));
      IntRef bytes = new IntRef(-1);
      assertEquals(0, recv(ws, s, buf, bytes, ov), "blocks until the data is there");
      assertEquals(3, bytes.value);
      assertEquals(0, ov.Internal, "no overlapped operation: the structure is not touched");
      assertFalse(ws.WSAGetOverlappedResult(s, ov, new IntRef(0), false, new IntRef(0)));
      assertEquals(WSA_INVALID_PARAMETER, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void pendingSendsGoOutInOrderAndABigSendCompletesWhenAllWasAccepted(World world) throws Exception {
    byte[][] parts = {pattern(3 << 20, 1), pattern(1 << 20, 2), pattern(1000, 3)};
    int total = parts[0].length + parts[1].length + parts[2].length;
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    byte[] received = new byte[total + 1];
    int[] receivedCount = {0};
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] listener = listener(ws);
      emu.createTask("reader", () -> {
        try {
          startup(ws, 0x0202);
          int s = ws.socket(AF_INET, SOCK_STREAM, 0);
          assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
          for (int n; (n = ws.recv(s, received, receivedCount[0], received.length - receivedCount[0], 0)) > 0; ) {
            receivedCount[0] += n;
          }
          ws.closesocket(s);
        } catch (Throwable e) {
          readerFailure.set(e);
        }
        return 0;
      });
      int server = ws.accept(listener[0], null, null);
      WSAOVERLAPPED[] ovs = new WSAOVERLAPPED[3];
      for (int i = 0; i < 3; i++) {
        ovs[i] = new WSAOVERLAPPED();
        int r = ws.WSASend(server, new WSABUF[] {new WSABUF(parts[i].length, parts[i])}, 1, new IntRef(-1), 0, ovs[i],
            null);
        assertTrue(r == 0 || ws.WSAGetLastError() == WSA_IO_PENDING, "started");
        if (i == 0 && world.simulated()) {
          assertEquals(SOCKET_ERROR, r, "3 MiB is more than the simulated network takes at once");
        }
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(parts[i].length, await(ws, server, ovs[i]));
      }
      assertEquals(0, ws.shutdown(server, 1)); // SD_SEND: the reader sees the end
      assertEquals(0, ws.recv(server, new byte[1], 1, 0), "the reader closes once it has read everything");
      return 0;
    });
    assertNull(readerFailure.get(), "the reader failed");
    assertEquals(total, receivedCount[0]);
    byte[] expected = new byte[total];
    System.arraycopy(parts[0], 0, expected, 0, parts[0].length);
    System.arraycopy(parts[1], 0, expected, parts[0].length, parts[1].length);
    System.arraycopy(parts[2], 0, expected, parts[0].length + parts[1].length, parts[2].length);
    assertArrayEquals(expected, Arrays.copyOf(received, total));
  }

  static byte[] pattern(int size, int seed) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 31 + seed * 7 + (i >>> 11));
    }
    return data;
  }
}
