package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;

/** Which hook a blocking call runs, and when: WSASetBlockingHook, WSAUnhookBlockingHook, the defaults of each mode. */
@Timeout(20)
class BlockingHookTest {

  @World.AllWorlds
  void aCallThatCanCompleteAtOnceNeverCallsTheHook(World world) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      assertEquals(3, ws.send(pair[0], ascii("abc"), 3, 0));
      fd_set readable = new fd_set();
      FD_SET(pair[1], readable);
      assertEquals(1, ws.select(0, readable, null, null, new timeval(5, 0)));
      ws.WSASetBlockingHook(() -> hookCalls.incrementAndGet() < 0);
      assertEquals(3, ws.recv(pair[1], new byte[10], 10, 0));
      return 0;
    });
    assertEquals(0, hookCalls.get());
  }

  @World.Win16Worlds
  void win16sDefaultHookDispatchesTheTasksMessagesWhileRecvBlocks(World world) throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    TraceRecorder trace = new TraceRecorder();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).traceSink(trace).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        int hwnd = Emus.window(emu.user(), "Ticker", (h, m, w, l) -> {
          if (m == WM_TIMER) {
            events.add("WM_TIMER blocking=" + ws.WSAIsBlocking());
            emu.user().KillTimer(h, 1);
          }
          return emu.user().DefWindowProc(h, m, w, l);
        });
        emu.user().SetTimer(hwnd, 1, 30, null);
        events.add("recv " + recvAscii(ws, s));
        return 0;
      });
      try (Peer peer = server.connect()) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        peer.send("hi");
        Emus.join(server.task);
      }
    }
    assertEquals(List.of("WM_TIMER blocking=true", "recv hi"), events);
  }

  @World.Win32Worlds
  void win32HasNoDefaultHookSoNothingIsDispatchedWhileRecvBlocks(World world) throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    TraceRecorder trace = new TraceRecorder();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).traceSink(trace).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        int hwnd = Emus.window(emu.user(), "Quiet", (h, m, w, l) -> {
          if (m == WM_USER) {
            events.add("WM_USER dispatched");
          }
          return emu.user().DefWindowProc(h, m, w, l);
        });
        emu.user().PostMessage(hwnd, WM_USER, 0, 0);
        events.add("recv " + recvAscii(ws, s));
        MSG msg = new MSG();
        while (emu.user().PeekMessage(msg, NULL, 0, 0, PM_REMOVE | PM_NOYIELD)) {
          emu.user().DispatchMessage(msg);
        }
        return 0;
      });
      try (Peer peer = server.connect()) {
        Peer.awaitBlocked(trace, "recv");
        peer.send("hi");
        Emus.join(server.task);
      }
    }
    assertEquals(List.of("recv hi", "WM_USER dispatched"), events);
  }

  @World.AllWorlds
  void aCustomHookRunsAgainAfterTheRepollIntervalWhenNothingHappens(World world) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).hookRepollInterval(Duration.ofMillis(10)).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        ws.WSASetBlockingHook(() -> {
          hookCalls.incrementAndGet();
          return false;
        });
        return ws.recv(s, new byte[10], 10, 0);
      });
      try (Peer peer = server.connect()) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hookCalls.get() >= 5);
        peer.send("abc");
        assertEquals(3, Emus.join(server.task));
      }
    }
  }

  @World.AllWorlds
  void aHookCanTimeTheCallOutWithGetTickCount(World world) throws Exception {
    long[] elapsed = new long[1];
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int start = user.GetTickCount();
      ws.WSASetBlockingHook(() -> {
        if (user.GetTickCount() - start >= 100) {
          ws.WSACancelBlockingCall();
        }
        return false;
      });
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], new byte[10], 10, 0));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      elapsed[0] = user.GetTickCount() - start;
      return 0;
    });
    assertTrue(elapsed[0] >= 100, "cancelled after " + elapsed[0] + " ms");
  }

  @World.AllWorlds
  void setBlockingHookReturnsTheDefaultFirstThenThePreviousAndUnhookRestoresTheDefault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      BlockingHook first = () -> false;
      BlockingHook second = () -> false;
      BlockingHook defaultHook = ws.WSASetBlockingHook(first);
      assertNotNull(defaultHook);
      assertSame(first, ws.WSASetBlockingHook(second));
      assertEquals(0, ws.WSAUnhookBlockingHook());
      assertSame(defaultHook, ws.WSASetBlockingHook(first), "unhook restores the default, not the previous hook");
      assertNull(ws.WSASetBlockingHook(null));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      assertSame(first, ws.WSASetBlockingHook(defaultHook), "a failed call changed nothing");
      return 0;
    });
  }

  @World.Win32Worlds
  void hooksBelongToTheTaskThatInstalledThem(World world) throws Exception {
    BlockingHook[] seenByOther = new BlockingHook[1];
    BlockingHook[] defaults = new BlockingHook[1];
    try (Emulator emu = builder(world).build()) {
      WinsockApi ws = emu.winsock();
      Emus.run(emu, () -> {
        startup(ws);
        defaults[0] = ws.WSASetBlockingHook(() -> false);
        // Win32: the other task shares the process's WSAStartup, not this task's hook
        return Emus.join(emu.createTask("other", () -> {
          seenByOther[0] = ws.WSASetBlockingHook(() -> true);
          return 0;
        }));
      });
    }
    assertSame(defaults[0], seenByOther[0]);
  }

  @World.Win32Worlds
  void aWin32TaskThatInstallsTheDefaultHookPumpsItsMessagesWhileBlocked(World world) throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        BlockingHook defaultHook = ws.WSASetBlockingHook(() -> false);
        ws.WSASetBlockingHook(defaultHook);
        int hwnd = Emus.window(emu.user(), "Pumped", (h, m, w, l) -> {
          if (m == WM_USER) {
            events.add("WM_USER blocking=" + ws.WSAIsBlocking());
          }
          return emu.user().DefWindowProc(h, m, w, l);
        });
        emu.user().PostMessage(hwnd, WM_USER, 0, 0);
        events.add("recv " + recvAscii(ws, s));
        return 0;
      });
      try (Peer peer = server.connect()) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 1);
        peer.send("ok");
        Emus.join(server.task);
      }
    }
    assertEquals(List.of("WM_USER blocking=true", "recv ok"), events);
  }

  /**
   * A hook that throws an Error (not a RuntimeException) meets the callback boundary: traced,
   * handed to the handler with its task, and the blocking call goes on; here the hook's next run
   * cancels it. Nothing escapes the emulated call, and the sockets work on afterwards.
   */
  @World.AllWorlds
  void aHookThatThrowsAnErrorIsReportedAndTheCallGoesOn(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> handled = new CopyOnWriteArrayList<>();
    Emulator.Builder builder = world.builder().traceSink(trace).hookRepollInterval(Duration.ofMillis(10))
        .callbackExceptionHandler((task, callback, error) -> handled.add(task.name() + " | " + callback + " | " + error.getMessage()));
    run(builder, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      AtomicInteger calls = new AtomicInteger();
      ws.WSASetBlockingHook(() -> {
        if (calls.incrementAndGet() == 1) {
          throw new Error("hook bug");
        }
        ws.WSACancelBlockingCall();
        return false;
      });
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], new byte[10], 10, 0));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      assertEquals(2, calls.get());
      assertEquals(0, ws.WSAUnhookBlockingHook());
      assertEquals(3, ws.send(pair[0], ascii("abc"), 3, 0));
      byte[] buf = new byte[10];
      assertEquals(3, ws.recv(pair[1], buf, 10, 0));
      assertEquals("abc", ascii(buf, 3));
      return 0;
    });
    assertEquals(List.of("main | BlockingHook | hook bug"), handled);
    assertEquals(List.of("BlockingHook java.lang.Error"), trace.events(e -> e.kind() == org.wsemu.trace.TraceKind.EXCEPTION)
        .stream().map(e -> e.name() + " " + e.field("error")).toList());
  }
}
