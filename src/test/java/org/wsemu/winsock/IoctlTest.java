package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** ioctlsocket: FIONBIO, FIONREAD, SIOCATMARK and the commands and arguments it refuses. */
@Timeout(20)
class IoctlTest {

  @World.AllWorlds
  void fionbioOnMakesARecvWithoutDataFailWithWouldBlock(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(1)));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[10], 10, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(0x100)), "any non-zero value");
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[10], 10, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      awaitReadable(ws, p[1]);
      byte[] buf = new byte[10];
      assertEquals(2, ws.recv(p[1], buf, 10, 0), "data waiting: a non-blocking recv takes it");
      assertEquals("ok", ascii(buf, 2));
      return 0;
    });
  }

  @World.AllWorlds
  void fionbioOffMakesARecvWithoutDataBlock(World world) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    AtomicInteger cancelResult = new AtomicInteger(Integer.MIN_VALUE);
    AtomicBoolean blockingInHook = new AtomicBoolean();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(1)));
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)));
      ws.WSASetBlockingHook(() -> {
        // only a call that blocks runs the hook: cancel it to end the wait
        hookCalls.incrementAndGet();
        blockingInHook.set(ws.WSAIsBlocking());
        cancelResult.set(ws.WSACancelBlockingCall());
        return false;
      });
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[10], 10, 0));
      assertEquals(WSAEINTR, ws.WSAGetLastError(), "the recv blocked until cancelled");
      return 0;
    });
    assertEquals(1, hookCalls.get());
    assertTrue(blockingInHook.get());
    assertEquals(0, cancelResult.get());
  }

  @World.AllWorlds
  void fionreadOnAStreamGivesTheBytesWaiting(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      IntRef argp = new IntRef(-1);
      assertEquals(0, ws.ioctlsocket(p[1], FIONREAD, argp));
      assertEquals(0, argp.value, "nothing waits");
      assertEquals(10, ws.send(p[0], ascii("0123456789"), 10, 0));
      awaitReadable(ws, p[1]);
      assertEquals(0, ws.ioctlsocket(p[1], FIONREAD, argp));
      assertEquals(10, argp.value);
      byte[] buf = new byte[4];
      assertEquals(4, ws.recv(p[1], buf, 4, 0));
      assertEquals(0, ws.ioctlsocket(p[1], FIONREAD, argp));
      assertEquals(6, argp.value, "what the recv left");
      byte[] rest = new byte[10];
      assertEquals(6, ws.recv(p[1], rest, 10, 0));
      assertEquals("456789", ascii(rest, 6));
      assertEquals(0, ws.ioctlsocket(p[1], FIONREAD, argp));
      assertEquals(0, argp.value);
      return 0;
    });
  }

  @World.AllWorlds
  void siocatmarkOnAStreamIsTrueBecauseNoUrgentDataIsEverHeldApart(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      IntRef argp = new IntRef(-1);
      assertEquals(0, ws.ioctlsocket(p[1], SIOCATMARK, argp));
      assertEquals(1, argp.value);
      return 0;
    });
  }

  @World.AllWorlds
  void siocatmarkOnADatagramSocketFailsWithInval(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      IntRef argp = new IntRef(-1);
      assertEquals(SOCKET_ERROR, ws.ioctlsocket(s, SIOCATMARK, argp));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(-1, argp.value, "untouched");
      return 0;
    });
  }

  @World.AllWorlds
  void unknownCommandsAndFioasyncFailWithInval(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int d = ws.socket(AF_INET, SOCK_DGRAM, 0);
      for (int s : new int[] {p[0], d}) {
        for (int cmd : new int[] {FIOASYNC, 0x12345678, 0, SIOCSHIWAT, SIOCGLOWAT}) {
          assertEquals(SOCKET_ERROR, ws.ioctlsocket(s, cmd, new IntRef(1)), String.format("cmd 0x%08X", cmd));
          assertEquals(WSAEINVAL, ws.WSAGetLastError(), String.format("cmd 0x%08X", cmd));
        }
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aNullArgpFailsWithFault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      for (int cmd : new int[] {FIONBIO, FIONREAD, SIOCATMARK}) {
        assertEquals(SOCKET_ERROR, ws.ioctlsocket(p[0], cmd, null));
        assertEquals(WSAEFAULT, ws.WSAGetLastError());
      }
      return 0;
    });
  }

  @World.AllWorlds
  void fionreadOnAnUnknownSocketFailsWithNotSock(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.closesocket(s));
      assertEquals(SOCKET_ERROR, ws.ioctlsocket(s, FIONREAD, new IntRef()));
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError());
      return 0;
    });
  }
}
