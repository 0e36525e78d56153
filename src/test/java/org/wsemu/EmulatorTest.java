package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/** Building emulators: defaults, conflicts rejected early, independence, thread factories. */
class EmulatorTest {

  @Test
  @Timeout(10)
  void defaultsAreWin16WithAVirtualClock() {
    try (Emulator emu = Emulator.builder().build()) {
      assertEquals(SchedulingMode.WIN16, emu.mode());
      assertTrue(emu.clock().isVirtual());
      assertEquals(0, emu.clock().millis());
    }
    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN32).build()) {
      assertFalse(emu.clock().isVirtual());
    }
  }

  @Test
  @Timeout(10)
  void conflictingSettingsAreRejectedWhenBuilding() {
    IllegalArgumentException virtualWin32 = assertThrows(IllegalArgumentException.class,
        () -> Emulator.builder().mode(SchedulingMode.WIN32).clock(Clock.virtual()).build());
    assertTrue(virtualWin32.getMessage().contains("WIN16"), virtualWin32.getMessage());
    Clock shared = Clock.virtual();
    try (Emulator first = Emulator.builder().clock(shared).build()) {
      assertThrows(IllegalStateException.class, () -> Emulator.builder().clock(shared).build());
    }
    Clock foreign = new Clock() {
      @Override
      public long millis() {
        return 0;
      }

      @Override
      public boolean isVirtual() {
        return false;
      }
    };
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().clock(foreign).build());
  }

  @Test
  @Timeout(10)
  void invalidSettingsAreRejectedWithTheValue() {
    assertEquals("depth < 1: 0", assertThrows(IllegalArgumentException.class, () -> Emulator.builder().maxNestingDepth(0)).getMessage());
    assertEquals("limit < 1: 0", assertThrows(IllegalArgumentException.class, () -> Emulator.builder().postedMessageLimit(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().yieldQuantum(Duration.ofNanos(10)));
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().shutdownGrace(Duration.ofSeconds(-1)));
    assertEquals("startMillis < 0: -1", assertThrows(IllegalArgumentException.class, () -> Clock.virtual(-1)).getMessage());
  }

  @Test
  @Timeout(10)
  void twoEmulatorsInOneJvmNeverSeeEachOther() throws Exception {
    try (Emulator one = Emus.builder(SchedulingMode.WIN16).build();
        Emulator two = Emus.builder(SchedulingMode.WIN16).build()) {
      int[] windows = new int[2];
      java.util.concurrent.CountDownLatch aHasItsWindow = new java.util.concurrent.CountDownLatch(1);
      Task a = one.createTask("a", () -> {
        windows[0] = Emus.window(one.user(), "Same", one.user()::DefWindowProc);
        aHasItsWindow.countDown();
        MSG msg = new MSG();
        one.user().GetMessage(msg, NULL, 0, 0);
        return msg.wParam;
      });
      Task b = two.createTask("b", () -> {
        windows[1] = Emus.window(two.user(), "Same", two.user()::DefWindowProc);
        return 0;
      });
      one.start();
      two.start();
      Emus.join(b);
      aHasItsWindow.await();
      assertEquals(windows[0], windows[1], "each emulator numbers its handles independently");
      assertEquals(a.handle(), b.handle());
      assertFalse(two.user().IsWindow(windows[1]), "b's window died with b");
      assertTrue(one.user().IsWindow(windows[0]), "a's window of the same number lives in the other emulator");
      assertTrue(one.user().PostAppMessage(a.handle(), WM_USER, 5, 0));
      assertEquals(5, Emus.join(a));
    }
  }

  @Test
  @Timeout(10)
  void taskThreadsComeFromTheGivenFactory() throws Exception {
    AtomicInteger made = new AtomicInteger();
    ThreadFactory factory = body -> {
      made.incrementAndGet();
      return new Thread(body);
    };
    try (Emulator emu = Emus.builder(SchedulingMode.WIN32).threadFactory(factory).build()) {
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        tasks.add(emu.createTask("t" + i, () -> 0));
      }
      emu.start();
      for (Task task : tasks) {
        Emus.join(task);
      }
    }
    assertEquals(3, made.get());
  }

  @Test
  @Timeout(10)
  void virtualThreadsWorkWhereTheJdkHasThem() throws Exception {
    ThreadFactory virtual;
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      virtual = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    } catch (NoSuchMethodException | ClassNotFoundException e) {
      Assumptions.abort("no virtual threads before JDK 21");
      return;
    }
    for (SchedulingMode mode : SchedulingMode.values()) {
      try (Emulator emu = Emus.builder(mode).threadFactory(virtual).build()) {
        User user = emu.user();
        Task receiver = emu.createTask("receiver", () -> {
          MSG msg = new MSG();
          user.GetMessage(msg, NULL, 0, 0);
          return msg.wParam;
        });
        Task sender = emu.createTask("sender", () -> user.PostAppMessage(receiver.handle(), WM_USER, 11, 0) ? 0 : 1);
        emu.start();
        assertEquals(0, Emus.join(sender));
        assertEquals(11, Emus.join(receiver));
      }
    }
  }

  @Test
  @Timeout(10)
  void aTaskReportsItsExitCodeOrItsFailure() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      Task fine = emu.createTask("fine", () -> 3);
      Task broken = emu.createTask("broken", () -> {
        throw new java.io.IOException("disk");
      });
      emu.start();
      assertTrue(fine.join(Emus.TASK_TIMEOUT));
      assertTrue(broken.join(Emus.TASK_TIMEOUT));
      assertEquals(3, fine.exitCode().getAsInt());
      assertTrue(fine.failure().isEmpty());
      assertTrue(broken.exitCode().isEmpty());
      assertEquals("disk", broken.failure().orElseThrow().getMessage());
      assertNotEquals(fine.handle(), broken.handle());
      assertFalse(emu.user().IsTask(fine.handle()));
    }
  }
}
