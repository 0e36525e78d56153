package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOREMOVE;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/** The Win16 scheduling rule: one task at a time, switches only at Win16's switch points. */
class CooperativeSchedulingTest {

  @Test
  @Timeout(20)
  void exactlyOneTaskRunsAtAnyMoment() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      List<Task> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(emu.createTask("t" + t, () -> {
          MSG msg = new MSG();
          for (int i = 0; i < 300; i++) {
            if (inside.incrementAndGet() != 1) {
              overlaps.incrementAndGet();
            }
            for (int spin = 0; spin < 200; spin++) {
              Thread.onSpinWait();
            }
            inside.decrementAndGet();
            if (i % 2 == 0) {
              user.Yield();
            } else {
              user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE);
            }
          }
          return 0;
        }));
      }
      emu.start();
      for (Task task : tasks) {
        assertEquals(0, Emus.join(task));
      }
    }
    assertEquals(0, overlaps.get());
  }

  @Test
  @Timeout(10)
  void yieldPassesTheProcessorRoundRobinInCreationOrder() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      List<Task> tasks = new ArrayList<>();
      for (String name : List.of("A", "B", "C")) {
        tasks.add(emu.createTask(name, () -> {
          for (int i = 1; i <= 3; i++) {
            order.add(name + i);
            user.Yield();
          }
          return 0;
        }));
      }
      emu.start();
      for (Task task : tasks) {
        Emus.join(task);
      }
    }
    assertEquals(List.of("A1", "B1", "C1", "A2", "B2", "C2", "A3", "B3", "C3"), order);
  }

  /**
   * Tasks that only poll yield to each other round after round: once every one of them has yielded
   * at the same virtual instant, a quantum passes, as it does for a lone poller.
   */
  @Test
  @Timeout(10)
  void tasksThatAllPollMoveVirtualTimeOnByOneQuantumPerRound() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).yieldQuantum(Duration.ofMillis(5)).build()) {
      User user = emu.user();
      List<Task> tasks = new ArrayList<>();
      for (String name : List.of("A", "B", "C")) {
        tasks.add(emu.createTask(name, () -> {
          for (int i = 0; i < 3; i++) {
            order.add(name + "@" + user.GetTickCount());
            user.Yield();
          }
          return 0;
        }));
      }
      emu.start();
      for (Task task : tasks) {
        Emus.join(task);
      }
    }
    assertEquals(List.of("A@0", "B@0", "C@0", "A@5", "B@5", "C@5", "A@10", "B@10", "C@10"), order);
  }

  /** Two Win16 idle loops (PeekMessage and GetTickCount) run side by side and both end. */
  @Test
  @Timeout(10)
  void twoPeekMessageDelayLoopsBothEndInVirtualTime() throws Exception {
    List<String> ends = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      List<Task> tasks = new ArrayList<>();
      for (String name : List.of("A", "B")) {
        tasks.add(emu.createTask(name, () -> {
          MSG msg = new MSG();
          int start = user.GetTickCount();
          while (user.GetTickCount() - start < 100) {
            user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE);
          }
          ends.add(name + "@" + user.GetTickCount());
          return 0;
        }));
      }
      emu.start();
      for (Task task : tasks) {
        Emus.join(task);
      }
    }
    assertEquals(List.of("A@100", "B@100"), ends);
  }

  @Test
  @Timeout(10)
  void aLoneYieldingTaskKeepsTheProcessorAndVirtualTimeMovesByTheQuantum() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).traceSink(trace).yieldQuantum(Duration.ofMillis(5)).build()) {
      User user = emu.user();
      int[] ticks = new int[4];
      Emus.run(emu, () -> {
        for (int i = 0; i < 4; i++) {
          ticks[i] = user.GetTickCount();
          user.Yield();
        }
        return 0;
      });
      assertEquals(List.of(0, 5, 10, 15), List.of(ticks[0], ticks[1], ticks[2], ticks[3]));
    }
    assertEquals(List.of("0001:main start"), Emus.names(trace, TraceKind.SWITCH));
  }

  @Test
  @Timeout(10)
  void aPostDoesNotPreemptThePoster() throws Exception {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Task receiver = emu.createTask("receiver", () -> {
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          order.add("received " + msg.wParam);
        }
        return 0;
      });
      Task poster = emu.createTask("poster", () -> {
        for (int i = 1; i <= 3; i++) {
          user.PostAppMessage(receiver.handle(), WM_USER, i, 0);
          order.add("posted " + i);
        }
        user.PostAppMessage(receiver.handle(), 0x0012, 0, 0);
        order.add("poster done");
        return 0;
      });
      emu.start();
      Emus.join(poster);
      Emus.join(receiver);
    }
    assertEquals(List.of("posted 1", "posted 2", "posted 3", "poster done", "received 1", "received 2", "received 3"), order);
  }

  @Test
  @Timeout(10)
  void getMessageWithAMatchingMessageDoesNotSwitch() throws Exception {
    AtomicBoolean otherRan = new AtomicBoolean();
    boolean[] otherRanBeforeBlocking = new boolean[1];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Task first = emu.createTask("first", () -> {
        MSG msg = new MSG();
        user.PostAppMessage(NULL, WM_USER, 1, 0);
        user.GetMessage(msg, NULL, 0, 0); // a message is there: no switch
        otherRanBeforeBlocking[0] = otherRan.get();
        user.GetMessage(msg, NULL, 0, 0); // nothing: the other task runs and posts
        return msg.wParam;
      });
      Task other = emu.createTask("other", () -> {
        otherRan.set(true);
        user.PostAppMessage(first.handle(), WM_USER, 2, 0);
        return 0;
      });
      emu.start();
      assertEquals(2, Emus.join(first));
      Emus.join(other);
    }
    assertFalse(otherRanBeforeBlocking[0]);
  }

  @Test
  @Timeout(10)
  void peekMessageYieldsOnlyWithoutPmNoYield() throws Exception {
    AtomicBoolean otherRan = new AtomicBoolean();
    boolean[] seen = new boolean[2];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Task poller = emu.createTask("poller", () -> {
        MSG msg = new MSG();
        user.PeekMessage(msg, NULL, 0, 0, PM_NOREMOVE | PM_NOYIELD);
        seen[0] = otherRan.get();
        user.PeekMessage(msg, NULL, 0, 0, PM_NOREMOVE);
        seen[1] = otherRan.get();
        return 0;
      });
      Task other = emu.createTask("other", () -> {
        otherRan.set(true);
        return 0;
      });
      emu.start();
      Emus.join(poller);
      Emus.join(other);
    }
    assertFalse(seen[0]);
    assertTrue(seen[1]);
  }

  @Test
  @Timeout(10)
  void virtualTimeJumpsToTheNextTimerWhenEveryTaskWaits() throws Exception {
    int[] got = new int[2];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).clock(Clock.virtual(1_000)).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        user.SetTimer(NULL, 0, 600_000, null); // ten minutes
        MSG msg = new MSG();
        user.GetMessage(msg, NULL, 0, 0);
        got[0] = msg.message;
        got[1] = msg.time;
        return 0;
      });
    }
    assertEquals(WM_TIMER, got[0]);
    assertEquals(601_000, got[1]);
  }

  @Test
  @Timeout(10)
  void aPostFromAPlainThreadWakesAnIdleEmulator() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Task waiter = emu.createTask("waiter", () -> {
        MSG msg = new MSG();
        user.GetMessage(msg, NULL, 0, 0);
        return msg.wParam;
      });
      emu.start();
      org.awaitility.Awaitility.await().until(() -> user.PostAppMessage(waiter.handle(), WM_USER, 42, 0));
      assertEquals(42, Emus.join(waiter));
    }
  }

  @Test
  @Timeout(10)
  void win16WithARealClockFiresTimersInRealTime() throws Exception {
    int[] message = new int[1];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).clock(Clock.system()).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        user.SetTimer(NULL, 0, 20, null);
        MSG msg = new MSG();
        user.GetMessage(msg, NULL, 0, 0);
        message[0] = msg.message;
        return 0;
      });
    }
    assertEquals(WM_TIMER, message[0]);
  }

  @Test
  @Timeout(10)
  void tasksCreatedBeforeStartDoNotRun() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      Task task = emu.createTask("idle", () -> {
        ran.set(true);
        return 0;
      });
      assertFalse(task.join(Duration.ofMillis(50)));
      assertFalse(ran.get());
      emu.start();
      Emus.join(task);
    }
    assertTrue(ran.get());
  }
}
