package org.wsemu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * The default maker of task threads: virtual threads on JDK 24 and later, platform daemon threads
 * before; the system property {@value #PROPERTY} ({@code platform} or {@code virtual}) overrides it.
 *
 * <p>A Win16 switch hands the processor from one task thread to another. Between virtual threads
 * that is a continuation switch on the same carrier; between platform threads it is an operating
 * system wake-up, ten to a hundred times dearer when the woken thread has slept long (many tasks)
 * or the machine is busy. The library is compiled for Java 17, so the virtual-thread factory is
 * looked up at run time ({@code Thread.ofVirtual().factory()}), which needs no multi-release jar.
 * JDK 21 to 23 have virtual threads too, but there a virtual thread that waits while it holds a
 * monitor ({@code synchronized}) pins its carrier; a Win16 program whose parked tasks hold monitors
 * could then pin every carrier and hang. JDK 24 removed that pinning (JEP 491), so the default
 * starts there. Tools that inspect threads through {@code ThreadMXBean} or
 * {@code Thread.getAllStackTraces()} see platform threads only: {@code -Dwsemu.taskThreads=platform}
 * keeps those.
 *
 * <p>Immutable and thread-safe.
 */
final class TaskThreads {
  /** The system property that chooses the default: {@code platform} or {@code virtual}. */
  static final String PROPERTY = "wsemu.taskThreads";

  /** The first JDK whose virtual threads do not pin their carrier in {@code synchronized}. */
  static final int FIRST_VIRTUAL_JDK = 24;

  private static final ThreadFactory PLATFORM = TaskThreads::platformDaemon;
  private static final ThreadFactory VIRTUAL = virtualThreads(); // null before JDK 21

  private TaskThreads() {}

  /**
   * The factory an emulator uses when none is given, as the system property and the running JDK
   * choose.
   *
   * @throws IllegalArgumentException if the property is neither {@code platform} nor {@code virtual},
   *     or asks for virtual threads on a JDK without them
   */
  static ThreadFactory defaultFactory() {
    return choose(Runtime.version().feature(), System.getProperty(PROPERTY));
  }

  /**
   * The choice for a JDK and a property value (null: not set).
   *
   * @throws IllegalArgumentException as {@link #defaultFactory()}
   */
  static ThreadFactory choose(int jdkFeature, String property) {
    if (property == null) {
      return jdkFeature >= FIRST_VIRTUAL_JDK && VIRTUAL != null ? VIRTUAL : PLATFORM;
    }
    switch (property) {
      case "platform":
        return PLATFORM;
      case "virtual":
        if (VIRTUAL == null) {
          throw new IllegalArgumentException(
              PROPERTY + "=virtual needs JDK 21 or later; this is JDK " + Runtime.version().feature());
        }
        return VIRTUAL;
      default:
        throw new IllegalArgumentException(PROPERTY + " must be platform or virtual, not '" + property + "'");
    }
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
      return null; // before JDK 21 (no such class or method), or virtual threads unavailable
    }
  }

  private static Thread platformDaemon(Runnable body) {
    Thread thread = new Thread(body);
    thread.setDaemon(true);
    return thread;
  }
}
