package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.EventTestSupport.assertFalse;
import static org.wsemu.winsock.EventTestSupport.assertWaitFails;
import static org.wsemu.winsock.EventTestSupport.create;
import static org.wsemu.winsock.EventTestSupport.poll;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * WSACreateEvent, WSASetEvent, WSAResetEvent and WSACloseEvent: manual-reset events, handles that
 * are not open, the WSANOTINITIALISED and WSAEINPROGRESS gates, the trace.
 */
@Timeout(20)
class EventObjectTest {

  @World.AllWorlds
  void anEventIsManualResetAndStartsNotSignalled(World world) throws Exception {
    List<Object> seen = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 2);
      seen.add(e[0] != e[1]);
      seen.add(poll(ws, false, e[0]));
      seen.add(ws.WSASetEvent(e[0]));
      seen.add(poll(ws, false, e[0]));
      seen.add(poll(ws, false, e[0])); // a wait does not reset it
      seen.add(ws.WSASetEvent(e[0])); // already signalled
      seen.add(ws.WSAResetEvent(e[0]));
      seen.add(poll(ws, false, e[0]));
      seen.add(ws.WSAResetEvent(e[0])); // already not signalled
      seen.add(ws.WSACloseEvent(e[0]));
      seen.add(ws.WSACloseEvent(e[1]));
      return 0;
    });
    assertEquals(List.of(true, WSA_WAIT_TIMEOUT, true, WSA_WAIT_EVENT_0, WSA_WAIT_EVENT_0, true, true,
        WSA_WAIT_TIMEOUT, true, true, true), seen);
  }

  @World.AllWorlds
  void aHandleNotOpenIsWsaInvalidHandle(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int closed = ws.WSACreateEvent();
      assertTrue(ws.WSACloseEvent(closed));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0); // a socket is not an event
      for (int h : new int[] {WSA_INVALID_EVENT, closed, 0x12345, -1, s}) {
        assertFalse(ws, WSA_INVALID_HANDLE, ws.WSASetEvent(h));
        assertFalse(ws, WSA_INVALID_HANDLE, ws.WSAResetEvent(h));
        assertFalse(ws, WSA_INVALID_HANDLE, ws.WSACloseEvent(h));
        assertWaitFails(ws, WSA_INVALID_HANDLE, ws.WSAWaitForMultipleEvents(1, new int[] {h}, false, 0, false));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void everyEventFunctionButSleepExNeedsWsaStartup(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      ws.WSASetLastError(0);
      assertEquals(List.of(WSA_INVALID_EVENT, WSANOTINITIALISED), List.of(ws.WSACreateEvent(), ws.WSAGetLastError()));
      assertFalse(ws, WSANOTINITIALISED, ws.WSASetEvent(1));
      assertFalse(ws, WSANOTINITIALISED, ws.WSAResetEvent(1));
      assertFalse(ws, WSANOTINITIALISED, ws.WSACloseEvent(1));
      assertWaitFails(ws, WSANOTINITIALISED, ws.WSAWaitForMultipleEvents(1, new int[] {1}, false, 0, true));
      ws.WSASetLastError(0);
      assertEquals(0, ws.SleepEx(1, true)); // KERNEL32's
      assertEquals(0, ws.SleepEx(0, false));
      assertEquals(0, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void aVersionOneTaskInABlockingCallGetsWsaeinprogress(World world) throws Exception {
    List<Object> seen = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int event = ws.WSACreateEvent();
      ws.WSASetBlockingHook(() -> {
        if (!seen.isEmpty()) {
          return false;
        }
        seen.add(ws.WSACreateEvent() + " " + ws.WSAGetLastError());
        seen.add(ws.WSASetEvent(event) + " " + ws.WSAGetLastError());
        seen.add(ws.WSAResetEvent(event) + " " + ws.WSAGetLastError());
        seen.add(ws.WSACloseEvent(event) + " " + ws.WSAGetLastError());
        int[] events = {event};
        seen.add(ws.WSAWaitForMultipleEvents(1, events, false, 0, true) + " " + ws.WSAGetLastError());
        ws.WSASetLastError(0);
        seen.add(ws.SleepEx(0, true) + " " + ws.WSAGetLastError());
        assertEquals(0, ws.WSACancelBlockingCall());
        return false;
      });
      seen.add("recv " + ws.recv(pair[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      seen.add("after " + ws.WSASetEvent(event) + " " + poll(ws, false, event));
      return 0;
    });
    String inProgress = " " + WSAEINPROGRESS;
    assertEquals(List.of("0" + inProgress, "false" + inProgress, "false" + inProgress, "false" + inProgress,
        "-1" + inProgress, "0 0", "recv -1 " + WSAEINTR, "after true 0"), seen);
  }

  @World.AllWorlds
  void aVersionTwoTaskUsesTheSameFunctions(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] e = create(ws, 1);
      assertTrue(ws.WSASetEvent(e[0]));
      assertEquals(WSA_WAIT_EVENT_0, poll(ws, true, e));
      assertTrue(ws.WSACloseEvent(e[0]));
      return 0;
    });
  }

  @World.AllWorlds
  void eachCallIsTracedWithItsArgumentsResultAndError(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws);
      int e = ws.WSACreateEvent();
      ws.WSASetEvent(e);
      ws.WSAResetEvent(e);
      ws.WSACloseEvent(e);
      ws.WSASetEvent(e);
      ws.WSAWaitForMultipleEvents(2, new int[] {e, 7, 8}, true, WSA_INFINITE, true);
      ws.WSAWaitForMultipleEvents(0, null, false, 5, false);
      ws.SleepEx(3, false);
      return 0;
    });
    List<String> lines = new ArrayList<>();
    for (var event : trace.events(e -> e.kind() == TraceKind.CALL && !e.name().equals("WSAStartup"))) {
      lines.add(event.name() + " " + event.fields());
    }
    assertEquals(List.of(
        "WSACreateEvent {ret=1}",
        "WSASetEvent {hEvent=1, ret=true}",
        "WSAResetEvent {hEvent=1, ret=true}",
        "WSACloseEvent {hEvent=1, ret=true}",
        "WSASetEvent {hEvent=1, ret=false, error=WSA_INVALID_HANDLE}",
        "WSAWaitForMultipleEvents {cEvents=2, lphEvents=[1, 7], fWaitAll=true, dwTimeout=INFINITE, fAlertable=true,"
            + " ret=-1, error=WSA_INVALID_HANDLE}",
        "WSAWaitForMultipleEvents {cEvents=0, lphEvents=NULL, fWaitAll=false, dwTimeout=5, fAlertable=false,"
            + " ret=-1, error=WSA_INVALID_PARAMETER}",
        "SleepEx {dwMilliseconds=3, bAlertable=false, ret=0}"), lines);
  }
}
