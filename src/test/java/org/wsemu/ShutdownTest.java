package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.testing.Emus.threadsOf;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_USER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskTerminatedException;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/** Shutdown unwinds nested loops innermost first, stops every thread, and leaves none behind. */
class ShutdownTest {

  @BothModes
  @Timeout(20)
  void nestedLoopsUnwindInnermostFirst(SchedulingMode mode) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<Integer> loopExits = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch deepest = new CountDownLatch(1);
    Emulator emu = Emus.builder(mode).traceSink(trace).build();
    User user = emu.user();
    Task task = emu.createTask("nester", () -> {
      int hwnd = Emus.window(user, "Nester", (h, m, w, l) -> {
        if (m == WM_USER) {
          int level = w;
          if (level < 3) {
            user.PostMessage(h, WM_USER, level + 1, 0);
          } else {
            deepest.countDown();
          }
          pump(user, level);
          loopExits.add(level);
          return 0;
        }
        return user.DefWindowProc(h, m, w, l);
      });
      user.PostMessage(hwnd, WM_USER, 2, 0);
      pump(user, 1);
      loopExits.add(1);
      return 0;
    });
    emu.start();
    deepest.await();
    assertTrue(emu.shutdown());
    assertEquals(List.of(3, 2, 1), loopExits);
    List<Object> unwound = trace.events(e -> e.kind() == TraceKind.UNWIND).stream().map(e -> e.field("level")).toList();
    assertEquals(List.of(3, 2, 1), unwound);
    assertFalse(task.isAlive());
    assertEquals(0, task.exitCode().getAsInt());
  }

  private static void pump(User user, int level) {
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.DispatchMessage(msg);
    }
  }

  @BothModes
  @Timeout(20)
  void shutdownLeavesNoThreadBehind(SchedulingMode mode) throws Exception {
    String name = "noleak-" + mode;
    Emulator emu = Emus.builder(mode).name(name).clock(Clock.system()).build();
    User user = emu.user();
    CountDownLatch allWaiting = new CountDownLatch(5);
    for (int i = 0; i < 5; i++) {
      emu.createTask("t" + i, () -> {
        user.SetTimer(NULL, 0, 60_000, null); // starts the timer thread
        allWaiting.countDown();
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.DispatchMessage(msg);
        }
        return 0;
      });
    }
    emu.start();
    allWaiting.await();
    assertTrue(threadsOf(name).size() >= 6, "5 task threads and the timer thread: " + threadsOf(name));
    emu.close();
    assertEquals(List.of(), threadsOf(name));
  }

  @BothModes
  @Timeout(20)
  void tasksThatNeverStartedEndWithoutRunningTheirBody(SchedulingMode mode) {
    AtomicBoolean ran = new AtomicBoolean();
    Emulator emu = Emus.builder(mode).build();
    Task task = emu.createTask("never", () -> {
      ran.set(true);
      return 0;
    });
    assertTrue(emu.shutdown());
    assertFalse(task.isAlive());
    assertFalse(ran.get());
    assertTrue(task.exitCode().isEmpty());
  }

  @BothModes
  @Timeout(20)
  void aLoopThatIgnoresQuitIsForcedOutAfterTheGracePeriod(SchedulingMode mode) throws Exception {
    CountDownLatch looping = new CountDownLatch(1);
    // the killed task must get the processor within the second grace period: on a loaded machine a
    // busy Win32 loop beside other busy threads needed more than 200 ms
    Emulator emu = Emus.builder(mode).shutdownGrace(Duration.ofSeconds(1)).build();
    User user = emu.user();
    AtomicReference<Integer> quitSeen = new AtomicReference<>();
    Task stubborn = emu.createTask("stubborn", () -> {
      MSG msg = new MSG();
      looping.countDown();
      for (;;) {
        if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE) && msg.message == WM_QUIT) {
          quitSeen.set(msg.message); // and carries on regardless
        }
      }
    });
    emu.start();
    looping.await();
    assertTrue(emu.shutdown());
    assertFalse(stubborn.isAlive());
    assertEquals(WM_QUIT, quitSeen.get());
    assertInstanceOf(TaskTerminatedException.class, stubborn.failure().orElseThrow());
  }

  @Test
  @Timeout(20)
  void anEmulatorCannotBeShutDownFromItsOwnTask() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Emus.run(emu, () -> {
        thrown.set(assertThrows(IllegalStateException.class, emu::shutdown));
        return 0;
      });
      assertTrue(thrown.get().getMessage().contains("own tasks"), thrown.get().getMessage());
    }
  }

  @Test
  @Timeout(20)
  void aShutDownEmulatorRefusesNewTasksAndRestarts() {
    Emulator emu = Emus.builder(SchedulingMode.WIN16).build();
    emu.start();
    emu.close();
    assertThrows(IllegalStateException.class, () -> emu.createTask("late", () -> 0));
    assertThrows(IllegalStateException.class, emu::start);
    assertTrue(emu.shutdown(), "shutting down twice is harmless");
  }

  @Test
  @Timeout(20)
  void aSenderBlockedInSendMessageGetsZeroWhenTheEmulatorShutsDown() throws Exception {
    String name = "unanswered";
    Emulator emu = Emus.builder(SchedulingMode.WIN32).name(name).shutdownGrace(Duration.ofSeconds(1)).build();
    User user = emu.user();
    AtomicReference<Integer> window = new AtomicReference<>();
    CountDownLatch created = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Task owner = emu.createTask("owner", () -> {
      window.set(Emus.window(user, "Owner", user::DefWindowProc));
      created.countDown();
      never.await(); // never pumps, so the message stays unanswered; the forced phase interrupts this
      return 0;
    });
    int[] result = {-1};
    Task sender = emu.createTask("sender", () -> {
      created.await();
      result[0] = user.SendMessage(window.get(), WM_USER, 0, 0);
      return 7;
    });
    emu.start();
    org.awaitility.Awaitility.await().until(() -> threadState(name, "sender") == Thread.State.WAITING);
    assertTrue(emu.shutdown());
    assertEquals(0, result[0]);
    assertEquals(7, sender.exitCode().getAsInt());
    assertInstanceOf(InterruptedException.class, owner.failure().orElseThrow());
  }

  private static Thread.State threadState(String emulatorName, String taskName) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("wsemu-" + emulatorName + "-") && thread.getName().endsWith(":" + taskName)) {
        return thread.getState();
      }
    }
    return null;
  }

  // ---- every switch point sees the shutdown at once, and a loop that polls unwinds normally ----

  /**
   * Runs {@code body} as the only task, shuts the emulator down once the body said it is looping,
   * and checks that the task unwound by itself (no forced-out phase, no failure) with
   * {@code exitCode}, each loop level having seen WM_QUIT through {@code unwoundBy}.
   */
  private static void shutdownWhileLooping(SchedulingMode mode, String unwoundBy, int exitCode, LoopingBody body)
      throws Exception {
    TraceRecorder trace = new TraceRecorder();
    CountDownLatch looping = new CountDownLatch(1);
    Emulator emu = Emus.builder(mode).traceSink(trace).build();
    User user = emu.user();
    Task task = emu.createTask("poller", () -> body.run(user, looping));
    emu.start();
    looping.await();
    assertTrue(emu.shutdown(), "every task thread ended");
    assertEquals(java.util.Optional.empty(), task.failure(), "the task unwound by itself");
    assertEquals(exitCode, task.exitCode().getAsInt());
    assertEquals(List.of(), trace.events(e -> e.kind() == TraceKind.NOTE && e.name().equals("kill")),
        "nothing was forced out");
    assertTrue(!trace.events(e -> e.kind() == TraceKind.UNWIND && e.name().equals(unwoundBy)).isEmpty(),
        "UNWIND by " + unwoundBy);
  }

  @FunctionalInterface
  private interface LoopingBody {
    int run(User user, CountDownLatch looping) throws Exception;
  }

  @BothModes
  @Timeout(20)
  void aLoopThatDrainsWithPeekMessageUntilItFindsNothingEnds(SchedulingMode mode) throws Exception {
    shutdownWhileLooping(mode, "PeekMessage", 11, (user, looping) -> {
      MSG msg = new MSG();
      boolean quit = false;
      while (!quit) {
        looping.countDown();
        while (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) { // the whole queue, then idle work
          if (msg.message == WM_QUIT) {
            quit = true;
          } else {
            user.DispatchMessage(msg);
          }
        }
      }
      return 11;
    });
  }

  @BothModes
  @Timeout(20)
  void aGetMessageLoopFollowedByADrainEnds(SchedulingMode mode) throws Exception {
    shutdownWhileLooping(mode, "GetMessage", 12, (user, looping) -> {
      MSG msg = new MSG();
      looping.countDown();
      while (user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.DispatchMessage(msg);
      }
      while (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) { // cleanup: what is left in the queue
        user.DispatchMessage(msg);
      }
      return 12;
    });
  }

  @BothModes
  @Timeout(20)
  void aWaitMessageLoopEnds(SchedulingMode mode) throws Exception {
    shutdownWhileLooping(mode, "WaitMessage", 13, (user, looping) -> {
      MSG msg = new MSG();
      for (;;) {
        looping.countDown();
        user.WaitMessage();
        boolean quit = false;
        while (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
          if (msg.message == WM_QUIT) {
            quit = true;
          } else {
            user.DispatchMessage(msg);
          }
        }
        if (quit) {
          return 13;
        }
      }
    });
  }

  @BothModes
  @Timeout(20)
  void aYieldingDelayLoopEnds(SchedulingMode mode) throws Exception {
    shutdownWhileLooping(mode, "PeekMessage", 14, (user, looping) -> {
      MSG msg = new MSG();
      for (;;) {
        looping.countDown();
        int start = user.GetTickCount();
        while (user.GetTickCount() - start < 50) { // a Win16 delay that lets the others run
          user.Yield();
        }
        if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE | PM_NOYIELD) && msg.message == WM_QUIT) {
          return 14;
        }
      }
    });
  }
}
