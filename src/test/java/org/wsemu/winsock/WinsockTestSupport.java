package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.INADDR_LOOPBACK;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.SOL_SOCKET;
import static org.wsemu.winsock.WinSock.SO_RCVBUF;
import static org.wsemu.winsock.WinSock.SO_SNDBUF;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock.htonl;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.ntohs;

import java.util.Arrays;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.time.Clock;

/**
 * Fixtures for the Winsock tests: emulators on the real network (Win16 with the real clock, which
 * the real network needs), one-task runs, listeners and connected pairs on loopback.
 */
final class WinsockTestSupport {
  private WinsockTestSupport() {}

  /** A builder for {@code mode} on the real network (real clock), quiet and quick to shut down. */
  static Emulator.Builder builder(SchedulingMode mode) {
    return Emus.builder(mode).clock(Clock.system());
  }

  /** Runs {@code body} as the only task of a fresh real-network emulator; returns its exit code. */
  static int run(SchedulingMode mode, Emus.AppBody body) throws Exception {
    return Emus.run(builder(mode), body);
  }

  /** A quiet builder for {@code world}, on a fresh network of that world. */
  static Emulator.Builder builder(World world) {
    return world.builder();
  }

  /** Runs {@code body} as the only task of a fresh emulator of {@code world}; returns its exit code. */
  static int run(World world, Emus.AppBody body) throws Exception {
    return Emus.run(world.builder(), body);
  }

  /** Runs {@code body} as the only task of an emulator built from {@code builder}; returns its exit code. */
  static int run(Emulator.Builder builder, Emus.AppBody body) throws Exception {
    return Emus.run(builder, body);
  }

  /** WSAStartup(1.1), asserting success. */
  static WSADATA startup(WinsockApi ws) {
    return startup(ws, 0x0101);
  }

  /** WSAStartup of {@code version}, asserting success. */
  static WSADATA startup(WinsockApi ws, int version) {
    WSADATA data = new WSADATA();
    assertEquals(0, ws.WSAStartup(version, data), "WSAStartup");
    return data;
  }

  /** 127.0.0.1:port as a sockaddr_in. */
  static sockaddr_in loopback(int port) {
    return new sockaddr_in(htons(port), htonl(INADDR_LOOPBACK));
  }

  /** The local port of a bound socket. */
  static int localPort(WinsockApi ws, int s) {
    sockaddr_in name = new sockaddr_in();
    assertEquals(0, ws.getsockname(s, name, new IntRef(sockaddr_in.SIZE)), "getsockname");
    return ntohs(name.sin_port);
  }

  /** A listening stream socket on an ephemeral loopback port: {socket, port}. */
  static int[] listener(WinsockApi ws) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(true, s != INVALID_SOCKET, "socket");
    assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE), "bind");
    assertEquals(0, ws.listen(s, 5), "listen");
    return new int[] {s, localPort(ws, s)};
  }

  /**
   * A connected pair of blocking stream sockets made in one task: {client, server side, listener}.
   * The blocking connect completes because the listener's backlog takes the connection.
   */
  static int[] pair(WinsockApi ws) {
    int[] listener = listener(ws);
    int client = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE), "connect");
    int server = ws.accept(listener[0], null, null);
    assertEquals(true, server != INVALID_SOCKET, "accept");
    return new int[] {client, server, listener[0]};
  }

  /**
   * An address where a blocking connect stays in progress until it is cancelled. On the real
   * network: a loopback listener whose backlog (1) two non-blocking connections have filled (Linux
   * drops the SYNs that find the accept queue full; a loopback handshake completes within connect).
   * On the simulated network: an address no host has, where a connect waits 21 s for its timeout.
   */
  static sockaddr_in pendingConnectTarget(World world, WinsockApi ws) {
    if (world.simulated()) {
      return new sockaddr_in(htons(7), ws.inet_addr("10.9.9.9"));
    }
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE), "bind");
    assertEquals(0, ws.listen(s, 1), "listen");
    int port = localPort(ws, s);
    for (int i = 0; i < 2; i++) {
      int filler = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.ioctlsocket(filler, WinSock.FIONBIO, new IntRef(1)), "FIONBIO");
      ws.connect(filler, loopback(port), sockaddr_in.SIZE); // WSAEWOULDBLOCK, completing at once
    }
    return loopback(port);
  }

  /** Asserts that a call returned SOCKET_ERROR and set {@code error}. */
  static void assertFails(WinsockApi ws, int error, int ret) {
    assertEquals(SOCKET_ERROR, ret);
    assertEquals(error, ws.WSAGetLastError());
  }

  /** A port where nothing listens: that of a bound stream socket that never listens. */
  static int closedPort(WinsockApi ws) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
    return localPort(ws, s);
  }

  /** Waits (select, 5 s) until {@code s} is readable. */
  static void awaitReadable(WinsockApi ws, int s) {
    fd_set read = new fd_set();
    FD_SET(s, read);
    assertEquals(1, ws.select(0, read, null, null, new timeval(5, 0)), "select readable");
  }

  /** An fd_set of {@code sockets}. */
  static fd_set set(int... sockets) {
    fd_set set = new fd_set();
    for (int s : sockets) {
      FD_SET(s, set);
    }
    return set;
  }

  /** The sockets in {@code set}, in order. */
  static int[] members(fd_set set) {
    return Arrays.copyOf(set.fd_array, set.fd_count);
  }

  /** A connected socket whose blocking send was cancelled after part of its data went. */
  static int abortedBySend(WinsockApi ws) {
    int[] pair = pair(ws);
    assertEquals(0, ws.setsockopt(pair[0], SOL_SOCKET, SO_SNDBUF, new IntRef(4096), 4));
    assertEquals(0, ws.setsockopt(pair[1], SOL_SOCKET, SO_RCVBUF, new IntRef(4096), 4));
    int[] hookCalls = {0};
    ws.WSASetBlockingHook(() -> {
      if (++hookCalls[0] == 2) {
        ws.WSACancelBlockingCall();
      }
      return false;
    });
    byte[] big = new byte[16 * 1024 * 1024]; // the peer never reads: the send blocks part way
    assertEquals(SOCKET_ERROR, ws.send(pair[0], big, big.length, 0));
    assertEquals(WSAEINTR, ws.WSAGetLastError());
    ws.WSAUnhookBlockingHook();
    return pair[0];
  }

  /** A socket whose blocking connect was cancelled while in progress. */
  static int abortedByConnect(World world, WinsockApi ws) {
    sockaddr_in pending = pendingConnectTarget(world, ws);
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.WSASetBlockingHook(() -> ws.WSACancelBlockingCall() != 0);
    assertEquals(SOCKET_ERROR, ws.connect(s, pending, sockaddr_in.SIZE));
    assertEquals(WSAEINTR, ws.WSAGetLastError());
    ws.WSAUnhookBlockingHook();
    return s;
  }

  /** The bytes of an ASCII string. */
  static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** What one recv of at most 10 bytes on {@code s} returns, as ASCII. */
  static String recvAscii(WinsockApi ws, int s) {
    byte[] buf = new byte[10];
    return ascii(buf, ws.recv(s, buf, 10, 0));
  }

  /** The first {@code n} bytes of {@code buf} as ASCII. */
  static String ascii(byte[] buf, int n) {
    return new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
