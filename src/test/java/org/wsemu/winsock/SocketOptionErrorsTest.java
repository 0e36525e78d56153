package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.SocketOptionsTest.assertLinger;
import static org.wsemu.winsock.SocketOptionsTest.datagram;
import static org.wsemu.winsock.SocketOptionsTest.get;
import static org.wsemu.winsock.SocketOptionsTest.stream;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.World;

/**
 * getsockopt and setsockopt: the options and levels they refuse, short or missing buffers, and the
 * C memory layout of the byte[] forms (an int option is sizeof(int) little-endian bytes: 2 in Win16
 * mode, 4 in Win32 mode; SO_LINGER is two u_shorts).
 */
@Timeout(20)
class SocketOptionErrorsTest {

  private static int intSize(SchedulingMode mode) {
    return mode == SchedulingMode.WIN16 ? 2 : 4;
  }

  private static void assertGetFails(WinsockApi ws, int s, int level, int optname, int error) {
    IntRef value = new IntRef(0x5A5A);
    assertEquals(SOCKET_ERROR, ws.getsockopt(s, level, optname, value, new IntRef(4)), "getsockopt " + optname);
    assertEquals(error, ws.WSAGetLastError(), "getsockopt " + optname);
    assertEquals(0x5A5A, value.value, "untouched");
  }

  private static void assertSetFails(WinsockApi ws, int s, int level, int optname, int error) {
    assertEquals(SOCKET_ERROR, ws.setsockopt(s, level, optname, new IntRef(1), 4), "setsockopt " + optname);
    assertEquals(error, ws.WSAGetLastError(), "setsockopt " + optname);
  }

