package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/**
 * The values of the Windows Sockets 1.1 options on stream and datagram sockets. Which options are
 * refused, and the C memory layouts, are in {@link SocketOptionErrorsTest}.
 */
@Timeout(20)
class SocketOptionsTest {

  /** getsockopt of an int option through the IntRef overload, asserting success. */
  static int get(WinsockApi ws, int s, int level, int optname) {
    IntRef value = new IntRef(0x5A5A);
    IntRef optlen = new IntRef(4);
    assertEquals(0, ws.getsockopt(s, level, optname, value, optlen), "getsockopt " + optname + " error " + ws.WSAGetLastError());
    return value.value;
  }

  /** setsockopt of an int option through the IntRef overload, asserting success. */
  static void set(WinsockApi ws, int s, int level, int optname, int value) {
    assertEquals(0, ws.setsockopt(s, level, optname, new IntRef(value), 4), "setsockopt " + optname + " error " + ws.WSAGetLastError());
  }

  static int stream(WinsockApi ws) {
    return ws.socket(AF_INET, SOCK_STREAM, 0);
  }

  static int datagram(WinsockApi ws) {
    return ws.socket(AF_INET, SOCK_DGRAM, 0);
  }

  /** A boolean option reads 0, then 1 after setting 1, then 0 after setting 0. */
  private static void assertToggles(WinsockApi ws, int s, int level, int optname, String what) {
    assertEquals(0, get(ws, s, level, optname), what + " starts off");
    set(ws, s, level, optname, 1);
    assertEquals(1, get(ws, s, level, optname), what + " on");
    set(ws, s, level, optname, 0);
    assertEquals(0, get(ws, s, level, optname), what + " off again");
  }

