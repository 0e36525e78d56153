package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default task threads: virtual on JDK 24 and later, platform daemon threads before. */
class TaskThreadsTest {
  private static final int JDK = Runtime.version().feature();

  /** Thread.isVirtual() where the JDK has it (21+), else false. */
  private static boolean isVirtual(Thread thread) throws Exception {
    try {
      return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Thread made(ThreadFactory factory) {
    return factory.newThread(() -> { });
  }

  @Test
  void beforeJdk24TheDefaultIsAPlatformDaemonThread() throws Exception {
    Thread thread = made(TaskThreads.chooseDefault(23));
    assertEquals(false, isVirtual(thread));
    assertEquals(true, thread.isDaemon());
  }

  @Test
  void theVirtualThreadFactoryExistsExactlyFromJdk21() throws Exception {
    ThreadFactory virtual = TaskThreads.virtualThreads();
    if (JDK >= 21) {
      assertNotNull(virtual);
      assertEquals(true, isVirtual(made(virtual)));
    } else {
      assertNull(virtual);
    }
  }

  @Test
  void fromJdk24TheDefaultIsVirtualWhereTheJdkHasThem() throws Exception {
    Thread thread = made(TaskThreads.chooseDefault(24));
    assertEquals(JDK >= 21, isVirtual(thread), "JDK " + JDK);
    assertEquals(true, thread.isDaemon());
    assertEquals(JDK >= 24, TaskThreads.defaultIsVirtual());
    assertSame(TaskThreads.defaultFactory(), TaskThreads.defaultFactory());
  }

  @Test
  @Timeout(20)
  void anEmulatorWithoutAFactoryRunsItsTasksOnTheDefault() throws Exception {
    AtomicReference<Thread> ran = new AtomicReference<>();
    try (Emulator emu = Emulator.builder().build()) {
      emu.createTask("probe", () -> {
        ran.set(Thread.currentThread());
        return 0;
      });
      emu.start();
      assertTrue(emu.awaitTasks(Duration.ofSeconds(10)));
    }
    assertEquals(JDK >= 24, isVirtual(ran.get()), "JDK " + JDK);
    assertEquals(true, ran.get().isDaemon());
    assertTrue(ran.get().getName().endsWith("-task-0001:probe"), ran.get().getName());
  }
}
