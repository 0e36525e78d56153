package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** sendto, recvfrom, send and recv on datagram sockets over loopback. */
@Timeout(20)
class DatagramTransferTest {

  /** A datagram socket bound to 127.0.0.1 on an ephemeral port. */
  static int bound(WinsockApi ws) {
    int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
    assertEquals(true, s != INVALID_SOCKET, "socket");
    assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE), "bind");
    return s;
  }

  private static int sendTo(WinsockApi ws, int s, String text, int port) {
    return ws.sendto(s, ascii(text), text.length(), 0, loopback(port), sockaddr_in.SIZE);
  }

  @World.AllWorlds
  void sendtoAndRecvfromCarryTheDatagramAndTheSendersAddress(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      assertEquals(4, sendTo(ws, a, "ping", localPort(ws, b)));
      byte[] buf = new byte[100];
      sockaddr_in from = new sockaddr_in();
      IntRef fromlen = new IntRef(sockaddr_in.SIZE);
      assertEquals(4, ws.recvfrom(b, buf, 100, 0, from, fromlen));
      assertEquals("ping", ascii(buf, 4));
      assertEquals(sockaddr_in.SIZE, fromlen.value);
      assertEquals(AF_INET, from.sin_family);
      assertEquals(ws.inet_addr("127.0.0.1"), from.sin_addr.s_addr);
      assertEquals(htons(localPort(ws, a)), from.sin_port);
      assertEquals(3, ws.sendto(b, ascii("xpongx"), 2, 3, 0, from, sockaddr_in.SIZE), "reply to the sender");
      assertEquals(3, ws.recvfrom(a, buf, 10, 20, 0, null, null), "offset variant, no from");
      assertEquals("ong", new String(buf, 10, 3, StandardCharsets.US_ASCII));
      return 0;
    });
  }

  @World.AllWorlds
  void datagramBoundariesAreKept(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      int port = localPort(ws, b);
      assertEquals(3, sendTo(ws, a, "one", port));
      assertEquals(5, sendTo(ws, a, "three", port));
      assertEquals(2, sendTo(ws, a, "ok", port));
      byte[] buf = new byte[100];
      assertEquals(3, ws.recvfrom(b, buf, 100, 0, null, null));
      assertEquals("one", ascii(buf, 3));
      assertEquals(5, ws.recvfrom(b, buf, 100, 0, null, null));
      assertEquals("three", ascii(buf, 5));
      assertEquals(2, ws.recvfrom(b, buf, 100, 0, null, null));
      assertEquals("ok", ascii(buf, 2));
      return 0;
    });
  }

  @World.AllWorlds
  void aDatagramLongerThanTheBufferFillsItFailsWithMsgSizeAndLosesTheRest(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      int port = localPort(ws, b);
      assertEquals(10, sendTo(ws, a, "0123456789", port));
      assertEquals(4, sendTo(ws, a, "next", port));
      byte[] buf = ascii("......");
      assertEquals(SOCKET_ERROR, ws.recvfrom(b, buf, 4, 0, null, null));
      assertEquals(WSAEMSGSIZE, ws.WSAGetLastError());
      assertEquals("0123..", ascii(buf, 6));
      byte[] rest = new byte[100];
      assertEquals(4, ws.recvfrom(b, rest, 100, 0, null, null), "the truncated part is discarded");
      assertEquals("next", ascii(rest, 4));
      return 0;
    });
  }

  @World.AllWorlds
  void msgPeekLeavesTheDatagramForTheNextRecvfrom(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      assertEquals(5, sendTo(ws, a, "first", localPort(ws, b)));
      assertEquals(6, sendTo(ws, a, "second", localPort(ws, b)));
      byte[] buf = new byte[100];
      sockaddr_in from = new sockaddr_in();
      assertEquals(5, ws.recvfrom(b, buf, 100, MSG_PEEK, from, new IntRef(sockaddr_in.SIZE)));
      assertEquals("first", ascii(buf, 5));
      assertEquals(htons(localPort(ws, a)), from.sin_port);
      assertEquals(5, ws.recv(b, buf, 100, MSG_PEEK), "still there");
      byte[] taken = new byte[100];
      assertEquals(5, ws.recvfrom(b, taken, 100, 0, null, null));
      assertEquals("first", ascii(taken, 5));
      assertEquals(6, ws.recvfrom(b, taken, 100, 0, null, null));
      assertEquals("second", ascii(taken, 6));
      return 0;
    });
  }

  @World.AllWorlds
  void aConnectedDatagramSocketSendsAndReceivesWithSendAndRecv(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      assertEquals(0, ws.connect(a, loopback(localPort(ws, b)), sockaddr_in.SIZE));
      assertEquals(0, ws.connect(b, loopback(localPort(ws, a)), sockaddr_in.SIZE));
      assertEquals(3, ws.send(a, ascii("a2b"), 3, 0));
      byte[] buf = new byte[10];
      assertEquals(3, ws.recv(b, buf, 10, 0));
      assertEquals("a2b", ascii(buf, 3));
      assertEquals(3, ws.sendto(b, ascii("b2a"), 3, 0, null, 0), "sendto without an address goes to the peer");
      assertEquals(3, ws.recv(a, buf, 10, 0));
      assertEquals("b2a", ascii(buf, 3));
      sockaddr_in peer = new sockaddr_in();
      assertEquals(0, ws.getpeername(a, peer, new IntRef(sockaddr_in.SIZE)));
      assertEquals(htons(localPort(ws, b)), peer.sin_port);
      return 0;
    });
  }

  @World.AllWorlds
  void fionreadGivesTheSizeOfTheFirstWaitingDatagram(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      IntRef available = new IntRef(-1);
      assertEquals(0, ws.ioctlsocket(b, FIONREAD, available));
      assertEquals(0, available.value, "nothing waits");
      assertEquals(5, sendTo(ws, a, "small", localPort(ws, b)));
      assertEquals(12, sendTo(ws, a, "much larger!", localPort(ws, b)));
      fd_set read = new fd_set();
      FD_SET(b, read);
      assertEquals(1, ws.select(0, read, null, null, new timeval(5, 0)));
      assertEquals(0, ws.ioctlsocket(b, FIONREAD, available));
      assertEquals(5, available.value);
      assertEquals(5, ws.recvfrom(b, new byte[100], 100, 0, null, null));
      assertEquals(12, ws.recvfrom(b, new byte[100], 100, 0, null, null));
      return 0;
    });
  }

  @World.AllWorlds
  void peekingAtADatagramLongerThanTheBufferFailsWithMsgSizeAndKeepsItWhole(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      assertEquals(8, sendTo(ws, a, "abcdefgh", localPort(ws, b)));
      byte[] small = new byte[3];
      assertEquals(SOCKET_ERROR, ws.recvfrom(b, small, 3, MSG_PEEK, null, null));
      assertEquals(WSAEMSGSIZE, ws.WSAGetLastError());
      assertEquals("abc", ascii(small, 3));
      byte[] buf = new byte[100];
      assertEquals(8, ws.recvfrom(b, buf, 100, 0, null, null));
      assertEquals("abcdefgh", ascii(buf, 8));
      return 0;
    });
  }

  @World.AllWorlds
  void aSocketThatHasSentCanReceiveWithoutBind(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = ws.socket(AF_INET, SOCK_DGRAM, 0);
      int b = bound(ws);
      assertEquals(1, sendTo(ws, a, "?", localPort(ws, b)));
      sockaddr_in from = new sockaddr_in();
      assertEquals(1, ws.recvfrom(b, new byte[10], 10, 0, from, new IntRef(sockaddr_in.SIZE)));
      assertEquals(1, ws.sendto(b, ascii("!"), 1, 0, from, sockaddr_in.SIZE));
      byte[] buf = new byte[10];
      assertEquals(1, ws.recvfrom(a, buf, 10, 0, null, null));
      assertEquals("!", ascii(buf, 1));
      return 0;
    });
  }

  @World.AllWorlds
  void emptyAndMaximalDatagramsGoThrough(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      sockaddr_in to = loopback(localPort(ws, b));
      assertEquals(0, ws.sendto(a, new byte[0], 0, 0, to, sockaddr_in.SIZE));
      assertEquals(0, ws.recvfrom(b, new byte[10], 10, 0, null, null), "an empty datagram");
      byte[] largest = new byte[65507];
      Arrays.fill(largest, (byte) 0x6B);
      assertEquals(65507, ws.sendto(a, largest, 65507, 0, to, sockaddr_in.SIZE));
      byte[] buf = new byte[70000];
      assertEquals(65507, ws.recvfrom(b, buf, 70000, 0, null, null));
      assertArrayEquals(largest, Arrays.copyOf(buf, 65507));
      return 0;
    });
  }
}
