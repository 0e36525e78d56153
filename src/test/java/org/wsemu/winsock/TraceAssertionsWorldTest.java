package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.trace.EventMatcher.call;
import static org.wsemu.trace.EventMatcher.event;
import static org.wsemu.trace.EventMatcher.kind;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinsockTestSupport.pair;
import static org.wsemu.winsock.WinsockTestSupport.run;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The trace assertions on real runs: a call made from a blocking hook or a window procedure while
 * its task is blocked in recv, and a golden trace of the deterministic world.
 */
@Timeout(20)
class TraceAssertionsWorldTest {

  /** recv blocks; its blocking hook calls send (WSAEINPROGRESS) and cancels it. */
  private static TraceRecorder cancelFromTheHook(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> {
        ws.send(pair[0], new byte[1], 1, 0);
        ws.WSACancelBlockingCall();
        return false;
      });
      ws.recv(pair[1], new byte[1], 1, 0);
      return ws.WSACleanup();
    });
    return trace;
  }

  /** recv blocks; the default hook dispatches a WM_USER whose window procedure calls recv and cancels. */
  private static TraceRecorder cancelFromAWindowProcedure(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int hwnd = Emus.window(user, "Nested", (h, m, w, l) -> {
        if (m == WM_USER) {
          ws.recv(pair[0], new byte[1], 1, 0);
          ws.WSACancelBlockingCall();
        }
        return user.DefWindowProc(h, m, w, l);
      });
      user.PostMessage(hwnd, WM_USER, 0, 0);
      ws.recv(pair[1], new byte[1], 1, 0);
      user.DestroyWindow(hwnd);
      return ws.WSACleanup();
    });
    return trace;
  }

  @World.AllWorlds
  void aCallFromTheBlockingHookFailsWhileTheTaskIsBlocked(World world) throws Exception {
    TraceAssertions trace = TraceAssertions.assertThat(cancelFromTheHook(world));
    trace.call("send").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").by("main").times(1);
    trace.call("recv").failedWith("WSAEINTR").returned(-1).times(1);
    trace.containsSubsequence(event(TraceKind.BLOCK, "recv"), call("send").with("error", "WSAEINPROGRESS"),
        call("WSACancelBlockingCall").with("ret", 0), kind(TraceKind.HOOK).with("ret", false),
        event(TraceKind.UNBLOCK, "recv").with("cancelled", true), call("recv").with("error", "WSAEINTR"));
    trace.never(kind(TraceKind.EXCEPTION)).never(call("recv").with("error", "WSAEINPROGRESS"));
    AssertionError notInSend = assertThrows(AssertionError.class, () -> trace.call("send").whileBlockedIn("send"));
    List<String> lines = notInSend.getMessage().lines().toList();
    assertEquals(List.of("expected a CALL send while blocked in send", "but the CALL send event was:"), lines.subList(0, 2));
    assertEquals(List.of("and the blocks in send were none"), lines.subList(3, 4));
    assertEquals(4, lines.size());
  }

  @World.Win16Worlds
  void aCallFromAWindowProcedureDispatchedWhileBlockedFails(World world) throws Exception {
    TraceAssertions trace = TraceAssertions.assertThat(cancelFromAWindowProcedure(world));
    trace.messagesDispatched("WM_USER", "WM_DESTROY");
    trace.call("recv").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").times(1);
    trace.call("recv").failedWith("WSAEINTR").times(1);
    trace.containsSubsequence(event(TraceKind.BLOCK, "recv"), event(TraceKind.PROC, "WndProc").with("msg", "WM_USER"),
        call("recv").with("error", "WSAEINPROGRESS"), call("WSACancelBlockingCall"),
        event(TraceKind.PROC_END, "WndProc").with("msg", "WM_USER"), event(TraceKind.UNBLOCK, "recv"));
    AssertionError order = assertThrows(AssertionError.class, () -> trace.messagesDispatched("WM_DESTROY", "WM_USER"));
    assertEquals("expected messages dispatched in this order: [WM_DESTROY, WM_USER]",
        order.getMessage().lines().findFirst().orElseThrow());
  }

  @Test
  void theDeterministicWorldMatchesItsGoldenTrace() throws Exception {
    Goldens.assertMatchesGolden(cancelFromAWindowProcedure(World.WIN16_SIM), "nested-recv-win16-sim");
    Goldens.assertMatchesGolden(cancelFromTheHook(World.WIN16_SIM), "hook-cancel-win16-sim-winsock",
        GoldenFilter.defaults().kinds(TraceKind.CALL, TraceKind.BLOCK, TraceKind.UNBLOCK, TraceKind.HOOK));
  }
}
