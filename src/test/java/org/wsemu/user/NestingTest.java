package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.NestingLimitException;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/** Message loops inside window procedures, and the cap on how deep callbacks may nest. */
class NestingTest {

  @BothModes
  @Timeout(10)
  void aWindowProcedureMayRunItsOwnMessageLoop(SchedulingMode mode) throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        int hwnd = Emus.window(user, "Modal", (h, m, w, l) -> {
          if (m == WM_USER) {
            order.add("modal loop starts");
            MSG inner = new MSG();
            while (user.GetMessage(inner, NULL, 0, 0) != 0) {
              if (inner.message == WM_USER + 9) {
                break; // the "dialog" closes
              }
              user.DispatchMessage(inner);
            }
            order.add("modal loop ends");
            return 0;
          }
          if (m == WM_USER + 1) {
            order.add("inner " + w);
            return 0;
          }
          return user.DefWindowProc(h, m, w, l);
        });
        user.PostMessage(hwnd, WM_USER, 0, 0);
        user.PostMessage(hwnd, WM_USER + 1, 1, 0);
        user.PostMessage(hwnd, WM_USER + 1, 2, 0);
        user.PostMessage(hwnd, WM_USER + 9, 0, 0);
        user.PostMessage(hwnd, WM_USER + 1, 3, 0);
        user.PostQuitMessage(0);
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.DispatchMessage(msg);
        }
        return 0;
      });
    }
    assertEquals(List.of("modal loop starts", "inner 1", "inner 2", "modal loop ends", "inner 3"), order);
  }

  @Test
  @Timeout(10)
  void recursionPastTheCapFailsWithNestingLimitAndTheTaskKeepsPumping() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<Throwable> handled = Collections.synchronizedList(new ArrayList<>());
    int[] deepest = new int[1];
    int[] afterwards = new int[1];
    int depthReached;
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).traceSink(trace).maxNestingDepth(10)
        .callbackExceptionHandler((task, callback, error) -> handled.add(error)).build()) {
      User user = emu.user();
      depthReached = Emus.run(emu, () -> {
        int hwnd = Emus.window(user, "Recurse", (h, m, w, l) -> {
          if (m == WM_USER) {
            deepest[0] = Math.max(deepest[0], w);
            return user.SendMessage(h, WM_USER, w + 1, 0) + 1; // no end: only the cap stops it
          }
          if (m == WM_USER + 1) {
            afterwards[0] = w;
          }
          return user.DefWindowProc(h, m, w, l);
        });
        int levels = user.SendMessage(hwnd, WM_USER, 1, 0);
        user.PostMessage(hwnd, WM_USER + 1, 99, 0);
        user.PostQuitMessage(0);
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.DispatchMessage(msg);
        }
        return levels;
      });
    }
    assertEquals(10, deepest[0]);
    assertEquals(9, depthReached, "levels 1..9 returned normally; level 10's send failed");
    assertEquals(1, handled.size());
    NestingLimitException error = assertInstanceOf(NestingLimitException.class, handled.get(0));
    assertTrue(error.getMessage().contains("cap 10"), error.getMessage());
    assertEquals(99, afterwards[0]);
    assertEquals(1, trace.events(e -> e.kind() == TraceKind.EXCEPTION).size());
  }

  @Test
  @Timeout(10)
  void nestedMessageLoopsSeeTheQuitPostedInside() throws Exception {
    int[] outerQuit = new int[1];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        int hwnd = Emus.window(user, "Quitter", (h, m, w, l) -> {
          if (m == WM_USER) {
            user.PostQuitMessage(5);
            MSG inner = new MSG();
            int got = user.GetMessage(inner, NULL, 0, 0);
            if (got == 0 && inner.message == WM_QUIT) {
              user.PostQuitMessage(inner.wParam); // pass it on, as modal loops must
            }
            return 0;
          }
          return user.DefWindowProc(h, m, w, l);
        });
        user.PostMessage(hwnd, WM_USER, 0, 0);
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.DispatchMessage(msg);
        }
        outerQuit[0] = msg.wParam;
        return 0;
      });
    }
    assertEquals(5, outerQuit[0]);
  }
}
