package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** getsockname and getpeername. */
@Timeout(20)
class SocketNamesTest {

  @World.AllWorlds
  void aSocketBoundBeforeConnectingConnectsFromItsBoundPort(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int bound = localPort(ws, s);
      assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(bound, localPort(ws, s));
      sockaddr_in from = new sockaddr_in();
      assertTrue(ws.accept(listener[0], from, new IntRef(sockaddr_in.SIZE)) > 0);
      assertEquals(htons(bound), from.sin_port);
      return 0;
    });
  }

  // ---- getsockname, getpeername ----

  @World.AllWorlds
  void getsocknameOfAnUnboundSocketFailsInvalid(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      for (int type : new int[] {SOCK_STREAM, SOCK_DGRAM}) {
        int s = ws.socket(AF_INET, type, 0);
        assertFails(ws, WSAEINVAL, ws.getsockname(s, new sockaddr_in(), new IntRef(sockaddr_in.SIZE)));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void getpeernameOfAnUnconnectedSocketFailsNotConnected(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int unbound = ws.socket(AF_INET, SOCK_STREAM, 0);
      int datagram = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(datagram, loopback(0), sockaddr_in.SIZE));
      for (int s : new int[] {unbound, listener[0], datagram}) {
        assertFails(ws, WSAENOTCONN, ws.getpeername(s, new sockaddr_in(), new IntRef(sockaddr_in.SIZE)));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void nameFunctionsRejectANullNameOrAShortNamelen(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int client = pair(ws)[0];
      IntRef shortLen = new IntRef(sockaddr_in.SIZE - 1);
      assertFails(ws, WSAEFAULT, ws.getsockname(client, new sockaddr_in(), shortLen));
      assertFails(ws, WSAEFAULT, ws.getpeername(client, new sockaddr_in(), shortLen));
      assertFails(ws, WSAEFAULT, ws.getsockname(client, null, new IntRef(sockaddr_in.SIZE)));
      assertFails(ws, WSAEFAULT, ws.getpeername(client, null, new IntRef(sockaddr_in.SIZE)));
      assertFails(ws, WSAEFAULT, ws.getsockname(client, new sockaddr_in(), null));
      assertFails(ws, WSAEFAULT, ws.getpeername(client, new sockaddr_in(), null));
      return 0;
    });
  }
}
