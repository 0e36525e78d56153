package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.AsyncSelectTestSupport.helloThenCloseServer;
import static org.wsemu.winsock.AsyncSelectTestSupport.silentServer;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.World;
import org.wsemu.testing.World.SimWorlds;
import org.wsemu.winsock.AsyncSelectTestSupport.Recorder;

/**
 * Where WSAAsyncSelect's FD_CONNECT and FD_CLOSE follow what Windows does beyond the 1.1 text:
 * FD_CONNECT is an event, posted once per connection attempt to the registration of the moment,
 * never to a later one; FD_CLOSE is a condition, posted as soon as the peer's close arrives, data
 * still unread or not, and posted again to a new registration.
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
    SimulatedNetwork net = silentServer();
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

  // ---- FD_CLOSE ----

  @World.AllWorlds
  void aGracefulCloseIsPostedAtOnceBehindUnreadDataAndRecvStillReturnsTheDataThenZero(World world)
      throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(5, ws.send(p[0], ascii("abcde"), 5, 0));
      assertEquals(List.of(ev(p[1], FD_READ)), rec.await(1));
      assertEquals(0, ws.closesocket(p[0])); // the FIN follows data nobody has read
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE)), rec.await(2));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE)), rec.pumpFor(200));
      byte[] buf = new byte[8];
      assertEquals(3, ws.recv(p[1], buf, 3, 0));
      assertEquals("abc", ascii(buf, 3));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE), ev(p[1], FD_READ)), rec.await(3), "data remains");
      assertEquals(2, ws.recv(p[1], buf, 8, 0));
      assertEquals("de", ascii(buf, 2));
      assertEquals(3, rec.pumpFor(200).size(), "read up: nothing more");
      assertEquals(0, ws.recv(p[1], buf, 8, 0));
      assertEquals(3, rec.pumpFor(200).size());
      return 0;
    });
  }

  @World.AllWorlds
  void dataAndTheCloseArrivingTogetherGiveFdReadThenFdClose(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(5, ws.send(p[0], ascii("abcde"), 5, 0));
      assertEquals(0, ws.closesocket(p[0]));
      Recorder rec = Recorder.create(user);
      rec.pumpFor(100); // both arrive before the registration (whichever way, the messages are the same)
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE)), rec.pumpFor(200));
      byte[] buf = new byte[8];
      assertEquals(5, ws.recv(p[1], buf, 8, 0));
      assertEquals(0, ws.recv(p[1], buf, 8, 0));
      assertEquals(2, rec.pumpFor(200).size());
      return 0;
    });
  }

  @World.AllWorlds
  void registeringAgainAfterTheClosePostsFdCloseAgain(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE)), rec.await(2));
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE), ev(p[1], FD_READ), ev(p[1], FD_CLOSE)),
          rec.pumpFor(200), "the byte and the close still hold");
      byte[] buf = new byte[4];
      assertEquals(1, ws.recv(p[1], buf, 4, 0));
      assertEquals(0, ws.recv(p[1], buf, 4, 0));
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE), ev(p[1], FD_READ), ev(p[1], FD_CLOSE),
          ev(p[1], FD_CLOSE)), rec.pumpFor(200), "all read: the close alone");
      return 0;
    });
  }

  @World.AllWorlds
  void aResetBehindUnreadDataIsPostedAtOnceWithWsaeconnreset(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(5, ws.send(p[0], ascii("abcde"), 5, 0));
      assertEquals(List.of(ev(p[1], FD_READ)), rec.await(1));
      assertEquals(0, ws.setsockopt(p[0], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE, WSAECONNRESET)), rec.await(2));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[8], 8, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError(), "a reset discards what was not read");
      assertEquals(2, rec.pumpFor(200).size());
      return 0;
    });
  }

  @SimWorlds
  void aRemotePeersCloseIsPostedWhenItArrivesThoughItsDataWasNotRead(World world) throws Exception {
    SimulatedNetwork net = helloThenCloseServer(); // accepts when the SYN arrives, 20 ms after connect
    run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_CONNECT | FD_READ | FD_CLOSE));
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, new sockaddr_in(htons(9), htonl(0x0A000002)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_READ), ev(s, FD_CLOSE)), rec.await(3));
      if (world.virtualTime()) { // data and FIN one way after they leave, 100 ms apart
        assertEquals(List.of(start + 40, start + 140, start + 240), rec.times());
      }
      byte[] buf = new byte[16];
      assertEquals(5, ws.recv(s, buf, buf.length, 0));
      assertEquals("hello", ascii(buf, 5));
      assertEquals(0, ws.recv(s, buf, buf.length, 0));
      assertEquals(3, rec.pumpFor(200).size());
      return 0;
    });
  }
}
