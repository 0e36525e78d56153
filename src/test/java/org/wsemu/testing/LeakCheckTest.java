package org.wsemu.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.wsemu.Emulator;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.task.OpenResources;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.MSG;

/**
 * The leak check itself: each case runs a small test class of its own through the JUnit engine,
 * configured as the suite is (junit-platform.properties, the extension's service entry), and looks
 * at how it ended. Those classes are nested, so that the build does not run them as tests of their
 * own.
 */
@Timeout(30)
class LeakCheckTest {
  /** The emulator the last case's test built, handed back to the case. */
  private static volatile Emulator built;

  private static Events run(Class<?> testClass) {
    built = null;
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(true) // junit-platform.properties, as the suite reads it
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  private static String failure(Events events) {
    assertEquals(1, events.failed().count(), "failed tests");
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage();
  }

  @Test
  void aTestThatClosesItsEmulatorPasses() {
    Events events = run(Closes.class);
    assertEquals(1, events.succeeded().count());
    assertEquals(OpenResources.NONE, built.openResources());
  }

  @Test
  void anEmulatorLeftOpenFailsTheTestWithWhatItHeldAndIsShutDown() {
    String message = failure(run(LeavesOpen.class));
    assertEquals("the test leaked (see LeakCheck):\n  Emulator(open, WIN32) was not closed; it held threads"
        + " [wsemu-open-task-0001:sleeper]", message);
    assertTrue(built.isShutDown());
    assertEquals(OpenResources.NONE, built.openResources());
  }

  @Test
  void whatAClosedEmulatorLeftBehindFailsTheTest() {
    String message = failure(run(NetworkNeverShutDown.class));
    try {
      assertEquals("the test leaked (see LeakCheck):\n  Emulator(forgetful, WIN32) left behind threads"
          + " [wsemu-forgetful-selector], 1 socket, 1 selector", message);
    } finally {
      NetworkNeverShutDown.network.inner().shutdown();
    }
  }

  @Test
  void anAllowedLeakPassesAndTheEmulatorIsShutDownAllTheSame() {
    Events events = run(AllowedLeak.class);
    assertEquals(1, events.succeeded().count());
    assertTrue(built.isShutDown());
  }

  static class Closes {
    @Test
    void closes() {
      try (Emulator emu = Emus.builder(SchedulingMode.WIN32).build()) {
        built = emu;
        emu.createTask("quick", () -> 0);
        emu.start();
      }
    }
  }

  static class LeavesOpen {
    @Test
    void leavesOpen() throws Exception {
      built = Emus.builder(SchedulingMode.WIN32).name("open").build();
      CountDownLatch running = new CountDownLatch(1);
      built.createTask("sleeper", () -> {
        running.countDown();
        built.user().GetMessage(new MSG(), 0, 0, 0); // until shutdown posts WM_QUIT
        return 0;
      });
      built.start();
      assertTrue(running.await(10, TimeUnit.SECONDS));
    }
  }

  /** A test seam: a network whose shutdown does nothing, and an endpoint opened below Winsock. */
  static class NetworkNeverShutDown {
    static volatile ForwardingNetwork network;

    @Test
    void closesAnEmulatorWhoseNetworkIgnoresShutdown() {
      ForwardingNetworkFactory forgetful = new ForwardingNetworkFactory(new RealNetwork()) {
        @Override
        public Network create(NetworkEnvironment environment) {
          network = new ForwardingNetwork(super.create(environment)) {
            @Override
            public void shutdown() {}
          };
          return network;
        }
      };
      try (Emulator emu = Emus.builder(SchedulingMode.WIN32).name("forgetful").network(forgetful).build()) {
        assertNotNull(network.openTcp());
      }
    }
  }

  @LeakCheck.Allowed("it proves that the opt-out works")
  static class AllowedLeak {
    @Test
    void leavesOpen() {
      built = Emus.builder(SchedulingMode.WIN32).build();
      built.createTask("quick", () -> 0);
      built.start();
    }
  }
}
