package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.OverlappedTransferTest.await;
import static org.wsemu.winsock.OverlappedTransferTest.pattern;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** SO_RCVBUF 0 on the simulated network: TCP takes data only into posted buffers, UDP drops it. */
@Timeout(30)
class OverlappedZeroBufferTest {

  @World.SimWorlds
  void aStreamWithNoReceiveBufferTakesDataOnlyIntoPostedBuffers(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertEquals(0, ws.setsockopt(p[1], SOL_SOCKET, SO_RCVBUF, new IntRef(0), 4));
      assertEquals(0, ws.ioctlsocket(p[0], FIONBIO, new IntRef(1)));
      byte[] data = pattern(65536, 9);
      int accepted = ws.send(p[0], data, data.length, 0);
      assertEquals(8192 + 1, accepted, "the sender's own buffer and a window of 1 byte: its sends stall");
      byte[] buf = new byte[20000];
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      int r = ws.WSARecv(p[1], new WSABUF[] {new WSABUF(buf.length, buf)}, 1, new IntRef(-1), new IntRef(0), ov, null);
      assertTrue(r == 0 || ws.WSAGetLastError() == WSA_IO_PENDING);
      int got = await(ws, p[1], ov);
      assertTrue(got >= 1, "bytes: " + got);
      assertEquals(Arrays.toString(Arrays.copyOf(data, got)), Arrays.toString(Arrays.copyOf(buf, got)));
      int total = got;
      while (total < accepted) { // the posted buffers open the window: the rest comes as they are posted
        ov = new WSAOVERLAPPED();
        r = ws.WSARecv(p[1], new WSABUF[] {new WSABUF(buf.length, buf)}, 1, new IntRef(-1), new IntRef(0), ov, null);
        assertTrue(r == 0 || ws.WSAGetLastError() == WSA_IO_PENDING);
        got = await(ws, p[1], ov);
        assertEquals(Arrays.toString(Arrays.copyOfRange(data, total, total + got)),
            Arrays.toString(Arrays.copyOf(buf, got)));
        total += got;
      }
      assertEquals(accepted, total);
      return 0;
    });
  }

  @Test
  void aDatagramArrivingWithNoReceiveBufferAndNoReceivePostedIsLost() throws Exception {
    run(World.WIN16_SIM, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int a = ws.socket(AF_INET, SOCK_DGRAM, 0);
      int b = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(b, loopback(0), sockaddr_in.SIZE));
      assertEquals(0, ws.setsockopt(b, SOL_SOCKET, SO_RCVBUF, new IntRef(0), 4));
      sockaddr_in to = loopback(localPort(ws, b));
      assertEquals(3, ws.sendto(a, ascii("one"), 3, 0, to, sockaddr_in.SIZE));
      assertEquals(0, ws.SleepEx(1000, false)); // virtual time: it has arrived, and found no buffer
      byte[] buf = new byte[8];
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, ws.WSARecvFrom(b, new WSABUF[] {new WSABUF(8, buf)}, 1, new IntRef(-1),
          new IntRef(0), null, null, ov, null));
      assertEquals(3, ws.sendto(a, ascii("two"), 3, 0, to, sockaddr_in.SIZE));
      assertEquals(3, await(ws, b, ov));
      assertEquals("two", ascii(buf, 3), "the first was dropped, the posted receive took the second");
      return 0;
    });
  }
}
