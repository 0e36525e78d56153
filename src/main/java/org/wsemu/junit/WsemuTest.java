package org.wsemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsemu.task.SchedulingMode;

/**
 * Gives each test of the annotated class (or the annotated method) a fresh, not yet started
 * {@link org.wsemu.Emulator}, its {@link org.wsemu.sim.SimulatedNetwork} and a
 * {@link org.wsemu.trace.TraceRecorder} that records its whole trace. They are injected into test
 * method parameters of those types, and into the test instance's non-static fields of those types.
 * The annotation does not make a method a test: mark it {@code @Test}, or {@link AllWorlds} (and
 * kin) to run it once per world.
 *
 * <pre>{@code
 * import org.junit.jupiter.api.Test;
 * import org.wsemu.junit.WsemuTasks;
 * import org.wsemu.junit.WsemuTest;
 *
 * @WsemuTest(mode = SchedulingMode.WIN16)
 * class ResolverTest {
 *   @Test
 *   void resolvesItsOwnName(Emulator emu) throws Exception {
 *     int found = WsemuTasks.run(emu, () -> emu.winsock().gethostbyname("localhost") != null ? 1 : 0);
 *     assertEquals(1, found);
 *   }
 * }
 * }</pre>
 *
 * <p>After the test the extension closes the emulator and fails the test if it left anything
 * behind ({@link org.wsemu.Emulator#openResources()}), naming it. When a test fails, the failure
 * gets a suppressed exception whose message holds the seed, the last {@link #traceTail()} trace
 * events and the path of a file with the whole trace:
 * {@code target/wsemu-traces/<class>.<method>[<world>].trace} (system property
 * {@code wsemu.traceDir} moves the directory).
 *
 * <p>On a method it overrides the one on the class. In a {@link Worlds} test the world chooses the
 * mode and the network; the other attributes still apply.
 */
@Documented
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WsemuExtension.class)
public @interface WsemuTest {
  /** The network the emulator uses. */
  enum Network {
    /** A fresh {@link org.wsemu.sim.SimulatedNetwork}, seeded with {@link #seed()}. */
    SIMULATED,
    /** The real network: Java NIO sockets on the loopback interface. */
    REAL
  }

  /** The emulator's clock. */
  enum ClockChoice {
    /** Virtual for Win16 on the simulated network (deterministic runs), the system clock otherwise. */
    DEFAULT,
    /** Virtual time; needs the simulated network. */
    VIRTUAL,
    /** The machine's monotonic clock. */
    SYSTEM
  }

  /** The scheduling mode. */
  SchedulingMode mode() default SchedulingMode.WIN16;

  /** The network. */
  Network network() default Network.SIMULATED;

  /** The clock. */
  ClockChoice clock() default ClockChoice.DEFAULT;

  /**
   * The seed of the simulated network's random choices. System property {@code wsemu.seed}
   * overrides it, so that a failure, which reports its seed, can be replayed.
   */
  long seed() default 0;

  /**
   * How long a host name lookup takes, in milliseconds; negative (the default) keeps the
   * emulator's default.
   */
  long lookupLatencyMillis() default -1;

  /** How many of the last trace events a failure shows. */
  int traceTail() default 50;

  /**
   * Checked mode ({@code Emulator.Builder.checked}): the test fails, after its emulator is
   * closed, with a {@code RuleViolationException} listing the Windows Sockets rules the program broke.
   */
  boolean checked() default false;

  /**
   * The class of the factory of the emulator's threads, built with its public no-argument
   * constructor; {@code ThreadFactory.class} (the default) keeps the emulator's own (virtual threads
   * on JDK 24 and later, platform daemon threads before).
   */
  Class<? extends ThreadFactory> threadFactory() default ThreadFactory.class;
}
