package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimConnectTest.HOOK;
import static org.wsemu.sim.SimRuns.ascii;
import static org.wsemu.sim.SimRuns.at;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.recvExactly;
import static org.wsemu.sim.SimRuns.sendAll;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.sim.SimRuns.stream;
import static org.wsemu.sim.SimRuns.twoHosts;
import static org.wsemu.winsock.WinSock.FD_ISSET;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.FIONBIO;
import static org.wsemu.winsock.WinSock.MSG_OOB;
import static org.wsemu.winsock.WinSock.SIOCATMARK;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOL_SOCKET;
import static org.wsemu.winsock.WinSock.SO_LINGER;
import static org.wsemu.winsock.WinSock.SO_OOBINLINE;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;
import static org.wsemu.winsock.WinSock.WSAEINVAL;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.linger;
import org.wsemu.winsock.sockaddr_in;
import org.wsemu.winsock.timeval;

/** Urgent data and the ways a connection ends, on the simulated network (which, unlike the JDK, holds urgent data apart). */
@Timeout(20)
class SimUrgentAndCloseTest {

  /** {client, server side} of a loopback connection made in one task. */
  private static int[] pair(WinsockApi ws) {
    int listener = stream(ws);
    assertEquals(0, ws.bind(listener, at("127.0.0.1", 5000), sockaddr_in.SIZE));
    assertEquals(0, ws.listen(listener, 5));
    int client = connected(ws, "127.0.0.1", 5000);
    int server = ws.accept(listener, null, null);
    assertEquals(0, ws.closesocket(listener));
    return new int[] {client, server};
  }

  /** Waits (select) until {@code s} has urgent data; returns select's count. */
  private static int awaitExcept(WinsockApi ws, int s) {
    fd_set except = new fd_set();
    FD_SET(s, except);
    int n = ws.select(0, null, null, except, new timeval(5, 0));
    assertTrue(FD_ISSET(s, except), "urgent data expected");
    return n;
  }

  private static int atMark(WinsockApi ws, int s) {
    IntRef mark = new IntRef(-1);
    assertEquals(0, ws.ioctlsocket(s, SIOCATMARK, mark));
    return mark.value;
  }

