package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.AsyncSelectTestSupport.Recorder;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/**
 * A WSAAsyncSelect registration made before a call changes what its socket can report still
 * reports it: the registration looks again after every call that changes the socket.
 */
@Timeout(30)
class AsyncSelectStateChangeTest {

  @World.AllWorlds
  void aRegistrationForFdAcceptMadeBeforeListenReportsTheConnectionsThatFollow(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int l = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(l, loopback(0), sockaddr_in.SIZE));
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(l, rec.hwnd, WM_SOCKET, FD_ACCEPT));
      assertEquals(0, ws.listen(l, 5));
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(localPort(ws, l)), sockaddr_in.SIZE));
      assertEquals(List.of(ev(l, FD_ACCEPT)), rec.await(1));
      return 0;
    });
  }
}
