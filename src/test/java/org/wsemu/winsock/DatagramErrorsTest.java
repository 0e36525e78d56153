package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.DatagramTransferTest.bound;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** The errors of send, sendto and recvfrom on datagram sockets: state, destination, size and flags. */
@Timeout(20)
class DatagramErrorsTest {

  @World.AllWorlds
  void recvfromOnASocketThatIsNeitherBoundNorHasSentFailsWithInval(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(SOCKET_ERROR, ws.recvfrom(s, new byte[10], 10, 0, null, null));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void sendtoTheBroadcastAddressWithoutSoBroadcastFailsWithAcces(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      sockaddr_in everyone = new sockaddr_in(htons(9), ws.inet_addr("255.255.255.255"));
      assertEquals(SOCKET_ERROR, ws.sendto(s, ascii("x"), 1, 0, everyone, sockaddr_in.SIZE));
      assertEquals(WSAEACCES, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void sendOnAnUnconnectedDatagramSocketFailsWithNotConn(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = bound(ws);
      assertEquals(SOCKET_ERROR, ws.send(s, ascii("x"), 1, 0));
      assertEquals(WSAENOTCONN, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void sendtoWithoutAnAddressOnAnUnconnectedSocketFailsWithDestAddrReq(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = bound(ws);
      assertEquals(SOCKET_ERROR, ws.sendto(s, ascii("x"), 1, 0, null, 0));
      assertEquals(WSAEDESTADDRREQ, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void sendtoWithAShortAddressLengthFailsWithFault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      assertEquals(SOCKET_ERROR, ws.sendto(a, ascii("x"), 1, 0, loopback(localPort(ws, a)), 15));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void aDatagramAboveTheUdpMaximumFailsWithMsgSize(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      int b = bound(ws);
      assertEquals(SOCKET_ERROR, ws.sendto(a, new byte[65508], 65508, 0, loopback(localPort(ws, b)), sockaddr_in.SIZE));
      assertEquals(WSAEMSGSIZE, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void msgOobOnADatagramSocketFailsWithOpNotSupp(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      assertEquals(SOCKET_ERROR, ws.sendto(a, ascii("x"), 1, MSG_OOB, loopback(localPort(ws, a)), sockaddr_in.SIZE));
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.recvfrom(a, new byte[1], 1, MSG_OOB, null, null));
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void sendtoAnAddressOfAnotherFamilyFailsWithAfNoSupport(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int a = bound(ws);
      sockaddr_in to = loopback(localPort(ws, a));
      to.sin_family = AF_UNIX;
      assertEquals(SOCKET_ERROR, ws.sendto(a, ascii("x"), 1, 0, to, sockaddr_in.SIZE));
      assertEquals(WSAEAFNOSUPPORT, ws.WSAGetLastError());
      return 0;
    });
  }
}
