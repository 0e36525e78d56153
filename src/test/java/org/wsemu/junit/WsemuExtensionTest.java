package org.wsemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.junit.ExtensionRuns.failure;
import static org.wsemu.junit.ExtensionRuns.run;
import static org.wsemu.junit.ExtensionRuns.succeeded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The extension, seen from outside: each case runs a small sample test class through the JUnit
 * engine and looks at how its tests ended and what they saw. The samples are nested, so that the
 * build does not run them on their own.
 */
@Timeout(60)
class WsemuExtensionTest {
  /** What the last sample saw, one line per observation. */
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void injectsOneFreshEmulatorNetworkAndRecorderPerTestIntoParametersAndFields() {
    SEEN.clear();
    Events events = run(Injected.class);
    assertEquals(2, events.succeeded().count());
    assertEquals(6, SEEN.size());
    assertNotSame(SEEN.get(0), SEEN.get(3), "a fresh emulator per test");
    assertNotSame(SEEN.get(1), SEEN.get(4), "a fresh network per test");
    assertNotSame(SEEN.get(2), SEEN.get(5), "a fresh recorder per test");
    assertTrue(((Emulator) SEEN.get(0)).isShutDown(), "closed after the test");
  }

  @WsemuTest(mode = SchedulingMode.WIN32, seed = 7)
  static class Injected {
    Emulator emu;
    SimulatedNetwork network;
    TraceRecorder trace;

    @Test
    void first(Emulator emu, SimulatedNetwork network, TraceRecorder trace) throws Exception {
      see(emu, network, trace);
    }

    @Test
    void second(Emulator emu, SimulatedNetwork network, TraceRecorder trace) throws Exception {
      see(emu, network, trace);
    }

    private void see(Emulator emu, SimulatedNetwork network, TraceRecorder trace) throws Exception {
      assertSame(this.emu, emu);
      assertSame(this.network, network);
      assertSame(this.trace, trace);
      assertEquals(SchedulingMode.WIN32, emu.mode());
      assertEquals(7, network.seed());
      assertEquals(0, WsemuTasks.run(emu, () -> emu.winsock().WSAGetLastError()));
      assertEquals(List.of("0001:main"), trace.events(e -> e.kind() == TraceKind.TASK && e.name().equals("create"))
          .stream().map(e -> e.field("task")).toList());
      SEEN.addAll(List.of(emu, network, trace));
    }
  }

  @Test
  void worldsRunTheTestOncePerWorldNamedAfterIt() {
    SEEN.clear();
    assertEquals(List.of("WIN16_REAL", "WIN32_REAL", "WIN16_SIMULATED", "WIN32_SIMULATED",
        "WIN16_REAL", "WIN16_SIMULATED", "WIN16_SIMULATED", "WIN32_SIMULATED"), succeeded(run(InWorlds.class)));
    assertEquals(List.of("all WIN16 false false", "all WIN32 false false", "all WIN16 true true", "all WIN32 true false",
        "win16 WIN16 false false", "win16 WIN16 true true", "simulated WIN16 true true", "simulated WIN32 true false"),
        SEEN);
  }

  @WsemuTest(mode = SchedulingMode.WIN32, network = WsemuTest.Network.REAL)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class InWorlds {
    SimulatedNetwork network;

    @AllWorlds
    @Order(1)
    void all(Emulator emu) {
      note("all", emu);
    }

    @Win16Worlds
    @Order(2)
    void win16(Emulator emu) {
      note("win16", emu);
    }

    @SimulatedWorlds
    @Order(3)
    void simulated(Emulator emu, SimulatedNetwork network) {
      assertSame(this.network, network);
      note("simulated", emu);
    }

    private void note(String test, Emulator emu) {
      SEEN.add(test + " " + emu.mode() + " " + (network != null) + " " + emu.clock().isVirtual());
    }
  }

  @Test
  void aFailureKeepsItsTypeAndMessageAndGetsTheSeedAndTraceTailAndTheTraceIsWrittenToAFile() throws Exception {
    Throwable failure = failure(run(Fails.class));
    assertInstanceOf(AssertionFailedError.class, failure);
    assertEquals("expected: <1> but was: <0>", failure.getMessage());
    TraceExcerpt excerpt = assertInstanceOf(TraceExcerpt.class, failure.getSuppressed()[0]);
    Path file = Path.of("target/wsemu-traces/" + Fails.class.getName() + ".fails.trace");
    assertEquals(List.of(
        "000001 t=000000 - TASK create task=0001:main",
        "000002 t=000000 0001:main SWITCH start from=-",
        "000003 t=000000 0001:main TASK start",
        "000004 t=000000 0001:main TASK exit code=0"), Files.readAllLines(file));
    assertEquals("wsemu: WIN16 on the simulated network, seed 0 (replay with -Dwsemu.seed=0), virtual clock; "
        + "whole trace in " + file + "\nlast 3 of 4 trace events:\n"
        + "000002 t=000000 0001:main SWITCH start from=-\n"
        + "000003 t=000000 0001:main TASK start\n"
        + "000004 t=000000 0001:main TASK exit code=0", excerpt.getMessage());
  }

  @WsemuTest(traceTail = 3)
  static class Fails {
    @Test
    void fails(Emulator emu) throws Exception {
      assertEquals(1, WsemuTasks.run(emu, () -> emu.winsock().WSAGetLastError()));
    }
  }

