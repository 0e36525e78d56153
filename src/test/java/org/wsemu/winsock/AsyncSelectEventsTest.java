package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET2;
import static org.wsemu.winsock.AsyncSelectTestSupport.awaitReadable;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.AsyncSelectTestSupport.helloThenCloseServer;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.World;
import org.wsemu.testing.World.SimWorlds;
import org.wsemu.winsock.AsyncSelectTestSupport.Recorder;

/**
 * The WSAAsyncSelect event rules, with exact message lists: one message per event until its
 * re-enabling call, level triggering, FD_WRITE after a blocked send, FD_CONNECT then FD_WRITE,
 * FD_ACCEPT and inherited registrations, FD_CLOSE for graceful and abortive ends. FD_OOB is in
 * {@link AsyncSelectTest}; FD_CONNECT once per attempt and FD_CLOSE behind unread data in
 * {@link AsyncSelectConnectCloseTest}.
 */
@Timeout(30)
class AsyncSelectEventsTest {

  // ---- FD_READ ----

  @World.AllWorlds
  void fdReadIsNotPostedAgainUntilRecvEvenIfMoreDataArrives(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(1, ws.send(p[0], ascii("a"), 1, 0));
      rec.await(1);
      assertEquals(1, ws.send(p[0], ascii("b"), 1, 0));
      awaitReadable(ws, rec, p[1], 2);
      assertEquals(List.of(ev(p[1], FD_READ)), rec.pumpFor(200));
      byte[] buf = new byte[8];
      assertEquals(2, ws.recv(p[1], buf, 8, 0));
      assertEquals("ab", ascii(buf, 2));
      assertEquals(List.of(ev(p[1], FD_READ)), rec.pumpFor(200), "nothing left: nothing posted");
      assertEquals(1, ws.send(p[0], ascii("c"), 1, 0));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_READ)), rec.await(2), "re-enabled by the recv");
      return 0;
    });
  }

  @World.AllWorlds
  void aHundredBytesThenRecvFiftyGivesAnotherFdRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(100, ws.send(p[0], new byte[100], 100, 0));
      awaitReadable(ws, rec, p[1], 100);
      assertEquals(List.of(ev(p[1], FD_READ)), rec.pumpFor(100));
      byte[] buf = new byte[100];
      assertEquals(50, ws.recv(p[1], buf, 50, 0));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_READ)), rec.pumpFor(100));
      assertEquals(50, ws.recv(p[1], buf, 100, 0));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], buf, 100, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_READ)), rec.pumpFor(100));
      return 0;
    });
  }

  @World.AllWorlds
  void aFailingRecvAndAPeekReEnableFdReadToo(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, 0));
      awaitReadable(ws, rec, p[1], 3);
      rec.await(1);
      byte[] buf = new byte[8];
      assertEquals(SOCKET_ERROR, ws.recv(p[1], buf, 8, 0x100)); // an unknown flag
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_READ)), rec.pumpFor(100));
      assertEquals(3, ws.recv(p[1], buf, 8, MSG_PEEK));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_READ), ev(p[1], FD_READ)), rec.pumpFor(100));
      assertEquals(3, ws.recvfrom(p[1], buf, 8, 0, null, null));
      assertEquals(3, rec.pumpFor(100).size(), "read up: nothing more");
      return 0;
    });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_REAL", "WIN32_REAL"})
  void dataTakenAheadByFionreadBeforeTheNetworkThreadNoticesStillGivesFdRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      IntRef readable = new IntRef();
      byte[] buf = new byte[4];
      int rounds = 30; // a race on real sockets: FIONREAD spins, so it often wins
      for (int i = 1; i <= rounds; i++) {
        assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
        assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
          assertEquals(0, ws.ioctlsocket(p[1], FIONREAD, readable));
          assertTrue(System.nanoTime() < deadline, "the byte never arrived");
        } while (readable.value == 0);
        rec.await(i);
        assertEquals(1, ws.recv(p[1], buf, 4, 0));
      }
      assertEquals(rounds, rec.pumpFor(100).size());
      return 0;
    });
  }

  // ---- FD_WRITE ----

  @World.AllWorlds
  void fdWriteComesAgainOnlyAfterASendWouldBlockAndRoomCameBack(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[0], rec.hwnd, WM_SOCKET, FD_WRITE));
      assertEquals(List.of(ev(p[0], FD_WRITE)), rec.await(1));
      assertEquals(10, ws.send(p[0], new byte[10], 10, 0));
      assertEquals(List.of(ev(p[0], FD_WRITE)), rec.pumpFor(100), "a send that succeeds re-enables nothing");
      long sent = 10;
      byte[] chunk = new byte[65536];
      int r;
      while ((r = ws.send(p[0], chunk, chunk.length, 0)) > 0) {
        sent += r;
        assertTrue(sent < 256L << 20, "the window never filled");
      }
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(List.of(ev(p[0], FD_WRITE)), rec.pumpFor(200), "nobody reads: no room");
      long[] received = {0};
      byte[] sink = new byte[65536];
      Recorder reader = Recorder.create(user).reacting((s, event, error) -> {
        int n = ws.recv(s, sink, sink.length, 0); // each recv re-enables FD_READ while data waits
        received[0] += Math.max(n, 0);
      });
      assertEquals(0, ws.WSAAsyncSelect(p[1], reader.hwnd, WM_SOCKET2, FD_READ));
      final long total = sent;
      reader.pumpUntil(() -> received[0] == total, "reading " + total + " bytes");
      assertEquals(List.of(ev(p[0], FD_WRITE), ev(p[0], FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }

  @SimWorlds
  void withASilentPeerNoRoomComesBackSoNoSecondFdWriteThenAResetIsFdClose(World world) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().build();
    net.listen(net.defaultHost(), 9, Peers.silent());
    run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(s, loopback(9), sockaddr_in.SIZE));
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_WRITE | FD_CLOSE));
      int start = user.GetTickCount();
      while (ws.send(s, new byte[4096], 4096, 0) > 0) {
        // fill the peer's window and the send buffer
      }
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(List.of(ev(s, FD_WRITE)), rec.pumpFor(1000));
      assertEquals(0, ws.shutdown(s, 1)); // FD_WRITE can never hold again
      assertEquals(List.of(ev(s, FD_WRITE)), rec.pumpFor(500));
      net.resetConnections(net.defaultHost(), 9);
      assertEquals(List.of(ev(s, FD_WRITE), ev(s, FD_CLOSE, WSAECONNRESET)), rec.await(2));
      if (world.virtualTime()) {
        assertEquals(List.of(start, start + 1500), rec.times());
      }
      assertEquals(List.of(ev(s, FD_WRITE), ev(s, FD_CLOSE, WSAECONNRESET)), rec.pumpFor(200));
      return 0;
    });
  }

  // ---- FD_CONNECT ----

  @World.AllWorlds
  void aNonBlockingConnectPostsFdConnectThenFdWrite(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_CONNECT | FD_WRITE | FD_READ | FD_CLOSE));
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      rec.await(2);
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedConnectPostsFdConnectWithWsaeconnrefusedAndNoFdWrite(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(closed, loopback(0), sockaddr_in.SIZE)); // bound, never listening
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_CONNECT | FD_WRITE | FD_CLOSE));
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(localPort(ws, closed)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      rec.await(1);
      assertEquals(List.of(ev(s, FD_CONNECT, WSAECONNREFUSED)), rec.pumpFor(200));
      // FD_CONNECT reported the failure: the next connect is a new attempt, not the old error again
      int[] listener = listener(ws);
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      rec.await(3);
      assertEquals(List.of(ev(s, FD_CONNECT, WSAECONNREFUSED), ev(s, FD_CONNECT), ev(s, FD_WRITE)),
          rec.pumpFor(200));
      return 0;
    });
  }

  @SimWorlds
  void aConnectThatTimesOutPostsFdConnectWithWsaetimedoutWhenTheTimeoutEnds(World world) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().connectTimeout(Duration.ofMillis(700)).build();
    run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_CONNECT | FD_WRITE));
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, new sockaddr_in(htons(7), htonl(0x0A090909)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError()); // 10.9.9.9: nobody has it
      rec.await(1);
      assertEquals(List.of(ev(s, FD_CONNECT, WSAETIMEDOUT)), rec.pumpFor(200));
      if (world.virtualTime()) {
        assertEquals(List.of(start + 700), rec.times());
      }
      return 0;
    });
  }

  @SimWorlds
  void aWholeConnectionToARemotePeerPostsEachEventWhenItHappens(World world) throws Exception {
    SimulatedNetwork net = helloThenCloseServer(); // accepts when the SYN arrives, 20 ms after connect
    run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      byte[] buf = new byte[16];
      int[] got = {0};
      Recorder rec = Recorder.create(user).reacting((socket, event, error) -> {
        if (event == FD_READ) {
          got[0] = ws.recv(socket, buf, buf.length, 0);
        }
      });
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_CONNECT | FD_READ | FD_WRITE | FD_CLOSE));
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, new sockaddr_in(htons(9), htonl(0x0A000002)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      rec.await(4);
      assertEquals(List.of(ev(s, FD_CONNECT), ev(s, FD_WRITE), ev(s, FD_READ), ev(s, FD_CLOSE)), rec.pumpFor(200));
      assertEquals("hello", ascii(buf, got[0]));
      if (world.virtualTime()) { // connected after a round trip; data and FIN one way after they leave
        assertEquals(List.of(start + 40, start + 40, start + 140, start + 240), rec.times());
      }
      return 0;
    });
  }

  // ---- FD_ACCEPT and accepted sockets ----

  @World.AllWorlds
  void aPendingConnectionGivesFdAcceptAtRegistrationAndAcceptReEnablesIt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int l = listener[0];
      Recorder rec = Recorder.create(user);
      for (int i = 0; i < 2; i++) {
        assertEquals(0, ws.connect(ws.socket(AF_INET, SOCK_STREAM, 0), loopback(listener[1]), sockaddr_in.SIZE));
      }
      fd_set read = new fd_set();
      FD_SET(l, read);
      assertEquals(1, ws.select(0, read, null, null, new timeval(5, 0)));
      assertEquals(0, ws.WSAAsyncSelect(l, rec.hwnd, WM_SOCKET, FD_ACCEPT));
      assertEquals(List.of(ev(l, FD_ACCEPT)), rec.pumpFor(200), "once, though two wait");
      assertTrue(ws.accept(l, null, null) != INVALID_SOCKET);
      assertEquals(List.of(ev(l, FD_ACCEPT), ev(l, FD_ACCEPT)), rec.await(2), "the second still waits");
      assertEquals(SOCKET_ERROR, ws.accept(l, new sockaddr_in(), new IntRef(4))); // fails, yet re-enables
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      rec.await(3);
      assertTrue(ws.accept(l, null, null) != INVALID_SOCKET);
      assertEquals(3, rec.pumpFor(200).size(), "none waits now");
      assertEquals(0, ws.connect(ws.socket(AF_INET, SOCK_STREAM, 0), loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(List.of(ev(l, FD_ACCEPT), ev(l, FD_ACCEPT), ev(l, FD_ACCEPT), ev(l, FD_ACCEPT)), rec.await(4));
      return 0;
    });
  }

  @World.AllWorlds
  void anAcceptedSocketInheritsTheListenersEventsAndMessage(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int l = listener[0];
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(l, rec.hwnd, WM_SOCKET2, FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE));
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      rec.await(1);
      int a = ws.accept(l, null, null);
      assertTrue(a != INVALID_SOCKET);
      assertEquals(List.of("2: " + ev(l, FD_ACCEPT), "2: " + ev(a, FD_WRITE)), rec.pumpFor(100));
      assertEquals(SOCKET_ERROR, ws.ioctlsocket(a, FIONBIO, new IntRef(0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError(), "the registration makes it non-blocking too");
      assertEquals(1, ws.send(client, ascii("x"), 1, 0));
      assertEquals(0, ws.closesocket(client));
      rec.await(3);
      byte[] buf = new byte[4];
      assertEquals(1, ws.recv(a, buf, 4, 0));
      rec.await(4);
      assertEquals(0, ws.recv(a, buf, 4, 0));
      assertEquals(List.of("2: " + ev(l, FD_ACCEPT), "2: " + ev(a, FD_WRITE), "2: " + ev(a, FD_READ),
          "2: " + ev(a, FD_CLOSE)), rec.pumpFor(100));
      return 0;
    });
  }

  // ---- FD_CLOSE ----

  @World.AllWorlds
  void aGracefulCloseGivesFdCloseZeroWithoutWaitingForTheDataBeforeItToBeRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(4, ws.send(p[0], ascii("data"), 4, 0));
      assertEquals(0, ws.closesocket(p[0]));
      awaitReadable(ws, rec, p[1], 4);
      rec.await(2);
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE)), rec.pumpFor(200), "the end does not wait");
      byte[] buf = new byte[8];
      assertEquals(4, ws.recv(p[1], buf, 8, 0));
      assertEquals("data", ascii(buf, 4));
      assertEquals(0, ws.recv(p[1], buf, 8, 0));
      assertEquals(List.of(ev(p[1], FD_READ), ev(p[1], FD_CLOSE)), rec.pumpFor(200), "no FD_READ for the end");
      return 0;
    });
  }

  @World.AllWorlds
  void aResetGivesFdCloseWithWsaeconnreset(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_WRITE | FD_CLOSE));
      rec.await(1);
      assertEquals(0, ws.setsockopt(p[0], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(p[0]));
      rec.await(2);
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[4], 4, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      assertEquals(List.of(ev(p[1], FD_WRITE), ev(p[1], FD_CLOSE, WSAECONNRESET)), rec.pumpFor(200));
      return 0;
    });
  }

  @World.AllWorlds
  void closingYourOwnSocketPostsNoFdClose(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int[] q = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(0, ws.WSAAsyncSelect(q[1], rec.hwnd, WM_SOCKET, FD_READ | FD_CLOSE));
      assertEquals(0, ws.closesocket(p[1])); // graceful
      assertEquals(0, ws.setsockopt(q[1], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(q[1])); // abortive
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(0, ws.closesocket(q[0]));
      assertEquals(List.of(), rec.pumpFor(300));
      return 0;
    });
  }
}
