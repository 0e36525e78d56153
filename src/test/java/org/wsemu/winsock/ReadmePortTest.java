package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** The README's ported routine, as written there (keep the two in step). */
@Timeout(20)
class ReadmePortTest {
  private WinsockApi ws;

  // ---- from README.md, "From C to Java" ----
  int ConnectTo(String host, int port)
  {
      int s;
      sockaddr_in sin = new sockaddr_in();
      hostent hp;

      if ((hp = ws.gethostbyname(host)) == null)
          return INVALID_SOCKET;
      sin.sin_family = AF_INET;
      sin.sin_port = htons(port);
      sin.sin_addr.set(hp.h_addr());
      if ((s = ws.socket(AF_INET, SOCK_STREAM, 0)) == INVALID_SOCKET)
          return INVALID_SOCKET;
      if (ws.connect(s, sin, sockaddr_in.SIZE) == SOCKET_ERROR) {
          ws.closesocket(s);
          return INVALID_SOCKET;
      }
      return s;
  }
  // ---- end of the README routine ----

  @World.AllWorlds
  void thePortedRoutineConnectsAndFailsAsTheCOriginalWould(World world) throws Exception {
    run(world, (emu, api, user) -> {
      ws = api;
      startup(ws);
      int[] listener = listener(ws);
      int s = ConnectTo("localhost", listener[1]);
      assertTrue(s != INVALID_SOCKET);
      assertTrue(ws.accept(listener[0], null, null) != INVALID_SOCKET);
      assertEquals(INVALID_SOCKET, ConnectTo("no.such.host", listener[1]));
      assertEquals(WSAHOST_NOT_FOUND, ws.WSAGetLastError());
      ws.closesocket(listener[0]);
      assertEquals(INVALID_SOCKET, ConnectTo("localhost", listener[1]));
      assertEquals(WSAECONNREFUSED, ws.WSAGetLastError());
      return 0;
    });
  }
}
