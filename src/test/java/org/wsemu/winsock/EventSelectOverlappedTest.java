package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_EVENT_0;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.winsock.EventSelectTestSupport.Watch;

/**
 * WSAEventSelect with overlapped receives: data a pending receive takes is not recorded as FD_READ;
 * a completed receive re-enables FD_READ, so what it left is recorded.
 */
@Timeout(30)
class EventSelectOverlappedTest {

  @World.AllWorlds
  void dataAPendingOverlappedReceiveTakesIsNotRecordedAsFdRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ | FD_CLOSE);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      ov.hEvent = ws.WSACreateEvent();
      byte[] one = new byte[1];
      IntRef flags = new IntRef(0);
      assertEquals(SOCKET_ERROR, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(1, one)}, 1, null, flags, ov, null));
      assertEquals(WSA_IO_PENDING, ws.WSAGetLastError());
      assertEquals(1, ws.send(p[0], ascii("a"), 1, 0));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {ov.hEvent}, false, 5000, false));
      IntRef bytes = new IntRef();
      assertEquals(true, ws.WSAGetOverlappedResult(p[1], ov, bytes, false, flags));
      assertEquals(1, bytes.value);
      assertEquals(0, watch.quiet(150), "the receive took it");
      assertEquals(1, ws.send(p[0], ascii("b"), 1, 0));
      assertEquals(FD_READ, watch.await(FD_READ), "no receive pending: recorded");
      return 0;
    });
  }

  @World.AllWorlds
  void whatAnOverlappedReceiveLeavesIsRecordedWhenItCompletes(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      ov.hEvent = ws.WSACreateEvent();
      byte[] one = new byte[1];
      IntRef flags = new IntRef(0);
      assertEquals(SOCKET_ERROR, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(1, one)}, 1, null, flags, ov, null));
      assertEquals(WSA_IO_PENDING, ws.WSAGetLastError());
      assertEquals(2, ws.send(p[0], ascii("ab"), 2, 0));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {ov.hEvent}, false, 5000, false));
      assertEquals(FD_READ, watch.await(FD_READ), "a byte is left");
      assertEquals(1, ws.recv(p[1], one, 1, 0));
      assertEquals("b", ascii(one, 1));
      return 0;
    });
  }
  @World.AllWorlds
  void anOverlappedReceiveReEnablesFdReadAsRecvDoes(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ);
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, 0));
      AsyncSelectTestSupport.awaitReadable(ws, watch.rec, p[1], 3);
      assertEquals(FD_READ, watch.await(FD_READ));
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      ov.hEvent = ws.WSACreateEvent();
      byte[] one = new byte[1];
      IntRef bytes = new IntRef();
      assertEquals(0, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(1, one)}, 1, bytes, new IntRef(0), ov, null));
      assertEquals(1, bytes.value, "completed at once");
      assertEquals(FD_READ, watch.await(FD_READ), "two bytes are left");
      return 0;
    });
  }
}
