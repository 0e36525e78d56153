package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default task threads: virtual on JDK 24 and later, platform daemon threads before, unless the
 * system property {@code wsemu.taskThreads} says otherwise (the build sets it to {@code platform}
 * for the other tests, which inspect threads).
 */
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
    Thread thread = made(TaskThreads.choose(23, null));
    assertEquals(false, isVirtual(thread));
    assertEquals(true, thread.isDaemon());
  }

  @Test
  void fromJdk24TheDefaultIsVirtualWhereTheJdkHasThem() throws Exception {
    Thread thread = made(TaskThreads.choose(24, null));
    assertEquals(JDK >= 21, isVirtual(thread), "JDK " + JDK);
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
  void thePropertyChoosesPlatformOnAnyJdkAndVirtualWhereTheJdkHasThem() throws Exception {
    assertEquals(false, isVirtual(made(TaskThreads.choose(25, "platform"))));
    if (JDK >= 21) {
      assertEquals(true, isVirtual(made(TaskThreads.choose(21, "virtual"))));
    } else {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskThreads.choose(JDK, "virtual"));
      assertEquals("wsemu.taskThreads=virtual needs JDK 21 or later; this is JDK " + JDK, e.getMessage());
    }
  }

  @Test
  void aBadPropertyValueIsRefusedNamingTheProperty() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskThreads.choose(25, "green"));
    assertEquals("wsemu.taskThreads must be platform or virtual, not 'green'", e.getMessage());
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
    assertEquals(isVirtual(made(TaskThreads.defaultFactory())), isVirtual(ran.get()));
    assertEquals(true, ran.get().isDaemon());
    assertEquals("wsemu-", ran.get().getName().substring(0, 6));
    assertTrue(ran.get().getName().endsWith("-task-0001:probe"), ran.get().getName());
  }
}
