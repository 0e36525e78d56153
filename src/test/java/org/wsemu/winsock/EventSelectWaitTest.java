package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.FD_CLOSE_BIT;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_EVENT_0;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_TIMEOUT;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * WSAEventSelect with WSAWaitForMultipleEvents, the way programs use it: a task parked in the wait
 * wakes when a network event is recorded; each recording is a trace event; in Win16 mode on the
 * simulated network the whole run, times included, repeats exactly.
 */
@Timeout(30)
class EventSelectWaitTest {

  @World.AllWorlds
  void aTaskWaitingForTheEventWakesWhenDataIsRecorded(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int h = ws.WSACreateEvent();
      assertEquals(0, ws.WSAEventSelect(p[1], h, FD_READ | FD_CLOSE));
      int[] events = {h};
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(1, events, false, 50, false));
      assertEquals(4, ws.send(p[0], ascii("data"), 4, 0));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, events, false, 5000, false));
      WSANETWORKEVENTS recorded = new WSANETWORKEVENTS();
      assertEquals(0, ws.WSAEnumNetworkEvents(p[1], h, recorded));
      assertEquals(FD_READ, recorded.lNetworkEvents);
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(1, events, false, 100, false), "reset");
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, events, false, 5000, false));
      assertEquals(0, ws.WSAEnumNetworkEvents(p[1], h, recorded));
      assertEquals(FD_CLOSE, recorded.lNetworkEvents);
      assertEquals(0, recorded.iErrorCode[FD_CLOSE_BIT]);
      assertEquals(4, ws.recv(p[1], new byte[8], 8, 0));
      assertEquals(0, ws.closesocket(p[1]));
      assertEquals(true, ws.WSACloseEvent(h), "closing the socket leaves the event open");
      return 0;
    });
  }

  @Test
  void inWin16ModeOnTheSimulatedNetworkTheRunAndItsTraceRepeatExactly() throws Exception {
    List<String> first = scripted();
    assertEquals(first, scripted());
    List<String> records = first.stream().filter(line -> line.contains(" record ")).toList();
    assertEquals(3, records.size(), String.join("\n", first));
    assertTrue(records.get(0).endsWith("event=FD_WRITE error=0 hEvent=1"), records.get(0));
    assertTrue(records.get(1).endsWith("event=FD_READ error=0 hEvent=1"), records.get(1));
    assertTrue(records.get(2).endsWith("event=FD_CLOSE error=0 hEvent=1"), records.get(2));
  }

  /**
   * A client of a server 20 ms away that sends "hello" 100 ms after accepting and closes 100 ms
   * later: the blocking connect returns at 41 ms, the data is recorded at 140 ms, the close at 240 ms.
   */
  private static List<String> scripted() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    SimulatedNetwork net = AsyncSelectTestSupport.helloThenCloseServer();
    List<String> waits = new ArrayList<>();
    run(World.WIN16_SIM.builder(net).traceSink(trace), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      int t0 = user.GetTickCount();
      assertEquals(0, ws.connect(s, new sockaddr_in(htons(9), inet_addr("10.0.0.2")), sockaddr_in.SIZE));
      int h = ws.WSACreateEvent();
      assertEquals(0, ws.WSAEventSelect(s, h, FD_READ | FD_WRITE | FD_CLOSE));
      WSANETWORKEVENTS recorded = new WSANETWORKEVENTS();
      int seen = 0;
      while ((seen & FD_CLOSE) == 0) {
        assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {h}, false, 1000, false));
        assertEquals(0, ws.WSAEnumNetworkEvents(s, h, recorded));
        waits.add(WinsockNames.networkEvents(recorded.lNetworkEvents) + " at " + (user.GetTickCount() - t0));
        seen |= recorded.lNetworkEvents;
      }
      return 0;
    });
    assertEquals(List.of("FD_WRITE at 41", "FD_READ at 140", "FD_CLOSE at 240"), waits);
    List<String> lines = new ArrayList<>();
    for (TraceEvent event : trace.events(e -> e.kind() == TraceKind.CALL || e.kind() == TraceKind.ASYNC
        || e.kind() == TraceKind.CLOCK)) {
      lines.add(event.toString());
    }
    return lines;
  }
}
