package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/** An exception thrown by a callback is caught, traced, handed to the handler, and pumping goes on. */
class CallbackExceptionTest {

  @BothModes
  @Timeout(10)
  void aThrowingWindowProcedureIsReportedAndTheLoopContinues(SchedulingMode mode) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
    int[] dispatchResult = {-1};
    try (Emulator emu = Emus.builder(mode).traceSink(trace)
        .callbackExceptionHandler((task, callback, error) -> handled.add(task.name() + " | " + callback + " | " + error.getMessage()))
        .build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        int hwnd = Emus.window(user, "Thrower", (h, m, w, l) -> {
          if (m == WM_USER) {
            if (w == 2) {
              throw new IllegalStateException("boom " + w);
            }
            processed.add(w);
            return 10;
          }
          return user.DefWindowProc(h, m, w, l);
        });
        for (int i = 1; i <= 3; i++) {
          user.PostMessage(hwnd, WM_USER, i, 0);
        }
        user.PostQuitMessage(0);
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          int result = user.DispatchMessage(msg);
          if (msg.wParam == 2) {
            dispatchResult[0] = result;
          }
        }
        return 0;
      });
    }
    assertEquals(List.of(1, 3), processed);
    assertEquals(0, dispatchResult[0]);
    assertEquals(List.of("main | WndProc hwnd=0x0100 WM_USER | boom 2"), handled);
    List<TraceEvent> exceptions = trace.events(e -> e.kind() == TraceKind.EXCEPTION);
    assertEquals(1, exceptions.size());
    assertEquals(IllegalStateException.class.getName(), exceptions.get(0).field("error"));
    assertEquals("boom 2", exceptions.get(0).field("message"));
  }

  @Test
  @Timeout(10)
  void theRethrowHandlerPropagatesOutOfDispatchMessage() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).callbackExceptionHandler(CallbackExceptionHandler.rethrow()).build()) {
      User user = emu.user();
      Task task = emu.createTask("strict", () -> {
        int hwnd = Emus.window(user, "Strict", (h, m, w, l) -> {
          if (m == WM_USER) {
            throw new UnsupportedOperationException("strict");
          }
          return user.DefWindowProc(h, m, w, l);
        });
        user.PostMessage(hwnd, WM_USER, 0, 0);
        MSG msg = new MSG();
        user.GetMessage(msg, NULL, 0, 0);
        user.DispatchMessage(msg);
        return 0;
      });
      emu.start();
      task.join(Emus.TASK_TIMEOUT);
      assertInstanceOf(UnsupportedOperationException.class, task.failure().orElseThrow());
      assertTrue(task.exitCode().isEmpty());
    }
  }

  @Test
  @Timeout(10)
  void aThrowingTimerProcedureIsReportedToo() throws Exception {
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    int[] ticks = new int[1];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16)
        .callbackExceptionHandler((task, callback, error) -> handled.add(callback + " | " + error.getMessage())).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        int id = user.SetTimer(NULL, 0, 50, (hwnd, msg, idEvent, time) -> {
          ticks[0]++;
          throw new IllegalArgumentException("tick " + ticks[0]);
        });
        MSG msg = new MSG();
        while (ticks[0] < 2 && user.GetMessage(msg, NULL, 0, 0) != 0) {
          if (msg.message == WM_TIMER) {
            user.DispatchMessage(msg);
          }
        }
        user.KillTimer(NULL, id);
        return 0;
      });
    }
    assertEquals(List.of("TimerProc id=0x0001 | tick 1", "TimerProc id=0x0001 | tick 2"), handled);
  }

  /** Any Throwable but a fatal one is caught at the boundary, an Error like an exception. */
  @BothModes
  @Timeout(10)
  void aWindowProcedureThatThrowsAnErrorIsReportedAndTheNextMessageIsDispatched(SchedulingMode mode) throws Exception {
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    List<Integer> processed = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(mode)
        .callbackExceptionHandler((task, callback, error) -> handled.add(task.name() + " | " + error)).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        int hwnd = Emus.window(user, "Asserting", (h, m, w, l) -> {
          if (m == WM_USER) {
            if (w == 1) {
              throw new AssertionError("wndproc bug");
            }
            processed.add(w);
          }
          return user.DefWindowProc(h, m, w, l);
        });
        user.PostMessage(hwnd, WM_USER, 1, 0);
        user.PostMessage(hwnd, WM_USER, 2, 0);
        MSG msg = new MSG();
        for (int i = 0; i < 2; i++) {
          assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
          assertEquals(0, user.DispatchMessage(msg));
        }
        return 0;
      });
    }
    assertEquals(List.of("main | java.lang.AssertionError: wndproc bug"), handled);
    assertEquals(List.of(2), processed);
  }

  /** A fatal error (here an OutOfMemoryError) is not the handler's: it ends the task. */
  @Test
  @Timeout(10)
  void aFatalErrorPassesTheBoundaryAndEndsTheTask() throws Exception {
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16)
        .callbackExceptionHandler((task, callback, error) -> handled.add(callback)).build()) {
      User user = emu.user();
      Task task = emu.createTask("doomed", () -> {
        int hwnd = Emus.window(user, "Doomed", (h, m, w, l) -> {
          if (m == WM_USER) {
            throw new OutOfMemoryError("simulated");
          }
          return user.DefWindowProc(h, m, w, l);
        });
        user.SendMessage(hwnd, WM_USER, 0, 0);
        return 0;
      });
      emu.start();
      task.join(Emus.TASK_TIMEOUT);
      assertInstanceOf(OutOfMemoryError.class, task.failure().orElseThrow());
    }
    assertEquals(List.of(), handled);
  }
}