  @Test
  void urgentDataWaitsApartUntilRecvWithMsgOob() throws Exception {
    SimRuns.run(SimulatedNetwork.builder().build(), new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      sendAll(ws, pair[0], ascii("ab"));
      assertEquals(1, ws.send(pair[0], ascii("X"), 1, MSG_OOB));
      sendAll(ws, pair[0], ascii("cd"));
      assertEquals(1, awaitExcept(ws, pair[1]));
      assertEquals(0, atMark(ws, pair[1])); // FALSE: urgent data waits
      byte[] one = new byte[1];
      assertEquals(1, ws.recv(pair[1], one, 1, MSG_OOB));
      assertEquals("X", ascii(one));
      assertEquals(1, atMark(ws, pair[1]));
      assertEquals("abcd", ascii(recvExactly(ws, pair[1], 4)));
      ws.closesocket(pair[0]);
      return ws.closesocket(pair[1]);
    });
  }

  @Test
  void withOobInlineTheUrgentByteStaysInTheStreamAndAReadStopsAtTheMark() throws Exception {
    SimRuns.run(SimulatedNetwork.builder().build(), new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(0, ws.setsockopt(pair[1], SOL_SOCKET, SO_OOBINLINE, new IntRef(1), 4));
      sendAll(ws, pair[0], ascii("ab"));
      assertEquals(1, ws.send(pair[0], ascii("X"), 1, MSG_OOB));
      sendAll(ws, pair[0], ascii("cd"));
      byte[] buffer = new byte[10];
      assertEquals(2, ws.recv(pair[1], buffer, buffer.length, 0));
      assertEquals("ab", ascii(java.util.Arrays.copyOf(buffer, 2)));
      assertEquals(0, atMark(ws, pair[1])); // the next byte is the urgent one: it still waits
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], buffer, 1, MSG_OOB));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals("Xcd", ascii(recvExactly(ws, pair[1], 3)));
      assertEquals(1, atMark(ws, pair[1]));
      ws.closesocket(pair[0]);
      return ws.closesocket(pair[1]);
    });
  }

  @Test
  void aBlockingRecvWithMsgOobWaitsForUrgentDataNotForTheStream() throws Exception {
    SimulatedNetwork net = twoHosts(Duration.ofMillis(20)).build();
    net.listen("server", 9, connection -> {
      connection.send(ascii("plain"));
      return () -> { };
    });
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      assertEquals("plain", ascii(recvExactly(ws, s, 5)));
      fd_set except = new fd_set();
      FD_SET(s, except);
      assertEquals(0, ws.select(0, null, null, except, new timeval(1, 0))); // no urgent data: times out
      return ws.closesocket(s);
    });
  }

  @Test
  void lingerWithTimeZeroResetsThePeer() throws Exception {
    SimRuns.run(SimulatedNetwork.builder().build(), new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(0, ws.setsockopt(pair[0], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(pair[0]));
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], new byte[4], 4, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      return ws.closesocket(pair[1]);
    });
  }

  @Test
  void aLingeringCloseWaitsUntilTheDataHasReachedThePeer() throws Exception {
    SimulatedNetwork net = twoHosts(Duration.ofMillis(20)).build();
    net.listen("server", 9, Peers.discard());
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      sendAll(ws, s, new byte[3000]); // in the buffers and on the way when send returns
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 10), linger.SIZE));
      int start = user.GetTickCount();
      assertEquals(0, ws.closesocket(s));
      assertEquals(20 + HOOK, user.GetTickCount() - start); // one way: the data arrived
      return 0;
    });
    assertEquals(1, trace.events(e -> e.kind() == TraceKind.BLOCK && e.name().equals("closesocket")).size());
    assertEquals(0, trace.events(e -> e.kind() == TraceKind.NET && e.name().equals("rst")).size());
  }

  @Test
  void aLingeringCloseWithNothingToSendReturnsAtOnce() throws Exception {
    SimulatedNetwork net = twoHosts(Duration.ofMillis(20)).build();
    net.listen("server", 9, Peers.silent()); // never reads, never closes
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 10), linger.SIZE));
      int start = user.GetTickCount();
      assertEquals(0, ws.closesocket(s));
      assertEquals(0, user.GetTickCount() - start);
      return 0;
    });
    assertEquals(0, trace.events(e -> e.kind() == TraceKind.BLOCK && e.name().equals("closesocket")).size());
  }

  @Test
  void aLingeringCloseResetsWhenTheLingerTimeRunsOut() throws Exception {
    SimulatedNetwork net = twoHosts(Duration.ofMillis(20)).build();
    net.listen("server", 9, Peers.silent()); // its window fills and stays full
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      while (ws.send(s, new byte[4096], 4096, 0) > 0) {
        // fill the window and the send buffer
      }
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(0)));
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 2), linger.SIZE));
      int start = user.GetTickCount();
      assertEquals(0, ws.closesocket(s));
      assertEquals(2000 + HOOK, user.GetTickCount() - start);
      return 0;
    });
    assertEquals(1, trace.events(e -> e.kind() == TraceKind.NET && e.name().equals("rst")).size());
  }

  @Test
  void closingWithUnreadDataResetsInsteadOfClosingGracefully() throws Exception {
    SimRuns.run(SimulatedNetwork.builder().build(), new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      sendAll(ws, pair[0], ascii("unread"));
      fd_set read = new fd_set();
      FD_SET(pair[1], read);
      assertEquals(1, ws.select(0, read, null, null, new timeval(5, 0)));
      assertEquals(0, ws.closesocket(pair[1]));
      assertEquals(SOCKET_ERROR, ws.recv(pair[0], new byte[4], 4, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      return ws.closesocket(pair[0]);
    });
  }
}
