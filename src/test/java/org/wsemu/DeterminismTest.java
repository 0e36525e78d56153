package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.trace.EventMatcher;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * The Win16 determinism contract: the same multi-task program gives the same interleaving and the
 * same trace, byte for byte, on every run.
 */
class DeterminismTest {

  private static final int RUNS = 50;

  @Test
  @Timeout(60)
  void theSameProgramGivesTheSameTraceFiftyTimes() throws Exception {
    String first = runProgram();
    assertTrue(first.lines().count() > 250, "the program should exercise the scheduler: " + first.lines().count() + " events");
    for (int run = 2; run <= RUNS; run++) {
      assertEquals(first, runProgram(), "run " + run + " differs from run 1");
    }
  }

  @Test
  @Timeout(20)
  void theTraceCoversSwitchesTimersClockAndCallbacks() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    runProgram(trace);
    TraceAssertions events = TraceAssertions.assertThat(trace);
    for (TraceKind kind : List.of(TraceKind.SWITCH, TraceKind.TIMER, TraceKind.CLOCK, TraceKind.PROC, TraceKind.CALL, TraceKind.TASK)) {
      events.containsSubsequence(EventMatcher.kind(kind));
    }
    events.messagesDispatched("WM_USER", "WM_TIMER").never(EventMatcher.kind(TraceKind.EXCEPTION));
  }

  @Test
  @Timeout(20)
  void theTraceMatchesItsGolden() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    runProgram(trace);
    Goldens.assertMatchesGolden(trace, "determinism-win16");
  }

  private static String runProgram() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    runProgram(trace);
    return trace.render();
  }

  /**
   * A server window with a periodic timer counts requests; two clients post, send and poll; a
   * third task runs a nested message loop inside a window procedure.
   */
  private static void runProgram(TraceRecorder trace) throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).traceSink(trace).build()) {
      User user = emu.user();
      AtomicInteger serverWindow = new AtomicInteger();
      List<Task> tasks = new ArrayList<>();
      tasks.add(emu.createTask("server", () -> {
        int[] requests = new int[1];
        int[] ticks = new int[1];
        int hwnd = Emus.window(user, "Server", (h, m, w, l) -> {
          if (m == WM_USER) {
            return ++requests[0];
          }
          if (m == WM_USER + 1) {
            requests[0] += w;
            return 0;
          }
          if (m == WM_TIMER && ++ticks[0] == 5) {
            user.KillTimer(h, 1);
            user.PostQuitMessage(requests[0]);
          }
          return user.DefWindowProc(h, m, w, l);
        });
        serverWindow.set(hwnd);
        user.SetTimer(hwnd, 1, 30, null);
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.TranslateMessage(msg);
          user.DispatchMessage(msg);
        }
        return msg.wParam;
      }));
      for (String name : List.of("client1", "client2")) {
        tasks.add(emu.createTask(name, () -> {
          MSG msg = new MSG();
          int sum = 0;
          for (int i = 0; i < 6; i++) {
            user.PostMessage(serverWindow.get(), WM_USER + 1, i, 0);
            sum += user.SendMessage(serverWindow.get(), WM_USER, 0, 0);
            if (i % 2 == 0) {
              user.Yield();
            } else {
              user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE);
            }
          }
          int timer = user.SetTimer(NULL, 0, 45, null);
          user.GetMessage(msg, NULL, 0, 0);
          user.KillTimer(NULL, timer);
          return sum;
        }));
      }
      tasks.add(emu.createTask("modal", () -> {
        int hwnd = Emus.window(user, "Modal", (h, m, w, l) -> {
          if (m == WM_USER) {
            user.PostMessage(h, WM_USER + 2, 0, 0);
            MSG inner = new MSG();
            while (user.GetMessage(inner, NULL, 0, 0) != 0 && inner.message != WM_USER + 2) {
              user.DispatchMessage(inner);
            }
            return 1;
          }
          return user.DefWindowProc(h, m, w, l);
        });
        user.PostMessage(hwnd, WM_USER, 0, 0);
        user.SetTimer(hwnd, 7, 25, null);
        MSG msg = new MSG();
        int ticks = 0;
        while (ticks < 3 && user.GetMessage(msg, NULL, 0, 0) != 0) {
          if (msg.message == WM_TIMER) {
            ticks++;
          }
          user.DispatchMessage(msg);
        }
        user.DestroyWindow(hwnd);
        return ticks;
      }));
      emu.start();
      for (Task task : tasks) {
        Emus.join(task);
      }
    }
  }
}
