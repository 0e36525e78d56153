package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.sim.SimConnectTest.HOOK;
import static org.wsemu.sim.SimRuns.ascii;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.sim.SimRuns.twoHosts;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;
import static org.wsemu.winsock.WinSock.WSAEINTR;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * Cases that are races on real sockets and exact here, in virtual time: a reset during a blocking
 * recv, data arriving between two hook calls, a cancel racing a completion.
 */
@Timeout(20)
class SimRacesTest {
  private static final Duration LATENCY = Duration.ofMillis(20);

  /** A peer that sends "first" 120 ms and "second" 300 ms after accepting (it accepts at 20). */
  private static Peer twoMessages() {
    return connection -> {
      connection.after(Duration.ofMillis(120), () -> connection.send(ascii("first")));
      connection.after(Duration.ofMillis(300), () -> connection.send(ascii("second")));
      return () -> { };
    };
  }

  @Test
  void aResetDuringABlockingRecvEndsItWithConnResetWhenItHappens() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, Peers.silent());
    net.after(Duration.ofMillis(100), () -> net.resetConnections("server", 9));
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 9);
      assertEquals(SOCKET_ERROR, ws.recv(s, new byte[4], 4, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      assertEquals(100 + HOOK, user.GetTickCount());
      return ws.closesocket(s);
    });
    List<TraceEvent> faults = trace.events(e -> e.kind() == TraceKind.FAULT);
    assertEquals(1, faults.size());
    assertEquals(100, faults.get(0).time());
  }

  @Test
  void dataThatArrivesBetweenTwoHookCallsIsTakenAfterTheSecond() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, twoMessages());
    List<Integer> hookTimes = new ArrayList<>();
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      ws.WSASetBlockingHook(() -> {
        hookTimes.add(user.GetTickCount());
        return false; // nothing to do: no yield, so time moves only with events
      });
      int s = connected(ws, "10.0.0.2", 9);
      hookTimes.clear();
      byte[] buffer = new byte[16];
      assertEquals(5, ws.recv(s, buffer, buffer.length, 0));
      assertEquals(160, user.GetTickCount());
      // the hook runs on entry, then every 50 ms (the re-poll interval), then when the data is there
      assertEquals(List.of(40, 90, 140, 160), hookTimes);
      return ws.closesocket(s);
    });
  }

  @Test
  void whenTheCancelAndTheDataComeInTheSameTurnTheCompletionWins() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, twoMessages());
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int[] cancels = new int[1];
      ws.WSASetBlockingHook(() -> {
        if (user.GetTickCount() == 160 && cancels[0] == 0) { // "first" is already there
          cancels[0]++;
          assertEquals(0, ws.WSACancelBlockingCall());
        }
        return false;
      });
      int s = connected(ws, "10.0.0.2", 9);
      byte[] buffer = new byte[16];
      assertEquals(5, ws.recv(s, buffer, buffer.length, 0)); // the operation completed: no WSAEINTR
      assertEquals("first", ascii(java.util.Arrays.copyOf(buffer, 5)));
      assertEquals(1, cancels[0]);
      assertEquals(6, ws.recv(s, buffer, buffer.length, 0)); // the cancel does not outlive its call
      assertEquals(340, user.GetTickCount());
      return ws.closesocket(s);
    });
    List<TraceEvent> unblocks = trace.events(e -> e.kind() == TraceKind.UNBLOCK && e.name().equals("recv"));
    assertEquals(true, unblocks.get(0).fields().get("cancelled"));
    assertEquals(5, unblocks.get(0).fields().get("ret"));
    assertEquals(false, unblocks.get(1).fields().get("cancelled"));
  }

  @Test
  void aCancelJustBeforeTheDataFailsWithIntrAndConsumesNothing() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 9, twoMessages());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      boolean[] cancelled = new boolean[1];
      ws.WSASetBlockingHook(() -> {
        if (user.GetTickCount() == 140 && !cancelled[0]) { // "first" arrives at 160
          cancelled[0] = true;
          assertEquals(0, ws.WSACancelBlockingCall());
        }
        return false;
      });
      int s = connected(ws, "10.0.0.2", 9);
      byte[] buffer = new byte[16];
      assertEquals(SOCKET_ERROR, ws.recv(s, buffer, buffer.length, 0));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      assertEquals(140, user.GetTickCount());
      assertEquals(5, ws.recv(s, buffer, buffer.length, 0));
      assertEquals("first", ascii(java.util.Arrays.copyOf(buffer, 5)));
      assertEquals(160, user.GetTickCount());
      return ws.closesocket(s);
    });
  }
}
