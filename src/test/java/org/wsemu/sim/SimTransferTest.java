package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimConnectTest.HOOK;
import static org.wsemu.sim.SimRuns.ascii;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.pattern;
import static org.wsemu.sim.SimRuns.recvExactly;
import static org.wsemu.sim.SimRuns.sendAll;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.sim.SimRuns.twoHosts;
import static org.wsemu.winsock.WinSock.FIONBIO;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOL_SOCKET;
import static org.wsemu.winsock.WinSock.SO_SNDBUF;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.IntRef;

/** TCP data on the simulated network, in virtual time: windows, closes, resets, long transfers. */
@Timeout(30)
class SimTransferTest {
  private static final Duration LATENCY = Duration.ofMillis(20);

  /** Sends non-blocking 4 KiB at a time until "would block"; returns what went. */
  private static int fill(org.wsemu.winsock.WinsockApi ws, int s) {
    assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
    byte[] chunk = new byte[4096];
    int total = 0;
    for (;;) {
      int n = ws.send(s, chunk, chunk.length, 0);
      if (n == SOCKET_ERROR) {
        assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
        return total;
      }
      total += n;
    }
  }

  @Test
  void aSendThatCannotWaitTakesTheSendBufferPlusThePeersWindowThenWouldBlock() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.silent());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      assertEquals(8192 + 8192, fill(ws, s)); // SO_SNDBUF and the silent peer's SO_RCVBUF, 8 KiB each
      int small = connected(ws, "10.0.0.2", 9);
      assertEquals(0, ws.setsockopt(small, SOL_SOCKET, SO_SNDBUF, new IntRef(1000), 4));
      assertEquals(1000 + 8192, fill(ws, small));
      ws.closesocket(small);
      return ws.closesocket(s);
    });
  }

  @Test
  void aBlockingSendWaitsWhileThePeersWindowIsFull() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.slowReader(1000)); // 100 bytes every 100 ms
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      int start = user.GetTickCount();
      sendAll(ws, s, new byte[20000]);
      // 16384 bytes fit at once (send buffer and window); the other 3616 need the reader to take
      // 37 slices of 100, the first 100 ms after the first data arrived (20 ms after the send)
      assertEquals(20 + 37 * 100 + HOOK, user.GetTickCount() - start);
      return ws.closesocket(s);
    });
    assertEquals(1, trace.events(e -> e.kind() == TraceKind.BLOCK && e.name().equals("send")).size());
  }

  @Test
  void afterThePeersGracefulCloseRecvReturnsZeroEveryTime() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.closeAfter(Duration.ofMillis(100)));
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      int start = user.GetTickCount(); // 40 + HOOK
      byte[] buffer = new byte[10];
      assertEquals(0, ws.recv(s, buffer, buffer.length, 0));
      // accepted at 20, closed at 120, its FIN here at 140
      assertEquals((140 + HOOK) - (40 + HOOK), user.GetTickCount() - start);
      assertEquals(0, ws.recv(s, buffer, buffer.length, 0));
      return ws.closesocket(s);
    });
  }

  @Test
  void aPeerThatResetsMakesRecvAndSendFailWithConnReset() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.resetAfter(5));
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      sendAll(ws, s, ascii("hello world"));
      byte[] buffer = new byte[10];
      assertEquals(SOCKET_ERROR, ws.recv(s, buffer, buffer.length, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.send(s, buffer, buffer.length, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      return ws.closesocket(s);
    });
  }

  @Test
  void shuttingDownSendingLetsTheEchoPeerFinishThenRecvReturnsZero() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 7, Peers.echo());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 7);
      sendAll(ws, s, ascii("abc"));
      assertEquals(0, ws.shutdown(s, 1));
      assertEquals("abc", ascii(recvExactly(ws, s, 3)));
      assertEquals(0, ws.recv(s, new byte[4], 4, 0));
      return ws.closesocket(s);
    });
  }

  @Test
  void dataKeepsItsOrderThroughJitter() throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(3).host("client", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(Duration.ofMillis(10)).withJitter(Duration.ofMillis(30))).build();
    net.listen("server", 7, Peers.echo());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 7);
      byte[] data = pattern(50_000);
      byte[] back = new byte[data.length];
      int sent = 0;
      int got = 0;
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      while (got < data.length) { // send and receive at once: the echo's window is 8 KiB
        if (sent < data.length) {
          int n = ws.send(s, data, sent, data.length - sent, 0);
          sent += n > 0 ? n : 0;
        }
        int r = ws.recv(s, back, got, back.length - got, 0);
        if (r > 0) {
          got += r;
        } else {
          assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
          user.Yield();
        }
      }
      assertArrayEquals(data, back);
      return ws.closesocket(s);
    });
  }

  @Test
  void aTransferOfTenSimulatedMinutesFinishesInVirtualTime() throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().host("client", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(Duration.ofMillis(50)).withBandwidth(10_000)).build();
    net.listen("server", 9, Peers.discard());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      int start = user.GetTickCount();
      sendAll(ws, s, new byte[6_000_000]);
      int elapsed = user.GetTickCount() - start;
      // 6 MB at 10 kB/s, less what still waits in the buffers when send returns
      assertTrue(elapsed >= (6_000_000 - 16384) / 10, "elapsed " + elapsed);
      return ws.closesocket(s);
    });
  }

  @Test
  void daytimeTellsTheVirtualTimeAndCloses() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 13, Peers.daytime());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 13);
      String expected = "Thursday, January 1, 1970 00:00:00-UTC\r\n";
      assertEquals(expected, ascii(recvExactly(ws, s, expected.length())));
      assertEquals(0, ws.recv(s, new byte[1], 1, 0));
      return ws.closesocket(s);
    });
  }

  @Test
  void chargenSendsTheRotatingPattern() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 19, Peers.chargen());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 19);
      byte[] lines = recvExactly(ws, s, 148);
      assertEquals(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefg\r\n"
          + "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefgh\r\n", ascii(lines));
      return ws.closesocket(s);
    });
  }
}
