package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.OverlappedTransferTest.await;
import static org.wsemu.winsock.OverlappedTransferTest.recv;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** WSASocket, and the bad arguments of the overlapped calls: each its Windows error, nothing pending lost. */
@Timeout(30)
class OverlappedArgumentsTest {

  @World.AllWorlds
  void badArgumentsFailAtOnceWithoutDisturbingAPendingReceive(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      byte[] buf = new byte[8];
      WSAOVERLAPPED pending = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], buf, new IntRef(-1), pending));
      IntRef n = new IntRef(-1);
      IntRef flags = new IntRef(0);
      WSABUF[] one = {new WSABUF(8, new byte[8])};
      assertFails(ws, WSAEINVAL, ws.WSARecv(p[1], null, 1, n, flags, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEINVAL, ws.WSARecv(p[1], one, 0, n, flags, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEINVAL, ws.WSARecv(p[1], one, -1, n, flags, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEINVAL, ws.WSASend(p[1], new WSABUF[0], 0, n, 0, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEFAULT, ws.WSARecv(p[1], one, 2, n, flags, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEFAULT, ws.WSARecv(p[1], new WSABUF[] {null}, 1, n, flags, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEFAULT, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(9, new byte[8])}, 1, n, flags,
          new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEFAULT, ws.WSASend(p[1], new WSABUF[] {new WSABUF(-1, new byte[8])}, 1, n, 0,
          new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEFAULT, ws.WSASend(p[1], new WSABUF[] {new WSABUF(4, null)}, 1, n, 0, null, null));
      assertFails(ws, WSAEFAULT, ws.WSARecv(p[1], one, 1, n, null, new WSAOVERLAPPED(), null));
      IntRef oob = new IntRef(MSG_OOB);
      assertFails(ws, WSAEOPNOTSUPP, ws.WSARecv(p[1], one, 1, n, oob, new WSAOVERLAPPED(), null));
      assertFails(ws, WSAEINVAL, recv(ws, p[1], new byte[8], n, pending)); // its structure is still in use
      assertFails(ws, WSA_INVALID_HANDLE, recv(ws, p[1], new byte[8], n, new WSAOVERLAPPED(0x7777)));
      assertFails(ws, WSAENOTSOCK, recv(ws, 4242, new byte[8], n, new WSAOVERLAPPED()));
      int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.closesocket(closed));
      assertFails(ws, WSAENOTSOCK, ws.WSASend(closed, one, 1, n, 0, new WSAOVERLAPPED(), null));
      assertEquals(-1, n.value, "no failed call wrote a count");
      assertFalse(ws.WSAGetOverlappedResult(p[1], new WSAOVERLAPPED(), n, false, flags));
      assertEquals(WSA_INVALID_PARAMETER, ws.WSAGetLastError(), "never started");
      assertFalse(ws.WSAGetOverlappedResult(p[0], pending, n, false, flags));
      assertEquals(WSA_INVALID_PARAMETER, ws.WSAGetLastError(), "started on another socket");
      assertFalse(ws.WSAGetOverlappedResult(p[1], null, n, false, flags));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      assertFalse(ws.WSAGetOverlappedResult(p[1], pending, null, false, flags));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      assertEquals(4, ws.send(p[0], ascii("safe"), 4, 0));
      assertEquals(4, await(ws, p[1], pending), "the pending receive was not disturbed");
      assertEquals("safe", ascii(buf, 4));
      return 0;
    });
  }

  @World.AllWorlds
  void theCallsNeedWsaStartup(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      assertFails(ws, WSANOTINITIALISED, ws.WSASocket(AF_INET, SOCK_STREAM, 0, null, 0, WSA_FLAG_OVERLAPPED));
      assertFails(ws, WSANOTINITIALISED, recv(ws, 1, new byte[1], new IntRef(0), new WSAOVERLAPPED()));
      assertFalse(ws.WSAGetOverlappedResult(1, new WSAOVERLAPPED(), new IntRef(0), false, new IntRef(0)));
      assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
      assertFalse(ws.CancelIo(1));
      assertEquals(WSANOTINITIALISED, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void wsaSocketTakesItsProtocolFromTheInfoAndRefusesGroups(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0101); // a 1.1 task may call them too: WS2_32.DLL serves every task
      assertFails(ws, WSAEINVAL, ws.WSASocket(AF_INET, SOCK_STREAM, 0, null, 1, WSA_FLAG_OVERLAPPED));
      assertFails(ws, WSAEINVAL, ws.WSASocket(AF_INET, SOCK_STREAM, 0, null, 0, 0x02)); // multipoint
      assertFails(ws, WSAEFAULT, ws.WSASocket(FROM_PROTOCOL_INFO, SOCK_STREAM, 0, null, 0, 0));
      assertFails(ws, WSAESOCKTNOSUPPORT, ws.WSASocket(AF_INET, 99, 0, null, 0, 0));
      WSAPROTOCOL_INFO udp = new WSAPROTOCOL_INFO(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
      int s = ws.WSASocket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, udp, 0, WSA_FLAG_OVERLAPPED);
      assertTrue(s != INVALID_SOCKET);
      IntRef type = new IntRef(0);
      byte[] value = new byte[4];
      IntRef len = new IntRef(4);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, value, len));
      assertEquals(SOCK_DGRAM, value[0] | value[1] << 8, "a datagram socket " + type.value);
      assertEquals(0, ws.closesocket(s));
      return 0;
    });
  }

  @World.AllWorlds
  void datagramsCompleteOneByOneWithTheSenderAndATruncatedOneReportsWsaemsgsize(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int a = ws.WSASocket(AF_INET, SOCK_DGRAM, 0, null, 0, WSA_FLAG_OVERLAPPED);
      int b = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(a, loopback(0), sockaddr_in.SIZE));
      assertEquals(0, ws.bind(b, loopback(0), sockaddr_in.SIZE));
      byte[] buf = new byte[4];
      sockaddr_in from = new sockaddr_in();
      IntRef fromlen = new IntRef(sockaddr_in.SIZE);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, ws.WSARecvFrom(a, new WSABUF[] {new WSABUF(2, buf), new WSABUF(2, new byte[2])},
          1, new IntRef(-1), new IntRef(0), from, fromlen, ov, null));
      WSAOVERLAPPED sent = new WSAOVERLAPPED();
      IntRef count = new IntRef(-1);
      int r = ws.WSASendTo(b, new WSABUF[] {new WSABUF(2, ascii("hi"))}, 1, count, 0, loopback(localPort(ws, a)),
          sockaddr_in.SIZE, null, null);
      assertEquals(0, r);
      assertEquals(2, count.value);
      assertEquals(2, await(ws, a, ov));
      assertEquals("hi", ascii(buf, 2));
      assertEquals(localPort(ws, b), ntohs(from.sin_port));
      WSAOVERLAPPED big = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, ws.WSARecvFrom(a, new WSABUF[] {new WSABUF(4, buf)}, 1, new IntRef(-1),
          new IntRef(0), null, null, big, null));
      assertEquals(0, ws.WSASendTo(b, new WSABUF[] {new WSABUF(3, ascii("abc")), new WSABUF(3, ascii("def"))}, 2,
          count, 0, loopback(localPort(ws, a)), sockaddr_in.SIZE, sent, null));
      assertEquals(6, count.value, "gathered into one datagram");
      IntRef cb = new IntRef(-1);
      assertFalse(ws.WSAGetOverlappedResult(a, big, cb, true, new IntRef(-1)));
      assertEquals(WSAEMSGSIZE, ws.WSAGetLastError());
      assertEquals(4, cb.value);
      assertEquals("abcd", ascii(buf, 4));
      return 0;
    });
  }
}
