package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimConnectTest.HOOK;
import static org.wsemu.sim.SimRuns.at;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.recvExactly;
import static org.wsemu.sim.SimRuns.sendAll;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.sim.SimRuns.stream;
import static org.wsemu.sim.SimRuns.twoHosts;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.sockaddr_in;

/** Faults set up by name or drawn from the seed, and where they show in the trace. */
@Timeout(20)
class SimFaultsTest {
  private static final Duration LATENCY = Duration.ofMillis(20);

  private static List<String> faults(TraceRecorder trace) {
    return trace.events(e -> e.kind() == TraceKind.FAULT).stream().map(TraceEvent::name).toList();
  }

  @Test
  void aResetAfterNBytesLetsThoseBytesThroughThenResetsBothEnds() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.resetAfter("server", 80, 500);
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = SimRuns.emulator(net, trace).build()) {
      var ws = emu.winsock();
      int[] serverSaw = new int[2];
      Task server = emu.createTask("server", net.onHost("server", () -> {
        startup(ws);
        int l = stream(ws);
        assertEquals(0, ws.bind(l, at("0.0.0.0", 80), sockaddr_in.SIZE));
        assertEquals(0, ws.listen(l, 5));
        int s = ws.accept(l, null, null);
        serverSaw[0] = recvExactly(ws, s, 300).length;
        sendAll(ws, s, new byte[100]); // 400 bytes so far
        serverSaw[1] = ws.recv(s, new byte[1000], 1000, 0) == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
        ws.closesocket(s);
        return ws.closesocket(l);
      }));
      Task client = emu.createTask("client", () -> {
        startup(ws);
        int s = connected(ws, "10.0.0.2", 80);
        sendAll(ws, s, new byte[300]);
        assertEquals(100, recvExactly(ws, s, 100).length);
        sendAll(ws, s, new byte[300]); // 100 of these get through, then the connection is reset
        assertEquals(SOCKET_ERROR, ws.recv(s, new byte[10], 10, 0));
        assertEquals(WSAECONNRESET, ws.WSAGetLastError());
        return ws.closesocket(s);
      });
      emu.start();
      assertEquals(0, Emus.join(client));
      assertEquals(0, Emus.join(server));
      assertEquals(300, serverSaw[0]);
      assertEquals(WSAECONNRESET, serverSaw[1]); // the last 100 bytes arrived, unread, and went with the reset
    }
    assertEquals(List.of("reset-after", "reset"), faults(trace));
  }

  @Test
  void aPeerCloseFaultEndsTheStreamForTheOtherSide() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.silent());
    net.after(Duration.ofMillis(200), () -> net.closeConnections("server", 9));
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      assertEquals(0, ws.recv(s, new byte[10], 10, 0));
      assertEquals(220 + HOOK, user.GetTickCount()); // the FIN left at 200
      return ws.closesocket(s);
    });
    assertEquals(List.of("peer-close"), faults(trace));
  }

  @Test
  void aSlowReaderFaultMakesABlockingSendWait() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.discard());
    net.slowReader("server", 9, 1000);
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      int start = user.GetTickCount();
      sendAll(ws, s, new byte[20000]);
      // 16384 bytes fit at once; 3616 more need as many to be taken in at 1000 bytes per second
      int elapsed = user.GetTickCount() - start;
      assertTrue(elapsed >= 3616 && elapsed < 3616 + 1460 + 100, "elapsed " + elapsed);
      return ws.closesocket(s);
    });
  }

  @Test
  void drawnFaultsAreTracedWhereTheyAreDrawnAndFollowTheSeed() throws Exception {
    List<String> first = drawnFaultRun(5);
    assertEquals(first, drawnFaultRun(5));
    assertTrue(first.contains("refuse") && first.contains("reset-after"), first.toString());
  }

  /** Ten connection attempts to an echo peer under drawn faults; what each one saw, then the faults. */
  private static List<String> drawnFaultRun(long seed) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(seed).host("client", "10.0.0.1")
        .host("server", "10.0.0.2").link(Link.latency(LATENCY))
        .randomFaults(RandomFaults.NONE.withRefuse(0.3).withReset(0.5, 10, 100)).build();
    net.listen("server", 7, Peers.echo());
    TraceRecorder trace = new TraceRecorder();
    List<String> outcomes = new ArrayList<>();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      for (int i = 0; i < 10; i++) {
        int s = stream(ws);
        if (ws.connect(s, at("10.0.0.2", 7), sockaddr_in.SIZE) == SOCKET_ERROR) {
          assertEquals(WSAECONNREFUSED, ws.WSAGetLastError());
          outcomes.add("refused");
        } else {
          sendAll(ws, s, new byte[200]);
          int got = 0;
          int r;
          while (got < 200 && (r = ws.recv(s, new byte[200], 200 - got, 0)) > 0) {
            got += r;
          }
          outcomes.add(got == 200 ? "echoed" : "reset after " + got);
        }
        ws.closesocket(s);
      }
      return 0;
    });
    outcomes.addAll(faults(trace));
    return outcomes;
  }
}
