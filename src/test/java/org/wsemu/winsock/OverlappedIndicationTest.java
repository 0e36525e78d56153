package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.OverlappedTransferTest.await;
import static org.wsemu.winsock.OverlappedTransferTest.pattern;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/** How completions are indicated: the event, the routine in an alertable wait, their order, the checked mode. */
@Timeout(30)
class OverlappedIndicationTest {

  private static WSABUF[] one(byte[] buf) {
    return new WSABUF[] {new WSABUF(buf.length, buf)};
  }

  @World.AllWorlds
  void theStartingCallResetsTheEventWhichCompletionSignalsAndWaitingLeavesSignalled(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int event = ws.WSACreateEvent();
      assertTrue(ws.WSASetEvent(event));
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      byte[] buf = new byte[8];
      assertFails(ws, WSA_IO_PENDING, ws.WSARecv(p[1], one(buf), 1, new IntRef(-1), new IntRef(0), ov, null));
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 0, false),
          "reset by WSARecv");
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, 0));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 5000, false));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 0, false),
          "manual-reset: still signalled");
      IntRef cb = new IntRef(-1);
      assertTrue(ws.WSAGetOverlappedResult(p[1], ov, cb, false, new IntRef(-1)), "complete once signalled");
      assertEquals(3, cb.value);
      assertEquals(0, ov.Internal);
      assertEquals(3, ov.InternalHigh);
      assertTrue(ws.WSACloseEvent(event));
      return 0;
    });
  }

  @World.AllWorlds
  void theOperationIsCompleteForWsaGetOverlappedResultBeforeItsEventIsSignalled(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int event = ws.WSACreateEvent();
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      assertFails(ws, WSA_IO_PENDING, ws.WSARecv(p[1], one(new byte[8]), 1, new IntRef(-1), new IntRef(0), ov, null));
      List<Boolean> completeWhenSignalled = new java.util.concurrent.CopyOnWriteArrayList<>();
      EventTestSupport.core(ws).events.get(event).addWaiter(() -> completeWhenSignalled.add(ov.operation.done));
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 5000, false));
      assertEquals(List.of(true), completeWhenSignalled, "a task woken by the event finds the result ready");
      return 0;
    });
  }

  @World.AllWorlds
  void aRoutineRunsOnlyInAnAlertableWaitAndLeavesHEventAlone(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int event = ws.WSACreateEvent();
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      List<String> calls = new ArrayList<>();
      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine = (error, n, lp, flags) -> {
        assertSame(ov, lp);
        calls.add(error + "/" + n + "/" + flags);
      };
      byte[] buf = new byte[8];
      assertFails(ws, WSA_IO_PENDING, ws.WSARecv(p[1], one(buf), 1, new IntRef(-1), new IntRef(0), ov, routine));
      assertEquals(4, ws.send(p[0], ascii("data"), 4, 0));
      IntRef cb = new IntRef(-1);
      assertTrue(ws.WSAGetOverlappedResult(p[1], ov, cb, true, new IntRef(-1)), "fWait waits for the completion");
      assertEquals(4, cb.value);
      assertEquals(List.of(), calls, "not an alertable wait");
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 0, false),
          "with a routine hEvent is not signalled (and the non-alertable wait ran no routine)");
      assertEquals(List.of(), calls);
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(INFINITE, true));
      assertEquals(List.of("0/4/0"), calls);
      assertEquals("data", ascii(buf, 4));
      assertEquals(4, ws.send(p[0], ascii("more"), 4, 0));
      awaitReadable(ws, p[1]);
      IntRef n = new IntRef(-1);
      assertEquals(0, ws.WSARecv(p[1], one(buf), 1, n, new IntRef(0), ov, routine), "completes at once");
      assertEquals(4, n.value);
      assertEquals(1, calls.size(), "queued, not run");
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(0, true));
      assertEquals(List.of("0/4/0", "0/4/0"), calls);
      return 0;
    });
  }

  /** Three receives of 4 bytes posted, 12 bytes arriving at once: the order their routines run in. */
  private static List<Integer> routineOrder(long seed, byte[][] bufs) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(seed).build();
    List<Integer> order = new ArrayList<>();
    Emus.run(World.WIN16_SIM.builder(net), (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      for (int i = 0; i < 3; i++) {
        int index = i;
        assertFails(ws, WSA_IO_PENDING, ws.WSARecv(p[1], one(bufs[i]), 1, new IntRef(-1), new IntRef(0),
            new WSAOVERLAPPED(), (error, n, ov, flags) -> order.add(index)));
      }
      assertEquals(12, ws.send(p[0], ascii("abcdefghijkl"), 12, 0));
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(INFINITE, true));
      return 0;
    });
    return order;
  }

  @Test
  void onTheSimulatedNetworkTheSeedDrawsTheOrderOfCompletionsButBuffersFillInPostedOrder() throws Exception {
    for (long seed : new long[] {0, 2}) {
      byte[][] bufs = {new byte[4], new byte[4], new byte[4]};
      List<Integer> order = routineOrder(seed, bufs);
      assertEquals(seed == 0 ? List.of(0, 1, 2) : List.of(2, 0, 1), order, "seed " + seed);
      assertEquals("abcd", ascii(bufs[0], 4));
      assertEquals("efgh", ascii(bufs[1], 4));
      assertEquals("ijkl", ascii(bufs[2], 4));
      assertEquals(order, routineOrder(seed, new byte[][] {new byte[4], new byte[4], new byte[4]}),
          "the same seed, the same order");
    }
  }

  @World.SimWorlds
  void aSendBufferChangedBeforeItsCompletionIsACheckedModeWarning(World world) throws Exception {
    for (boolean change : new boolean[] {false, true}) {
      TraceRecorder trace = changedSendBuffer(world, change, false);
      long warnings = trace.events(e -> e.kind() == TraceKind.NOTE && e.name().equals("checked-mode-warning")).size();
      assertEquals(change ? 1 : 0, warnings, "changed: " + change);
      assertEquals(List.of(), trace.events(e -> e.kind() == TraceKind.VIOLATION));
    }
  }

  @World.SimWorlds
  void inCheckedModeTheChangedSendBufferIsTheViolationBufferModified(World world) throws Exception {
    for (boolean change : new boolean[] {false, true}) {
      TraceRecorder trace = changedSendBuffer(world, change, true);
      assertEquals(List.of(), trace.events(e -> e.kind() == TraceKind.NOTE && e.name().equals("checked-mode-warning")));
      List<String> violations = new ArrayList<>();
      for (var e : trace.events(e -> e.kind() == TraceKind.VIOLATION && e.name().equals("buffer-modified"))) {
        String line = org.wsemu.trace.TraceFormat.line(e);
        violations.add(line.substring(line.indexOf(" VIOLATION ") + 1));
      }
      int server = (Integer) trace.events(e -> e.kind() == TraceKind.CALL && e.name().equals("WSASend")).get(0).field("s");
      assertEquals(change ? List.of("VIOLATION buffer-modified function=WSASend s=" + server
          + " rule=a buffer handed to an overlapped send must not change before the send completes") : List.of(),
          violations, "changed: " + change);
    }
  }

  /** A 1 MiB overlapped send whose buffer the program changes ({@code change}) before its completion. */
  private static TraceRecorder changedSendBuffer(World world, boolean change, boolean checked) throws Exception {
    {
      TraceRecorder trace = new TraceRecorder();
      byte[] data = pattern(1 << 20, 5);
      Emus.run(world.builder().checked(checked).traceSink(trace), (emu, ws, user) -> {
        startup(ws, 0x0202);
        int[] listener = listener(ws);
        emu.createTask("reader", () -> {
          startup(ws, 0x0202);
          int s = ws.socket(AF_INET, SOCK_STREAM, 0);
          assertEquals(0, ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE));
          byte[] buf = new byte[65536];
          while (ws.recv(s, buf, buf.length, 0) > 0) {
            // drain
          }
          ws.closesocket(s);
          return 0;
        });
        int server = ws.accept(listener[0], null, null);
        WSAOVERLAPPED ov = new WSAOVERLAPPED();
        assertFails(ws, WSA_IO_PENDING, ws.WSASend(server, one(data), 1, new IntRef(-1), 0, ov, null));
        if (change) {
          data[data.length - 1]++; // the program must not touch it before the completion
        }
        assertEquals(data.length, await(ws, server, ov));
        assertEquals(0, ws.shutdown(server, 1));
        assertEquals(0, ws.recv(server, new byte[1], 1, 0));
        return 0;
      });
      return trace;
    }
  }

  @World.AllWorlds
  void anOverlappedCallTracesItsCallAndItsCompletion(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    Emus.run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int event = ws.WSACreateEvent();
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      assertFails(ws, WSA_IO_PENDING, ws.WSARecv(p[1], one(new byte[8]), 1, new IntRef(-1), new IntRef(0), ov, null));
      assertEquals(2, ws.send(p[0], ascii("hi"), 2, 0));
      assertEquals(2, await(ws, p[1], ov));
      return 0;
    });
    List<String> events = trace.events(e -> e.name().equals("WSARecv")).stream()
        .map(e -> e.kind() + (e.kind() == TraceKind.CALL ? " ret=" + e.field("ret") + " error=" + e.field("error")
            : " bytes=" + e.field("bytes") + " error=" + e.field("error") + " via=" + e.field("via"))).toList();
    assertEquals(List.of("CALL ret=-1 error=WSA_IO_PENDING", "COMPLETION bytes=2 error=0 via=event 1"), events);
    assertFalse(trace.events(e -> e.kind() == TraceKind.NOTE).stream().anyMatch(e -> e.name().startsWith("checked")));
  }
}
