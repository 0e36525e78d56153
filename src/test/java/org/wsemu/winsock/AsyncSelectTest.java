package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinUser.PM_NOREMOVE;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET2;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.testing.World.SimWorlds;
import org.wsemu.user.MSG;
import org.wsemu.winsock.AsyncSelectTestSupport.Recorder;

/**
 * WSAAsyncSelect as a call: its errors, the message it posts, registrations that replace and
 * cancel each other, the non-blocking mode it forces, the window of another task, datagram
 * sockets, urgent data. The other event rules are in {@link AsyncSelectEventsTest}.
 */
@Timeout(30)
class AsyncSelectTest {
  private static final int ALL = FD_READ | FD_WRITE | FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE;

  /** The call, then WSAGetLastError, as "ret error". */
  private static String call(WinsockApi ws, int s, int hWnd, int wMsg, int lEvent) {
    ws.WSASetLastError(0);
    int r = ws.WSAAsyncSelect(s, hWnd, wMsg, lEvent);
    return r + " " + ws.WSAGetLastError();
  }

  // ---- the call ----

  @World.AllWorlds
  void theMessageCarriesTheSocketInWParamAndEventAndErrorInLParam(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[0], rec.hwnd, WM_SOCKET, FD_WRITE));
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET2, FD_CONNECT));
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(closedPort(ws)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      rec.await(2);
      int refused = 10061 << 16 | 0x0010; // WSAMAKESELECTREPLY(FD_CONNECT, WSAECONNREFUSED)
      assertEquals(List.of(List.of(rec.hwnd, WM_SOCKET, p[0], 0x0002), List.of(rec.hwnd, WM_SOCKET2, s, refused)),
          rec.raw());
      assertEquals(refused, WSAMAKESELECTREPLY(FD_CONNECT, WSAECONNREFUSED));
      assertEquals(List.of(ev(p[0], FD_WRITE), "2: " + ev(s, FD_CONNECT, WSAECONNREFUSED)), rec.pumpFor(100));
      return 0;
    });
  }

  @World.AllWorlds
  void conditionsThatHoldAtRegistrationArePostedDuringTheCall(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      MSG msg = new MSG();
      assertEquals(false, user.PeekMessage(msg, 0, 0, 0, PM_NOREMOVE | PM_NOYIELD), "an empty queue");
      assertEquals(0, ws.WSAAsyncSelect(p[0], rec.hwnd, WM_SOCKET, FD_READ | FD_WRITE | FD_CLOSE));
      assertEquals(true, user.PeekMessage(msg, 0, 0, 0, PM_REMOVE | PM_NOYIELD), "posted before the call returned");
      assertEquals(List.of(WM_SOCKET, p[0], FD_WRITE), List.of(msg.message, msg.wParam, msg.lParam));
      assertEquals(false, user.PeekMessage(msg, 0, 0, 0, PM_NOREMOVE | PM_NOYIELD), "one message");
      return 0;
    });
  }

  @World.AllWorlds
  void theCallFailsWithWsaenotsockWsaeinvalAndWsanotinitialised(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      Recorder rec = Recorder.create(user);
      results.add("before startup " + call(ws, 1, rec.hwnd, WM_SOCKET, FD_READ));
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.closesocket(closed));
      int gone = Recorder.create(user).hwnd;
      assertEquals(true, user.DestroyWindow(gone));
      results.add("not a socket " + call(ws, 0x7FF0, rec.hwnd, WM_SOCKET, FD_READ));
      results.add("closed socket " + call(ws, closed, rec.hwnd, WM_SOCKET, FD_READ));
      results.add("unknown bit " + call(ws, s, rec.hwnd, WM_SOCKET, FD_READ | 0x40));
      results.add("high bit " + call(ws, s, rec.hwnd, WM_SOCKET, 0x80000000));
      results.add("no window " + call(ws, s, 0, WM_SOCKET, FD_READ));
      results.add("destroyed window " + call(ws, s, gone, WM_SOCKET, FD_READ));
      results.add("never a window " + call(ws, s, 0x7777, WM_SOCKET, FD_READ));
      results.add("bad window, lEvent 0 " + call(ws, s, 0x7777, 0, 0));
      results.add("every event " + call(ws, s, rec.hwnd, WM_SOCKET, ALL));
      assertEquals(0, ws.WSACleanup());
      results.add("after cleanup " + call(ws, s, rec.hwnd, WM_SOCKET, FD_READ));
      return 0;
    });
    assertEquals(List.of(
        "before startup -1 " + WSANOTINITIALISED,
        "not a socket -1 " + WSAENOTSOCK,
        "closed socket -1 " + WSAENOTSOCK,
        "unknown bit -1 " + WSAEINVAL,
        "high bit -1 " + WSAEINVAL,
        "no window -1 " + WSAEINVAL,
        "destroyed window -1 " + WSAEINVAL,
        "never a window -1 " + WSAEINVAL,
        "bad window, lEvent 0 0 0",
        "every event 0 0",
        "after cleanup -1 " + WSANOTINITIALISED), results);
  }

  @World.AllWorlds
  void aFailedCallLeavesTheRegistrationAsItWas(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(SOCKET_ERROR, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | 0x40));
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)), "still allowed: nothing is registered");
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(SOCKET_ERROR, ws.WSAAsyncSelect(p[1], 0x7777, WM_SOCKET2, FD_WRITE));
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      assertEquals(List.of(ev(p[1], FD_READ)), rec.await(1));
      assertEquals(List.of(ev(p[1], FD_READ)), rec.pumpFor(100));
      return 0;
    });
  }

  @World.AllWorlds
  void insideABlockingCallTheCallFailsWithWsaeinprogress(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          results.add("in the hook " + call(ws, p[0], rec.hwnd, WM_SOCKET, FD_WRITE));
          results.add("lEvent 0 " + call(ws, p[0], rec.hwnd, 0, 0));
          ws.WSACancelBlockingCall();
        }
        return false;
      });
      results.add("recv " + ws.recv(p[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      assertEquals(List.of(), rec.pumpFor(100), "nothing was registered");
      results.add("after " + call(ws, p[0], rec.hwnd, WM_SOCKET, FD_WRITE));
      return 0;
    });
    assertEquals(List.of("in the hook -1 " + WSAEINPROGRESS, "lEvent 0 -1 " + WSAEINPROGRESS,
        "recv -1 " + WSAEINTR, "after 0 0"), results);
  }

  // ---- the blocking mode ----

  @World.AllWorlds
  void theSocketBecomesNonBlockingAndFionbioZeroFailsUntilLEventZero(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      byte[] buf = new byte[4];
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
      results.add("recv " + ws.recv(p[1], buf, 4, 0) + " " + ws.WSAGetLastError());
      results.add("FIONBIO 0 " + ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)) + " " + ws.WSAGetLastError());
      results.add("FIONBIO 1 " + ws.ioctlsocket(p[1], FIONBIO, new IntRef(1)));
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET2, FD_WRITE)); // another registration
      results.add("replaced: FIONBIO 0 " + ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)) + " " + ws.WSAGetLastError());
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, 0, 0));
      results.add("cancelled: recv " + ws.recv(p[1], buf, 4, 0) + " " + ws.WSAGetLastError());
      results.add("FIONBIO 0 " + ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)));
      AtomicInteger hookCalls = new AtomicInteger();
      ws.WSASetBlockingHook(() -> {
        if (hookCalls.incrementAndGet() == 1) {
          ws.WSACancelBlockingCall();
        }
        return false;
      });
      results.add("blocking again: recv " + ws.recv(p[1], buf, 4, 0) + " " + ws.WSAGetLastError());
      return 0;
    });
    assertEquals(List.of(
        "recv -1 " + WSAEWOULDBLOCK,
        "FIONBIO 0 -1 " + WSAEINVAL,
        "FIONBIO 1 0",
        "replaced: FIONBIO 0 -1 " + WSAEINVAL,
        "cancelled: recv -1 " + WSAEWOULDBLOCK, // still non-blocking: lEvent 0 makes it so too
        "FIONBIO 0 0",
        "blocking again: recv -1 " + WSAEINTR), results);
  }

  @World.AllWorlds
  void lEventZeroOnASocketNeverRegisteredMakesItNonBlockingToo(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.WSAAsyncSelect(p[1], 0, 0, 0));
      assertEquals(SOCKET_ERROR, ws.recv(p[1], new byte[1], 1, 0));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(0, ws.ioctlsocket(p[1], FIONBIO, new IntRef(0)));
      return 0;
    });
  }

  // ---- replacing and cancelling ----

  @World.AllWorlds
  void aNewRegistrationReplacesTheMessageAndTheEvents(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      byte[] buf = new byte[8];
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(1, ws.send(p[0], ascii("1"), 1, 0));
      rec.await(1);
      // a fresh registration: the data still waiting is posted again, with the new message
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET2, FD_READ | FD_WRITE));
      assertEquals(1, ws.recv(p[1], buf, 8, 0));
      assertEquals(1, ws.send(p[0], ascii("2"), 1, 0));
      rec.await(4);
      assertEquals(1, ws.recv(p[1], buf, 8, 0));
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_WRITE)); // FD_READ no longer
      assertEquals(1, ws.send(p[0], ascii("3"), 1, 0));
      assertEquals(List.of(ev(p[1], FD_READ), "2: " + ev(p[1], FD_READ), "2: " + ev(p[1], FD_WRITE),
          "2: " + ev(p[1], FD_READ), ev(p[1], FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }

  @World.AllWorlds
  void lEventZeroCancelsButAMessageAlreadyQueuedStillArrives(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_WRITE | FD_CLOSE));
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, 0, 0)); // the FD_WRITE is in the queue
      assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(List.of(ev(p[1], FD_WRITE)), rec.pumpFor(200));
      return 0;
    });
  }

  // ---- another task's window ----

  @World.AllWorlds
  void aRegistrationForAnotherTasksWindowPostsToThatTask(World world) throws Exception {
    List<String> helperSaw = new ArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      Recorder rec = Recorder.create(user);
      int main = user.GetCurrentTask();
      AtomicReference<Integer> socket = new AtomicReference<>();
      AtomicInteger helperTask = new AtomicInteger();
      helpers.start("registrar", () -> {
        startup(ws);
        helperTask.set(user.GetCurrentTask());
        int[] p = pair(ws);
        assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_WRITE));
        socket.set(p[1]);
        assertEquals(1, ws.send(p[0], ascii("x"), 1, 0));
        MSG msg = new MSG();
        while (user.GetMessage(msg, 0, 0, 0) > 0 && msg.message != WM_USER + 7) {
          helperSaw.add("0x" + Integer.toHexString(msg.message)); // nothing for the socket comes here
        }
        return ws.WSACleanup();
      });
      List<String> got = rec.await(2);
      assertEquals(List.of(ev(socket.get(), FD_WRITE), ev(socket.get(), FD_READ)), got);
      assertEquals(List.of(main, main), rec.tasks());
      assertEquals(true, user.PostAppMessage(helperTask.get(), WM_USER + 7, 0, 0));
      return 0;
    });
    assertEquals(List.of(), helperSaw);
  }

  // ---- datagram sockets ----

  @World.AllWorlds
  void aDatagramSocketGetsFdWriteAtOnceAndOneFdReadPerDatagram(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int out = ws.socket(AF_INET, SOCK_DGRAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_READ | FD_WRITE));
      assertEquals(List.of(ev(s, FD_WRITE)), rec.await(1));
      for (String datagram : new String[] {"one", "two!"}) {
        assertEquals(datagram.length(), ws.sendto(out, ascii(datagram), datagram.length(), 0,
            loopback(localPort(ws, s)), sockaddr_in.SIZE));
      }
      rec.await(2);
      assertEquals(List.of(ev(s, FD_WRITE), ev(s, FD_READ)), rec.pumpFor(100), "no second FD_READ before recvfrom");
      byte[] buf = new byte[16];
      assertEquals(3, ws.recvfrom(s, buf, 16, 0, null, null));
      rec.await(3); // the second datagram
      assertEquals(4, ws.recvfrom(s, buf, 16, 0, null, null));
      assertEquals("two!", ascii(buf, 4));
      assertEquals(SOCKET_ERROR, ws.recvfrom(s, buf, 16, 0, null, null));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(List.of(ev(s, FD_WRITE), ev(s, FD_READ), ev(s, FD_READ)), rec.pumpFor(100));
      return 0;
    });
  }

  @World.AllWorlds
  void afterShutdownOfReceivingADatagramSocketGetsNoFdRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int out = ws.socket(AF_INET, SOCK_DGRAM, 0);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(s, rec.hwnd, WM_SOCKET, FD_READ));
      assertEquals(0, ws.shutdown(s, 0));
      for (int i = 0; i < 3; i++) {
        assertEquals(1, ws.sendto(out, ascii("d"), 1, 0, loopback(localPort(ws, s)), sockaddr_in.SIZE));
      }
      assertEquals(List.of(), rec.pumpFor(200));
      return 0;
    });
  }

  // ---- FD_OOB ----

  @SimWorlds
  void urgentDataHeldApartGivesFdOobAndRecvWithMsgOobReEnablesIt(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_OOB));
      assertEquals(1, ws.send(p[0], ascii("!"), 1, MSG_OOB));
      rec.await(1);
      assertEquals(List.of(ev(p[1], FD_OOB)), rec.pumpFor(200), "no FD_READ: nothing in the stream");
      byte[] one = new byte[1];
      assertEquals(1, ws.recv(p[1], one, 1, MSG_OOB));
      assertEquals("!", ascii(one, 1));
      assertEquals(1, ws.send(p[0], ascii("?"), 1, MSG_OOB));
      rec.await(2);
      assertEquals(1, ws.send(p[0], ascii("d"), 1, 0));
      rec.await(3);
      assertEquals(List.of(ev(p[1], FD_OOB), ev(p[1], FD_OOB), ev(p[1], FD_READ)), rec.pumpFor(200));
      return 0;
    });
  }

  @SimWorlds
  void withSoOobInlineUrgentDataIsFdRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      assertEquals(0, ws.setsockopt(p[1], SOL_SOCKET, SO_OOBINLINE, new IntRef(1), 4));
      Recorder rec = Recorder.create(user);
      assertEquals(0, ws.WSAAsyncSelect(p[1], rec.hwnd, WM_SOCKET, FD_READ | FD_OOB));
      assertEquals(1, ws.send(p[0], ascii("!"), 1, MSG_OOB));
      rec.await(1);
      assertEquals(List.of(ev(p[1], FD_READ)), rec.pumpFor(200));
      byte[] one = new byte[1];
      assertEquals(1, ws.recv(p[1], one, 1, 0));
      assertEquals("!", ascii(one, 1));
      assertEquals(List.of(ev(p[1], FD_READ)), rec.pumpFor(200));
      return 0;
    });
  }
}
