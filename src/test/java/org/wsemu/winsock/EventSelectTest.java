package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.EventSelectTestSupport.ALL;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.FD_ALL_EVENTS;
import static org.wsemu.winsock.WinSock2.FD_MAX_EVENTS;
import static org.wsemu.winsock.WinSock2.FD_QOS;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_EVENT;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_HANDLE;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_TIMEOUT;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.winsock.EventSelectTestSupport.Watch;

/**
 * WSAEventSelect and WSAEnumNetworkEvents as calls: their errors, the non-blocking mode, replacing
 * and being replaced by WSAAsyncSelect, the event object signalled and reset, the record cleared.
 * The recording rules of each event are in {@link EventSelectRecordingTest}.
 */
@Timeout(30)
class EventSelectTest {

  @World.AllWorlds
  void everyBadArgumentGetsItsErrorAndChangesNothing(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      WSANETWORKEVENTS events = new WSANETWORKEVENTS();
      results.add("not initialised " + ws.WSAEventSelect(1, 1, FD_READ) + " " + ws.WSAGetLastError()
          + " " + ws.WSAEnumNetworkEvents(1, 1, events) + " " + ws.WSAGetLastError());
      startup(ws);
      int h = ws.WSACreateEvent();
      int closed = ws.WSACreateEvent();
      assertEquals(true, ws.WSACloseEvent(closed));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      results.add("not a socket " + ws.WSAEventSelect(s + 1000, h, FD_READ) + " " + ws.WSAGetLastError());
      results.add("unknown bit " + ws.WSAEventSelect(s, h, FD_ALL_EVENTS + 1) + " " + ws.WSAGetLastError());
      results.add("closed event " + ws.WSAEventSelect(s, closed, FD_READ) + " " + ws.WSAGetLastError());
      results.add("never issued " + ws.WSAEventSelect(s, 0x5EED, FD_READ) + " " + ws.WSAGetLastError());
      results.add("no event " + ws.WSAEventSelect(s, WSA_INVALID_EVENT, FD_ACCEPT) + " " + ws.WSAGetLastError());
      results.add("negative handle " + ws.WSAEventSelect(s, -1, FD_READ) + " " + ws.WSAGetLastError());
      results.add("negative events " + ws.WSAEventSelect(s, h, -1) + " " + ws.WSAGetLastError());
      results.add("cancel with any handle " + ws.WSAEventSelect(s, 0x5EED, 0));
      results.add("qos " + ws.WSAEventSelect(s, h, FD_QOS | FD_READ));
      results.add("enum null " + ws.WSAEnumNetworkEvents(s, h, null) + " " + ws.WSAGetLastError());
      results.add("enum closed event " + ws.WSAEnumNetworkEvents(s, closed, events) + " " + ws.WSAGetLastError());
      results.add("enum negative handle " + ws.WSAEnumNetworkEvents(s, -7, events) + " " + ws.WSAGetLastError());
      results.add("enum not a socket " + ws.WSAEnumNetworkEvents(s + 1000, h, events) + " " + ws.WSAGetLastError());
      events.lNetworkEvents = 0x7777;
      Arrays.fill(events.iErrorCode, 77);
      results.add("enum no event " + ws.WSAEnumNetworkEvents(s, WSA_INVALID_EVENT, events) + " "
          + events.lNetworkEvents + " " + Arrays.toString(events.iErrorCode));
      assertEquals(0, ws.closesocket(s));
      results.add("closed socket " + ws.WSAEventSelect(s, h, FD_READ) + " " + ws.WSAGetLastError()
          + " " + ws.WSAEnumNetworkEvents(s, h, events) + " " + ws.WSAGetLastError());
      return 0;
    });
    assertEquals(List.of(
        "not initialised -1 " + WSANOTINITIALISED + " -1 " + WSANOTINITIALISED,
        "not a socket -1 " + WSAENOTSOCK,
        "unknown bit -1 " + WSAEINVAL,
        "closed event -1 " + WSA_INVALID_HANDLE,
        "never issued -1 " + WSA_INVALID_HANDLE,
        "no event -1 " + WSA_INVALID_HANDLE,
        "negative handle -1 " + WSA_INVALID_HANDLE,
        "negative events -1 " + WSAEINVAL,
        "cancel with any handle 0",
        "qos 0",
        "enum null -1 " + WSAEFAULT,
        "enum closed event -1 " + WSA_INVALID_HANDLE,
        "enum negative handle -1 " + WSA_INVALID_HANDLE,
        "enum not a socket -1 " + WSAENOTSOCK,
        "enum no event 0 0 " + Arrays.toString(new int[FD_MAX_EVENTS]),
        "closed socket -1 " + WSAENOTSOCK + " -1 " + WSAENOTSOCK), results);
  }

  @World.AllWorlds
  void aFailingCallLeavesTheRegistrationAsItWas(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ);
      assertEquals(SOCKET_ERROR, ws.WSAEventSelect(p[1], watch.hEvent, 1 << 12));
      assertEquals(SOCKET_ERROR, ws.WSAEventSelect(p[1], 0x5EED, FD_WRITE));
      assertEquals(0, watch.quiet(100), "FD_WRITE is not selected");
      assertEquals(1, ws.send(p[0], ascii("a"), 1, 0));
      assertEquals(FD_READ, watch.await(FD_READ));
      assertEquals(0, watch.quiet(100));
      return 0;
    });
  }

  @World.AllWorlds
  void duringABlockingCallBothFailWithWsaeinprogress(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int h = ws.WSACreateEvent();
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          results.add(ws.WSAEventSelect(p[0], h, FD_READ) + " " + ws.WSAGetLastError());
          results.add(ws.WSAEnumNetworkEvents(p[0], h, new WSANETWORKEVENTS()) + " " + ws.WSAGetLastError());
          ws.WSACancelBlockingCall();
        }
        return false;
      });
      results.add("recv " + ws.recv(p[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      assertEquals(0, ws.WSAUnhookBlockingHook());
      byte[] buf = new byte[1];
      assertEquals(1, ws.send(p[1], ascii("x"), 1, 0));
      WinsockTestSupport.awaitReadable(ws, p[0]);
      assertEquals(1, ws.recv(p[0], buf, 1, 0), "p[0] is still blocking: no registration was made");
      return 0;
    });
    assertEquals(List.of("-1 " + WSAEINPROGRESS, "-1 " + WSAEINPROGRESS, "recv -1 " + WSAEINTR), results);
  }

  @World.AllWorlds
  void theSocketBecomesNonBlockingAndStaysSoUntilFionbioAfterCancelling(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      int h = ws.WSACreateEvent();
      byte[] buf = new byte[4];
      assertEquals(0, ws.WSAEventSelect(p[1], h, FD_READ));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], buf, 4, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      assertEquals(0, ws.WSAEventSelect(p[1], h, 0));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], buf, 4, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError(), "cancelling leaves it non-blocking");
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)));
      assertEquals(0, ws.WSAEventSelect(p[2], h, 0), "lNetworkEvents 0 makes it non-blocking too");
      assertEquals(INVALID_SOCKET, ws.accept(p[2], null, null));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void itReplacesWsaAsyncSelectAndWsaAsyncSelectReplacesIt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]);
      assertEquals(0, ws.WSAAsyncSelect(p[1], watch.rec.hwnd, WM_SOCKET, FD_READ));
      watch.select(FD_READ);
      assertEquals(1, ws.send(p[0], ascii("a"), 1, 0));
      assertEquals(FD_READ, watch.await(FD_READ));
      assertEquals(List.of(), watch.rec.pumpFor(100), "no message");
      byte[] buf = new byte[4];
      assertEquals(1, ws.recv(p[1], buf, 4, 0));
      assertEquals(0, ws.WSAAsyncSelect(p[1], watch.rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(1, ws.send(p[0], ascii("b"), 1, 0));
      assertEquals(List.of(ev(p[1], FD_READ)), watch.rec.await(1));
      assertEquals(0, watch.quiet(100), "nothing recorded");
      return 0;
    });
  }

  @World.AllWorlds
  void enumResetsTheEventItIsGivenAndClearsTheRecord(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]);
      watch.select(FD_READ | FD_WRITE);
      assertEquals(true, watch.signalled(), "connected: FD_WRITE is recorded at once");
      WSANETWORKEVENTS events = new WSANETWORKEVENTS();
      Arrays.fill(events.iErrorCode, 77);
      assertEquals(0, ws.WSAEnumNetworkEvents(p[1], WSA_INVALID_EVENT, events));
      assertEquals(FD_WRITE, events.lNetworkEvents);
      assertArrayEquals(new int[FD_MAX_EVENTS], events.iErrorCode);
      assertEquals(true, watch.signalled(), "no event given: none reset");
      assertEquals(0, ws.WSAEnumNetworkEvents(p[1], WSA_INVALID_EVENT, events));
      assertEquals(0, events.lNetworkEvents, "cleared");
      int other = ws.WSACreateEvent();
      assertEquals(true, ws.WSASetEvent(other));
      assertEquals(0, ws.WSAEnumNetworkEvents(p[1], other, events));
      assertEquals(true, watch.signalled(), "another event given: that one is reset");
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(1, new int[] {other}, false, 0, false));
      assertEquals(0, watch.take());
      assertEquals(false, watch.signalled());
      assertEquals(true, ws.WSACloseEvent(other));
      return 0;
    });
  }

  @World.AllWorlds
  void reselectingDoesNotResetTheEventAndNothingIsRecordedForUnselectedEvents(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL);
      assertEquals(true, watch.signalled());
      watch.select(FD_READ);
      assertEquals(true, watch.signalled(), "WSAEventSelect does not reset the event");
      assertEquals(true, ws.WSAResetEvent(watch.hEvent));
      watch.select(FD_READ);
      assertEquals(false, watch.signalled(), "FD_WRITE, unselected, is not recorded again");
      watch.select(FD_READ | FD_WRITE);
      assertEquals(FD_WRITE, watch.await(FD_WRITE), "cleared before the program saw it: recorded again");
      watch.select(FD_READ | FD_WRITE);
      assertEquals(0, watch.quiet(100), "the program saw it: not again");
      return 0;
    });
  }
  @World.AllWorlds
  void onAnAbortedStreamBothWorkAndTheAbortIsRecorded(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int byConnect = abortedByConnect(world, ws);
      int bySend = abortedBySend(ws);
      Watch connect = Watch.of(ws, user, byConnect).select(ALL);
      Watch send = Watch.of(ws, user, bySend).select(ALL);
      assertEquals(FD_CONNECT, connect.await(FD_CONNECT), "its attempt ended with the abort");
      assertEquals(WSAECONNABORTED, connect.errors[WinSock2.FD_CONNECT_BIT]);
      assertEquals(FD_CONNECT | FD_CLOSE, send.await(FD_CONNECT | FD_CLOSE), "its connect succeeded before");
      assertEquals(0, send.errors[WinSock2.FD_CONNECT_BIT]);
      assertEquals(WSAECONNABORTED, send.errors[WinSock2.FD_CLOSE_BIT]);
      assertEquals(0, connect.quiet(100));
      assertEquals(0, send.quiet(100));
      return 0;
    });
  }
}