  @Test
  void theSeedPropertyOverridesTheDeclaredSeedAndAWorldsRunNamesItsTraceFile() throws Exception {
    System.setProperty("wsemu.seed", "99");
    Throwable failure;
    try {
      failure = failure(run(FailsInAWorld.class));
    } finally {
      System.clearProperty("wsemu.seed");
    }
    Path file = Path.of("target/wsemu-traces/" + FailsInAWorld.class.getName() + ".fails[WIN32_SIMULATED].trace");
    assertTrue(failure.getSuppressed()[0].getMessage().startsWith("wsemu: WIN32 on the simulated network, seed 99"
        + " (replay with -Dwsemu.seed=99), system clock; whole trace in " + file + "\nlast "), failure.getSuppressed()[0].getMessage());
    assertTrue(Files.exists(file));
  }

  @WsemuTest(seed = 5)
  static class FailsInAWorld {
    @Worlds(World.WIN32_SIMULATED)
    void fails(SimulatedNetwork network) {
      assertEquals(5, network.seed());
    }
  }

  @Test
  void aBadSeedPropertyIsNamed() {
    System.setProperty("wsemu.seed", "seven");
    try {
      assertEquals("system property wsemu.seed is not a long: seven", failure(run(Fails.class)).getMessage());
    } finally {
      System.clearProperty("wsemu.seed");
    }
  }

  @Test
  void theRealNetworkHasNoSimulatedNetworkToInject() {
    Throwable failure = failure(run(AsksForANetworkOnTheRealNetwork.class));
    assertInstanceOf(ParameterResolutionException.class, failure);
    assertTrue(failure.getMessage().endsWith(": the test runs on the real network"), failure.getMessage());
  }

  @WsemuTest(network = WsemuTest.Network.REAL)
  static class AsksForANetworkOnTheRealNetwork {
    @Test
    void asks(SimulatedNetwork network) {}
  }

  @Test
  void theThreadFactoryMakesTheEmulatorsThreads() {
    SEEN.clear();
    assertEquals(1, run(OwnThreads.class).succeeded().count());
    assertEquals(List.of(true), SEEN);
  }

  /** A thread factory whose threads are of a class of their own. */
  public static class MarkingFactory implements ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread thread = new MarkedThread(r);
      thread.setDaemon(true);
      return thread;
    }
  }

  static final class MarkedThread extends Thread {
    MarkedThread(Runnable r) {
      super(r);
    }
  }

  @WsemuTest(threadFactory = MarkingFactory.class)
  static class OwnThreads {
    @Test
    void runs(Emulator emu) throws Exception {
      assertEquals(0, WsemuTasks.run(emu, () -> {
        SEEN.add(Thread.currentThread() instanceof MarkedThread);
        return 0;
      }));
    }
  }

  @Test
  void whatTheClosedEmulatorLeftBehindFailsTheTestNamingIt() {
    Throwable failure = failure(run(Leaks.class));
    Leaks.release.countDown();
    assertInstanceOf(AssertionError.class, failure);
    assertTrue(failure.getMessage().startsWith("the emulator of leaks(Emulator) leaked:\n  Emulator(leaks, WIN32) left behind threads ["),
        failure.getMessage());
  }

  @WsemuTest(mode = SchedulingMode.WIN32)
  static class Leaks {
    static final CountDownLatch release = new CountDownLatch(1);

    @Test
    void leaks(Emulator emu) throws Exception {
      CountDownLatch running = new CountDownLatch(1);
      emu.createTask("stubborn", () -> {
        running.countDown();
        while (true) {
          try {
            release.await();
            return 0;
          } catch (InterruptedException ignored) {
            // a task that will not stop
          }
        }
      });
      emu.start();
      running.await();
    }
  }

  @Test
  void aCheckedTestFailsListingTheViolationsAndAnUncheckedOneDoesNot() {
    Throwable failure = failure(run(Careless.class));
    org.wsemu.RuleViolationException violations = assertInstanceOf(org.wsemu.RuleViolationException.class, failure);
    assertEquals(List.of("startup-unbalanced"), violations.violations().stream().map(org.wsemu.Violation::rule).toList());
    assertEquals(List.of("WSACleanup"), violations.violations().stream().map(org.wsemu.Violation::function).toList());
    Events unchecked = run(CarelessUnchecked.class);
    assertEquals(0, unchecked.failed().count());
    assertEquals(1, unchecked.succeeded().count());
  }

  /** One WSACleanup too many. */
  static int oneCleanupTooMany(Emulator emu) throws Exception {
    return WsemuTasks.run(emu, () -> emu.winsock().WSACleanup());
  }

  @WsemuTest(checked = true)
  static class Careless {
    @Test
    void cleansUpOnceTooOften(Emulator emu) throws Exception {
      assertEquals(-1, oneCleanupTooMany(emu));
    }
  }

  @WsemuTest
  static class CarelessUnchecked {
    @Test
    void cleansUpOnceTooOften(Emulator emu) throws Exception {
      assertEquals(-1, oneCleanupTooMany(emu));
    }
  }

  @Test
  void conflictingOrBadSettingsFailTheTestNamingTheRule() {
    assertEquals("@WsemuTest(traceTail) must not be negative: -1", failure(run(NegativeTail.class)).getMessage());
    assertEquals(VIRTUAL_ON_REAL, failure(run(VirtualOnTheRealNetwork.class)).getMessage());
  }

  static final String VIRTUAL_ON_REAL = "the real network needs Clock.system(): virtual time cannot wait for real sockets";

  @WsemuTest(traceTail = -1)
  static class NegativeTail {
    @Test
    void runs(Emulator emu) {}
  }

  @WsemuTest(network = WsemuTest.Network.REAL, clock = WsemuTest.ClockChoice.VIRTUAL)
  static class VirtualOnTheRealNetwork {
    @Test
    void runs(Emulator emu) {}
  }
}
