package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.CallbackExceptionHandler;
import org.wsemu.Clock;
import org.wsemu.Emulator;
import org.wsemu.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * Timer actions (USER timers, deadlines, the network's packets, lookups) run at the emulator's
 * callback boundary: one that throws is traced and reported with no task, and neither the timer
 * thread nor the task whose switch ran the virtual queue is hurt.
 */
@Timeout(20)
class TimerActionExceptionTest {
  private final TraceRecorder trace = new TraceRecorder();
  private final List<String> handled = new CopyOnWriteArrayList<>();

  private Emulator.Builder builder(SchedulingMode mode) {
    return Emus.builder(mode).traceSink(trace).callbackExceptionHandler((task, callback, error) ->
        handled.add((task == null ? "-" : task.name()) + " | " + callback + " | " + error.getMessage()));
  }

  private List<String> exceptions() {
    return trace.events(e -> e.kind() == TraceKind.EXCEPTION).stream()
        .map(e -> e.task() + " " + e.name() + " @" + e.time()).toList();
  }

  @Test
  void aVirtualTimerActionThatThrowsIsReportedNotThrownIntoTheTaskWhoseSwitchRanIt() throws Exception {
    try (Emulator emu = builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Kernel kernel = emu.kernel();
      int exit = Emus.run(emu, () -> {
        int me = user.GetCurrentTask();
        kernel.schedule(10, () -> {
          throw new IllegalStateException("bad action");
        });
        kernel.schedule(20, () -> user.PostAppMessage(me, WM_USER, 20, 0));
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0)); // the queue runs while this task waits
        assertEquals(List.of(WM_USER, 20, 20), List.of(msg.message, msg.wParam, user.GetTickCount()));
        return 7;
      });
      assertEquals(7, exit);
    }
    assertEquals(List.of("- | timer action | bad action"), handled);
    assertEquals(List.of("- timer action @10"), exceptions());
  }

  @Test
  void aRealTimerActionThatThrowsIsReportedAndTheTimerThreadRunsTheNextOne() throws Exception {
    CountDownLatch next = new CountDownLatch(1);
    try (Emulator emu = builder(SchedulingMode.WIN32).clock(Clock.system()).build()) {
      Kernel kernel = emu.kernel();
      long now = kernel.clock().millis();
      kernel.schedule(now, () -> {
        throw new IllegalStateException("bad action");
      });
      kernel.schedule(now + 5, next::countDown);
      assertTrue(next.await(10, TimeUnit.SECONDS), "the timer thread goes on");
    }
    assertEquals(List.of("- | timer action | bad action"), handled);
    assertEquals(1, exceptions().size());
  }

  @Test
  void aHandlerThatRethrowsForATimerActionIsLoggedAndTheQueueGoesOn() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).traceSink(trace)
        .callbackExceptionHandler(CallbackExceptionHandler.rethrow()).build()) {
      User user = emu.user();
      Kernel kernel = emu.kernel();
      assertEquals(0, Emus.run(emu, () -> {
        int me = user.GetCurrentTask();
        kernel.schedule(10, () -> {
          throw new IllegalStateException("bad action");
        });
        kernel.schedule(10, () -> user.PostAppMessage(me, WM_USER, 0, 0));
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
        return 0;
      }));
    }
    assertEquals(List.of("- timer action @10"), exceptions());
  }
}