  @World.AllWorlds
  void optionsThatWinsock11DoesNotSupportFailWithNoProtoOpt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      for (int s : new int[] {stream(ws), datagram(ws)}) {
        for (int optname : new int[] {SO_RCVLOWAT, SO_SNDLOWAT, SO_RCVTIMEO, SO_SNDTIMEO, SO_USELOOPBACK, 0x7777}) {
          assertGetFails(ws, s, SOL_SOCKET, optname, WSAENOPROTOOPT);
          assertSetFails(ws, s, SOL_SOCKET, optname, WSAENOPROTOOPT);
        }
        assertGetFails(ws, s, IPPROTO_IP, IP_OPTIONS, WSAENOPROTOOPT);
        assertSetFails(ws, s, IPPROTO_IP, IP_OPTIONS, WSAENOPROTOOPT);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void readOnlyOptionsCannotBeSet(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      assertSetFails(ws, s, SOL_SOCKET, SO_TYPE, WSAENOPROTOOPT);
      assertSetFails(ws, s, SOL_SOCKET, SO_ERROR, WSAENOPROTOOPT);
      assertSetFails(ws, s, SOL_SOCKET, SO_ACCEPTCONN, WSAENOPROTOOPT);
      assertSetFails(ws, datagram(ws), SOL_SOCKET, SO_TYPE, WSAENOPROTOOPT);
      assertEquals(SOCK_STREAM, get(ws, s, SOL_SOCKET, SO_TYPE), "unchanged");
      return 0;
    });
  }

  @World.AllWorlds
  void streamOnlyOptionsFailOnADatagramSocketWithNoProtoOpt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = datagram(ws);
      for (int optname : new int[] {SO_KEEPALIVE, SO_OOBINLINE, SO_ACCEPTCONN, SO_DONTLINGER}) {
        assertGetFails(ws, s, SOL_SOCKET, optname, WSAENOPROTOOPT);
      }
      for (int optname : new int[] {SO_KEEPALIVE, SO_OOBINLINE, SO_DONTLINGER}) {
        assertSetFails(ws, s, SOL_SOCKET, optname, WSAENOPROTOOPT);
      }
      assertGetFails(ws, s, IPPROTO_TCP, TCP_NODELAY, WSAENOPROTOOPT);
      assertSetFails(ws, s, IPPROTO_TCP, TCP_NODELAY, WSAENOPROTOOPT);
      assertEquals(SOCKET_ERROR, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, new linger(), new IntRef(linger.SIZE)));
      assertEquals(WSAENOPROTOOPT, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 1), linger.SIZE));
      assertEquals(WSAENOPROTOOPT, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void anUnknownLevelIsNoProtoOptForGetButInvalForSet(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      for (int s : new int[] {stream(ws), datagram(ws)}) {
        assertGetFails(ws, s, 12345, SO_DEBUG, WSAENOPROTOOPT);
        assertSetFails(ws, s, 12345, SO_DEBUG, WSAEINVAL);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void shortOrMissingBuffersFailWithFault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      int size = intSize(world.mode());
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new byte[4], new IntRef(size - 1)), "get optlen short");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new byte[size - 1], new IntRef(4)), "get buffer short");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, (byte[]) null, new IntRef(4)), "get null optval");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new byte[4], null), "get null optlen");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new IntRef(), new IntRef(size - 1)), "get IntRef short");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, (IntRef) null, new IntRef(4)), "get null IntRef");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, new linger(), new IntRef(3)), "get linger short");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, new byte[4], new IntRef(3)), "get linger bytes short");
      assertFault(ws, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, (linger) null, new IntRef(4)), "get null linger");
      assertFault(ws, ws.setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, new byte[4], size - 1), "set optlen short");
      assertFault(ws, ws.setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (byte[]) null, 4), "set null optval");
      assertFault(ws, ws.setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, new IntRef(1), size - 1), "set IntRef short");
      assertFault(ws, ws.setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (IntRef) null, 4), "set null IntRef");
      assertFault(ws, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 1), 3), "set linger short");
      assertFault(ws, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, (linger) null, 4), "set null linger");
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_KEEPALIVE), "no failed set changed anything");
      assertLinger(ws, s, 0, 0);
      return 0;
    });
  }

  private static void assertFault(WinsockApi ws, int result, String what) {
    assertEquals(SOCKET_ERROR, result, what);
    assertEquals(WSAEFAULT, ws.WSAGetLastError(), what);
  }

  @World.AllWorlds
  void getsockoptWritesSizeofIntLittleEndianBytesAndSetsOptlen(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = datagram(ws);
      byte[] optval = {0x55, 0x55, 0x55, 0x55, 0x55, 0x55};
      IntRef optlen = new IntRef(6);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, optval, optlen));
      assertEquals(intSize(world.mode()), optlen.value);
      byte[] expected = world.mode() == SchedulingMode.WIN16
          ? new byte[] {SOCK_DGRAM, 0, 0x55, 0x55, 0x55, 0x55}
          : new byte[] {SOCK_DGRAM, 0, 0, 0, 0x55, 0x55};
      assertArrayEquals(expected, optval);
      IntRef exact = new IntRef(intSize(world.mode()));
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new byte[intSize(world.mode())], exact), "exactly sizeof(int)");
      return 0;
    });
  }

  @World.AllWorlds
  void setsockoptReadsSizeofIntLittleEndianBytes(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      int two = ws.setsockopt(s, SOL_SOCKET, SO_DEBUG, new byte[] {1, 0}, 2);
      if (world.mode() == SchedulingMode.WIN16) {
        assertEquals(0, two, "two bytes are a Win16 int");
        assertEquals(1, get(ws, s, SOL_SOCKET, SO_DEBUG));
      } else {
        assertEquals(SOCKET_ERROR, two, "two bytes are too short for a Win32 int");
        assertEquals(WSAEFAULT, ws.WSAGetLastError());
        assertEquals(0, get(ws, s, SOL_SOCKET, SO_DEBUG));
      }
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_DEBUG, new byte[] {0, 0, 0, 0}, 4));
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_DEBUG));
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_SNDBUF, new byte[] {0x00, 0x30, 0, 0}, 4));
      assertEquals(0x3000, get(ws, s, SOL_SOCKET, SO_SNDBUF), "0x3000, little-endian, stored until connected");
      return 0;
    });
  }

  @World.AllWorlds
  void soLingerIsFourBytesOfTwoLittleEndianUShortsInBothModes(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new byte[] {1, 0, 0x2C, 0x01}, 4));
      assertLinger(ws, s, 1, 300);
      byte[] optval = {0x55, 0x55, 0x55, 0x55, 0x55};
      IntRef optlen = new IntRef(5);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, optval, optlen));
      assertEquals(4, optlen.value);
      assertArrayEquals(new byte[] {1, 0, 0x2C, 0x01, 0x55}, optval);
      return 0;
    });
  }

  @World.AllWorlds
  void theIntRefAndLingerOverloadsSetOptlenToTheCSize(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      IntRef value = new IntRef();
      IntRef optlen = new IntRef(100);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, value, optlen));
      assertEquals(SOCK_STREAM, value.value);
      assertEquals(intSize(world.mode()), optlen.value);
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_TYPE, value, new IntRef(intSize(world.mode()))), "exactly sizeof(int)");
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, new IntRef(1), intSize(world.mode())));
      assertEquals(1, get(ws, s, SOL_SOCKET, SO_KEEPALIVE));
      linger lg = new linger();
      IntRef lingerLen = new IntRef(100);
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 0xFFFF), linger.SIZE));
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, lg, lingerLen));
      assertEquals(linger.SIZE, lingerLen.value);
      assertEquals(1, lg.l_onoff);
      assertEquals(0xFFFF, lg.l_linger, "an unsigned short");
      return 0;
    });
  }
}
