package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/**
 * Two cases where Windows does more than Microsoft's WSARecv page lets one expect, as ReactOS's
 * conformance test of WSARecv records it: a completion routine without an overlapped structure is
 * ignored (the call is a plain receive), and MSG_PEEK works on an overlapped receive.
 */
@Timeout(30)
class OverlappedAsWindowsDoesTest {

  @World.AllWorlds
  void aRoutineWithoutAnOverlappedStructureIsIgnoredAndTheCallIsAPlainReceive(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertEquals(4, ws.send(p[0], ascii("data"), 4, 0));
      AtomicInteger calls = new AtomicInteger();
      byte[] buf = new byte[4];
      IntRef received = new IntRef(-1);
      IntRef flags = new IntRef(0);
      assertEquals(0, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(4, buf)}, 1, received, flags, null,
          (error, n, ov, f) -> calls.incrementAndGet()));
      assertEquals(4, received.value);
      assertEquals("data", ascii(buf, 4));
      assertEquals(0, ws.SleepEx(0, true), "no routine was queued");
      assertEquals(0, calls.get());
      return 0;
    });
  }

  @World.AllWorlds
  void anOverlappedPeekCopiesWhatIsThereAndLeavesIt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertEquals(4, ws.send(p[0], ascii("peek"), 4, 0));
      awaitReadable(ws, p[1]);
      byte[] peeked = new byte[8];
      IntRef n = new IntRef(-1);
      IntRef flags = new IntRef(MSG_PEEK);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertEquals(0, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(8, peeked)}, 1, n, flags, ov, null));
      assertEquals(4, n.value);
      assertEquals("peek", ascii(peeked, 4));
      assertEquals("peek", recvAscii(ws, p[1]), "the bytes are still there");
      return 0;
    });
  }

  @World.AllWorlds
  void aPendingOverlappedPeekCompletesWhenDataArrivesAndLeavesIt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int event = ws.WSACreateEvent();
      byte[] peeked = new byte[8];
      IntRef flags = new IntRef(MSG_PEEK);
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      assertFails(ws, WSA_IO_PENDING,
          ws.WSARecv(p[1], new WSABUF[] {new WSABUF(8, peeked)}, 1, new IntRef(-1), flags, ov, null));
      assertEquals(2, ws.send(p[0], ascii("xy"), 2, 0));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 10_000, false));
      IntRef cb = new IntRef(-1);
      assertTrue(ws.WSAGetOverlappedResult(p[1], ov, cb, false, new IntRef()));
      assertEquals(2, cb.value);
      assertEquals("xy", ascii(peeked, 2));
      assertEquals("xy", recvAscii(ws, p[1]), "the bytes are still there");
      return 0;
    });
  }
}
