package org.wsemu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * The default maker of task threads: virtual threads on JDK 24 and later, platform daemon threads
 * before.
 *
 * <p>A Win16 switch hands the processor from one task thread to another. Between virtual threads
 * that is a continuation switch on the same carrier; between platform threads it is an operating
 * system wake-up, ten to a hundred times dearer when the woken thread has slept long (many tasks)
 * or the machine is busy. The library is compiled for Java 17, so the virtual-thread factory is
 * looked up at run time ({@code Thread.ofVirtual().factory()}), which needs no multi-release jar.
 * JDK 21 to 23 have virtual threads too, but there a virtual thread that waits while it holds a
 * monitor ({@code synchronized}) pins its carrier; a Win16 program whose parked tasks hold monitors
 * could then pin every carrier and hang. JDK 24 removed that pinning (JEP 491), so the default
 * starts there; on JDK 21 to 23 give {@code Thread.ofVirtual().factory()} to
 * {@link Emulator.Builder#threadFactory} explicitly.
 *
 * <p>Immutable and thread-safe.
 */
final class TaskThreads {
  /** The first JDK whose virtual threads do not pin their carrier in {@code synchronized}. */
  static final int FIRST_VIRTUAL_JDK = 24;

  private static final ThreadFactory PLATFORM = TaskThreads::platformDaemon;
  private static final ThreadFactory DEFAULT = chooseDefault(Runtime.version().feature());

  private TaskThreads() {}

  /** The factory an emulator uses when none is given. */
  static ThreadFactory defaultFactory() {
    return DEFAULT;
  }

  /** Whether the default makes virtual threads on this JDK. */
  static boolean defaultIsVirtual() {
    return DEFAULT != PLATFORM;
  }

  /** Virtual threads from {@link #FIRST_VIRTUAL_JDK} on, where the JDK has them; platform threads otherwise. */
  static ThreadFactory chooseDefault(int jdkFeature) {
    if (jdkFeature >= FIRST_VIRTUAL_JDK) {
      ThreadFactory virtual = virtualThreads();
      if (virtual != null) {
        return virtual;
      }
    }
    return PLATFORM;
  }

  /** {@code Thread.ofVirtual().factory()} where the running JDK has it, else null. */
  static ThreadFactory virtualThreads() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder)).invoke();
      return (ThreadFactory) lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
          .invoke(ofVirtual);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      return null; // before JDK 21 (no such method), or virtual threads unavailable
    }
  }

  private static Thread platformDaemon(Runnable body) {
    Thread thread = new Thread(body);
    thread.setDaemon(true);
    return thread;
  }
}