  @World.AllWorlds
  void soTypeIsTheSocketsType(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertEquals(SOCK_STREAM, get(ws, stream(ws), SOL_SOCKET, SO_TYPE));
      assertEquals(SOCK_DGRAM, get(ws, datagram(ws), SOL_SOCKET, SO_TYPE));
      assertEquals(SOCK_STREAM, get(ws, pair(ws)[1], SOL_SOCKET, SO_TYPE), "an accepted socket");
      return 0;
    });
  }

  @World.AllWorlds
  void soAcceptConnIsZeroUntilListenThenOne(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_ACCEPTCONN));
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_ACCEPTCONN), "bound is not listening");
      assertEquals(0, ws.listen(s, 1));
      assertEquals(1, get(ws, s, SOL_SOCKET, SO_ACCEPTCONN));
      assertEquals(0, get(ws, pair(ws)[0], SOL_SOCKET, SO_ACCEPTCONN), "a connected socket");
      return 0;
    });
  }

  @World.AllWorlds
  void theBooleanStreamOptionsStartOffAndKeepWhatIsSet(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int fresh = stream(ws);
      int connected = pair(ws)[0];
      for (int s : new int[] {fresh, connected}) {
        String which = s == fresh ? "fresh " : "connected ";
        assertToggles(ws, s, SOL_SOCKET, SO_REUSEADDR, which + "SO_REUSEADDR");
        assertToggles(ws, s, SOL_SOCKET, SO_KEEPALIVE, which + "SO_KEEPALIVE");
        assertToggles(ws, s, SOL_SOCKET, SO_DEBUG, which + "SO_DEBUG");
        assertToggles(ws, s, SOL_SOCKET, SO_DONTROUTE, which + "SO_DONTROUTE");
        assertToggles(ws, s, SOL_SOCKET, SO_OOBINLINE, which + "SO_OOBINLINE");
        assertToggles(ws, s, IPPROTO_TCP, TCP_NODELAY, which + "TCP_NODELAY");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aStreamOptionSetBeforeConnectingStaysSetAfterwards(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = stream(ws);
      set(ws, s, SOL_SOCKET, SO_KEEPALIVE, 1);
      set(ws, s, IPPROTO_TCP, TCP_NODELAY, 1);
      set(ws, s, SOL_SOCKET, SO_OOBINLINE, 1);
      assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(1, get(ws, s, SOL_SOCKET, SO_KEEPALIVE));
      assertEquals(1, get(ws, s, IPPROTO_TCP, TCP_NODELAY));
      assertEquals(1, get(ws, s, SOL_SOCKET, SO_OOBINLINE));
      return 0;
    });
  }

  @World.AllWorlds
  void soReuseAddrReadsZeroOnAListenerAndItsAcceptedSocketsUnlessSet(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, get(ws, p[0], SOL_SOCKET, SO_REUSEADDR), "client");
      assertEquals(0, get(ws, p[2], SOL_SOCKET, SO_REUSEADDR), "listener");
      assertEquals(0, get(ws, p[1], SOL_SOCKET, SO_REUSEADDR), "accepted");
      return 0;
    });
  }

  @World.AllWorlds
  void theBooleanDatagramOptionsStartOffAndKeepWhatIsSet(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = datagram(ws);
      assertToggles(ws, s, SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR");
      assertToggles(ws, s, SOL_SOCKET, SO_DEBUG, "SO_DEBUG");
      assertToggles(ws, s, SOL_SOCKET, SO_DONTROUTE, "SO_DONTROUTE");
      assertToggles(ws, s, SOL_SOCKET, SO_BROADCAST, "SO_BROADCAST");
      return 0;
    });
  }

  @World.AllWorlds
  void soBroadcastOnAStreamFailsWithNoProtoOpt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      assertEquals(SOCKET_ERROR, ws.getsockopt(s, SOL_SOCKET, SO_BROADCAST, new IntRef(), new IntRef(4)));
      assertEquals(WSAENOPROTOOPT, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.setsockopt(s, SOL_SOCKET, SO_BROADCAST, new IntRef(1), 4));
      assertEquals(WSAENOPROTOOPT, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void soLingerAndSoDontLingerAreTwoViewsOfOneSetting(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      assertLinger(ws, s, 0, 0);
      assertEquals(1, get(ws, s, SOL_SOCKET, SO_DONTLINGER), "not lingering at first");
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 5), linger.SIZE));
      assertLinger(ws, s, 1, 5);
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_DONTLINGER));
      set(ws, s, SOL_SOCKET, SO_DONTLINGER, 1);
      assertLinger(ws, s, 0, 5);
      set(ws, s, SOL_SOCKET, SO_DONTLINGER, 0);
      assertLinger(ws, s, 1, 5);
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(0, 0), linger.SIZE));
      assertLinger(ws, s, 0, 0);
      assertEquals(1, get(ws, s, SOL_SOCKET, SO_DONTLINGER));
      return 0;
    });
  }

  static void assertLinger(WinsockApi ws, int s, int onoff, int seconds) {
    linger lg = new linger(77, 77);
    IntRef optlen = new IntRef(linger.SIZE);
    assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_LINGER, lg, optlen));
    assertEquals(linger.SIZE, optlen.value);
    assertArrayEquals(new int[] {onoff, seconds}, new int[] {lg.l_onoff, lg.l_linger}, "{l_onoff, l_linger}");
  }

  @World.AllWorlds
  void anAcceptedSocketTakesTheListenersLinger(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      assertEquals(0, ws.setsockopt(listener[0], SOL_SOCKET, SO_LINGER, new linger(1, 7), linger.SIZE));
      int client = stream(ws);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      int accepted = ws.accept(listener[0], null, null);
      assertLinger(ws, accepted, 1, 7);
      return 0;
    });
  }

  @World.AllWorlds
  void bufferSizesReadBackAtLeastWhatWasSet(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] sockets = {stream(ws), pair(ws)[0], datagram(ws)};
      for (int s : sockets) {
        for (int option : new int[] {SO_SNDBUF, SO_RCVBUF}) {
          set(ws, s, SOL_SOCKET, option, 8192);
          int value = get(ws, s, SOL_SOCKET, option);
          assertTrue(value >= 8192, "socket " + s + " option " + option + " reads " + value);
        }
      }
      return 0;
    });
  }

  /**
   * A Win16 int holds 16 bits: buffer sizes it cannot hold read as 32767 and a larger value set
   * through the IntRef form is taken as 32767, never cut to its low 16 bits (65,536 would read 0,
   * 4 MB would set 0).
   */
  @World.Win16Worlds
  void inWin16BufferSizesAreClampedToWhatA16BitIntHolds(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int fresh = stream(ws);
      int expected = world.simulated() ? 8192 : 32767; // the real network's sizes exceed 32767
      assertEquals(expected, get(ws, fresh, SOL_SOCKET, SO_RCVBUF));
      assertEquals(expected, get(ws, fresh, SOL_SOCKET, SO_SNDBUF));
      int[] sockets = {fresh, pair(ws)[0], datagram(ws)};
      for (int s : sockets) {
        for (int option : new int[] {SO_SNDBUF, SO_RCVBUF}) {
          set(ws, s, SOL_SOCKET, option, 4 * 1024 * 1024);
          assertEquals(32767, get(ws, s, SOL_SOCKET, option), "socket " + s + " option " + option);
          byte[] bytes = new byte[2];
          assertEquals(0, ws.getsockopt(s, SOL_SOCKET, option, bytes, new IntRef(2)));
          assertArrayEquals(new byte[] {(byte) 0xFF, 0x7F}, bytes, "32767 in two little-endian bytes");
        }
      }
      return 0;
    });
  }

  @World.AllWorlds
  void soErrorReportsAFailedNonBlockingConnectOnceThenReadsZero(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int unused = stream(ws);
      assertEquals(0, ws.bind(unused, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, unused);
      assertEquals(0, ws.closesocket(unused)); // nothing listens there now
      int s = stream(ws);
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_ERROR), "no error yet");
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(port), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      fd_set except = new fd_set();
      FD_SET(s, except);
      assertEquals(1, ws.select(0, null, null, except, new timeval(5, 0)), "the failure is an exception");
      assertEquals(WSAECONNREFUSED, get(ws, s, SOL_SOCKET, SO_ERROR));
      assertEquals(0, get(ws, s, SOL_SOCKET, SO_ERROR), "reading SO_ERROR cleared it");
      return 0;
    });
  }
}
