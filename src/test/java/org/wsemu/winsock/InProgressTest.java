package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.EventMatcher;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;

/** One outstanding call per task: WSAEINPROGRESS, nesting through window procedures, version 2, WM_QUIT. */
@Timeout(20)
class InProgressTest {

  @World.AllWorlds
  void everyOtherCallFailsWithWsaeinprogressDuringABlockingCall(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> {
        if (!results.isEmpty()) {
          return false;
        }
        results.add("socket " + ws.socket(AF_INET, SOCK_STREAM, 0) + " " + ws.WSAGetLastError());
        results.add("send " + ws.send(pair[0], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
        results.add("closesocket " + ws.closesocket(pair[0]) + " " + ws.WSAGetLastError());
        results.add("select " + ws.select(0, null, null, null, new timeval()) + " " + ws.WSAGetLastError());
        results.add("ioctlsocket " + ws.ioctlsocket(pair[0], FIONREAD, new IntRef()) + " " + ws.WSAGetLastError());
        results.add("gethostbyname " + ws.gethostbyname("localhost") + " " + ws.WSAGetLastError());
        results.add("gethostname " + ws.gethostname(new byte[64], 64) + " " + ws.WSAGetLastError());
        results.add("WSASetBlockingHook " + ws.WSASetBlockingHook(() -> false) + " " + ws.WSAGetLastError());
        results.add("WSAUnhookBlockingHook " + ws.WSAUnhookBlockingHook() + " " + ws.WSAGetLastError());
        results.add("WSACleanup " + ws.WSACleanup() + " " + ws.WSAGetLastError());
        results.add("WSAStartup " + ws.WSAStartup(0x0101, new WSADATA()));
        results.add("WSAIsBlocking " + ws.WSAIsBlocking());
        results.add("htons " + ws.htons(1) + " inet_addr " + ws.inet_addr("1.2.3.4"));
        results.add("WSACancelBlockingCall " + ws.WSACancelBlockingCall());
        return false;
      });
      results.add("recv " + ws.recv(pair[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      results.add("after: send " + ws.send(pair[0], new byte[1], 1, 0));
      return 0;
    });
    String inProgress = " " + WSAEINPROGRESS;
    assertEquals(List.of(
        "socket -1" + inProgress,
        "send -1" + inProgress,
        "closesocket -1" + inProgress,
        "select -1" + inProgress,
        "ioctlsocket -1" + inProgress,
        "gethostbyname null" + inProgress,
        "gethostname -1" + inProgress,
        "WSASetBlockingHook null" + inProgress,
        "WSAUnhookBlockingHook -1" + inProgress,
        "WSACleanup -1" + inProgress,
        "WSAStartup " + WSAEINPROGRESS,
        "WSAIsBlocking true",
        "htons 256 inet_addr 67305985",
        "WSACancelBlockingCall 0",
        "recv -1 " + WSAEINTR,
        "after: send 1"), results);
  }

  @World.Win16Worlds
  void aWindowProcedureDispatchedByTheDefaultHookGetsWsaeinprogress(World world) throws Exception {
    List<String> results = new CopyOnWriteArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int hwnd = Emus.window(user, "Nested", (h, m, w, l) -> {
        if (m == WM_USER) {
          results.add("nested recv " + ws.recv(pair[0], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
          results.add("cancel " + ws.WSACancelBlockingCall());
        }
        return user.DefWindowProc(h, m, w, l);
      });
      user.PostMessage(hwnd, WM_USER, 0, 0);
      results.add("outer recv " + ws.recv(pair[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      return 0;
    });
    assertEquals(List.of("nested recv -1 " + WSAEINPROGRESS, "cancel 0", "outer recv -1 " + WSAEINTR), results);
  }

  @World.Win16Worlds
  void aModalLoopInAWindowProcedureHoldsTheBlockedCallUntilItReturns(World world) throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        int hwnd = Emus.window(emu.user(), "Modal", (h, m, w, l) -> {
          if (m == WM_USER) {
            events.add("dialog opens");
            MSG inner = new MSG();
            while (emu.user().GetMessage(inner, NULL, 0, 0) != 0 && inner.message != WM_USER + 1) {
              emu.user().DispatchMessage(inner);
            }
            events.add("dialog closes");
          }
          return emu.user().DefWindowProc(h, m, w, l);
        });
        emu.user().PostMessage(hwnd, WM_USER, 0, 0);
        events.add("recv " + recvAscii(ws, s));
        return 0;
      });
      try (Peer peer = server.connect()) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("dialog opens"));
        peer.send("data"); // arrives while the dialog's loop runs: recv cannot return yet
        emu.user().PostAppMessage(server.task.handle(), WM_USER + 1, 0, 0);
        Emus.join(server.task);
      }
    }
    assertEquals(List.of("dialog opens", "dialog closes", "recv data"), events);
  }

  @World.AllWorlds
  void aVersionTwoTaskHasNoHooksAndNoCancel(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      assertNull(ws.WSASetBlockingHook(() -> false));
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.WSAUnhookBlockingHook());
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.WSACancelBlockingCall());
      assertEquals(WSAEOPNOTSUPP, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.Win16Worlds
  void aVersionTwoWin16TaskReallyBlocksWithoutDispatchingItsMessages(World world) throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    TraceRecorder trace = new TraceRecorder();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).traceSink(trace).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, 0x0202, (ws, s) -> {
        int hwnd = Emus.window(emu.user(), "V2", (h, m, w, l) -> {
          if (m == WM_USER) {
            events.add("WM_USER");
          }
          return emu.user().DefWindowProc(h, m, w, l);
        });
        emu.user().PostMessage(hwnd, WM_USER, 0, 0);
        events.add("recv " + recvAscii(ws, s));
        return 0;
      });
      try (Peer peer = server.connect()) {
        Peer.awaitBlocked(trace, "recv");
        peer.send("v2");
        Emus.join(server.task);
      }
    }
    assertEquals(List.of("recv v2"), events);
    TraceAssertions.assertThat(trace).never(EventMatcher.kind(TraceKind.HOOK))
        .containsSubsequence(EventMatcher.event(TraceKind.BLOCK, "recv"), EventMatcher.event(TraceKind.UNBLOCK, "recv"));
  }

  @World.Win16Worlds
  void aWmQuitTakenByTheDefaultHookIsDispatchedAndLost(World world) throws Exception {
    boolean[] quitFound = {true};
    TraceRecorder trace = new TraceRecorder();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).traceSink(trace).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        emu.user().PostQuitMessage(7);
        int n = ws.recv(s, new byte[10], 10, 0);
        quitFound[0] = emu.user().PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE | PM_NOYIELD);
        return n;
      });
      try (Peer peer = server.connect()) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !trace.events(e -> e.kind() == TraceKind.CALL
            && e.name().equals("DispatchMessage") && "WM_QUIT".equals(e.field("msg"))).isEmpty());
        peer.send("abc");
        assertEquals(3, Emus.join(server.task));
      }
    }
    assertEquals(false, quitFound[0], "the WM_QUIT is gone: the classic bug");
  }

  @World.Win16Worlds
  void withTheTwinsockOptionAWmQuitCancelsTheCallAndIsPostedAgain(World world) throws Exception {
    int[] got = new int[4];
    run(builder(world).repostQuitFromDefaultHook(true), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      user.PostQuitMessage(7);
      got[0] = ws.recv(pair[1], new byte[10], 10, 0);
      got[1] = ws.WSAGetLastError();
      MSG msg = new MSG();
      got[2] = user.GetMessage(msg, NULL, 0, 0);
      got[3] = msg.message == WM_QUIT ? msg.wParam : -1;
      return 0;
    });
    assertEquals(List.of(SOCKET_ERROR, WSAEINTR, 0, 7), List.of(got[0], got[1], got[2], got[3]));
  }
}
