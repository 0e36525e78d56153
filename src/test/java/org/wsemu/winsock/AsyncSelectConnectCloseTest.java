package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.sim.Link;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.World;
import org.wsemu.winsock.AsyncSelectTestSupport.Recorder;
import org.wsemu.winsock.AsyncSelectTestSupport.SimWorlds;

/**
 * Where WSAAsyncSelect's FD_CONNECT follows what Windows does beyond the 1.1 text: it is an
 * event, posted once per connection attempt to the registration of the moment, never to a later
 * one.
 */
@Timeout(30)
class AsyncSelectConnectCloseTest {
  private static final int ALL = FD_READ | FD_WRITE | FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE;

  // ---- FD_CONNECT ----

  @World.AllWorlds
  void registeringAgainAfterTheConnectFinishedPostsFdWriteButNoSecondFdConnect(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, ALL));
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_WRITE)), rec.await(2));
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, 0));
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, ALL));
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_WRITE), ev(s, FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }

  @World.AllWorlds
  void registeringAfterABlockingConnectSucceededPostsOnlyFdWrite(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws); // p[0] connected with a blocking connect
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[0], rec.hwnd, WM_SOCKET, ALL));
      assertEquals(List.of(ev(p[0], FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }

  @World.AllWorlds
  void aConnectFailureSelectSawBeforeTheRegistrationIsNotPostedAndWaitsForTheNextConnect(World world)
      throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(closed, loopback(0), sockaddr_in.SIZE)); // bound, never listening
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      sockaddr_in refusing = loopback(localPort(ws, closed));
      assertEquals(SOCKET_ERROR, ws.connect(s, refusing, sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      fd_set failed = new fd_set();
      FD_SET(s, failed);
      assertEquals(1, ws.select(0, null, null, failed, new timeval(10, 0)));
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, ALL));
      assertEquals(List.of(), rec.pumpFor(200));
      assertEquals(SOCKET_ERROR, ws.connect(s, refusing, sockaddr_in.SIZE));
      assertEquals(WSAECONNREFUSED, ws.WSAGetLastError(), "the next connect reports it, once");
      return 0;
    });
  }

  @SimWorlds
  void aRegistrationMadeWhileTheConnectIsInProgressGetsItsFdConnect(World world) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().host("client", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(Duration.ofMillis(20))).build();
    net.listen("server", 9, connection -> () -> { });
    run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, new sockaddr_in(htons(9), htonl(0x0A000002)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, ALL));
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_WRITE)), rec.await(2));
      if (world.virtualTime()) {
        assertEquals(List.of(start + 40, start + 40), rec.times());
      }
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }
}
