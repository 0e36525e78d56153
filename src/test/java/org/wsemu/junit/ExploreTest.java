package org.wsemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.junit.ExtensionRuns.failure;
import static org.wsemu.junit.ExtensionRuns.run;
import static org.wsemu.junit.ExtensionRuns.succeeded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.Events;
import org.wsemu.Emulator;
import org.wsemu.explore.Strategy;

/**
 * {@link Explore}, seen from outside: each case runs a small sample test class through the JUnit
 * engine. The samples are nested, so that the build does not run them on their own. Their program
 * has an order bug: task {@code use} reads what task {@code init} sets without waiting for it; the
 * emulator's own order runs {@code init} first, a schedule that runs {@code use} first fails.
 */
@Timeout(120)
class ExploreTest {
  /** How many times the samples' methods ran, and what they saw. */
  static final AtomicInteger CALLS = new AtomicInteger();
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  /** The program: fails when {@code use} runs before {@code init}, unless it {@code waits}. */
  static void initThenUse(Emulator.Builder builder, boolean waits) throws Exception {
    CALLS.incrementAndGet();
    AtomicBoolean initialised = new AtomicBoolean();
    AtomicBoolean sawInitialised = new AtomicBoolean();
    try (Emulator emu = builder.name("init-order").build()) {
      emu.createTask("init", () -> {
        initialised.set(true);
        return 0;
      });
      emu.createTask("use", () -> {
        while (waits && !initialised.get()) {
          emu.user().Yield();
        }
        sawInitialised.set(initialised.get());
        return 0;
      });
      emu.start();
      assertTrue(emu.awaitTasks(Duration.ofSeconds(10)));
    }
    assertTrue(sawInitialised.get(), "use ran before init");
  }

  private static Events runSample(Class<?> sample) {
    CALLS.set(0);
    SEEN.clear();
    return run(sample);
  }

  static class Buggy {
    @Explore(schedules = 50)
    void initBeforeUse(Emulator.Builder builder) throws Exception {
      initThenUse(builder, false);
    }
  }

  @Test
  void aFailingScheduleFailsTheTestWithTheExplorersSummaryAndTheKeyThatReplaysIt() throws Exception {
    Throwable thrown = failure(runSample(Buggy.class));
    assertInstanceOf(AssertionError.class, thrown);
    String message = thrown.getMessage();
    Matcher key = Pattern.compile("Replay it alone with @Explore\\(replay = \"((random-walk|choices):(\\d+)(:1)?)\"\\)$").matcher(message);
    assertTrue(key.find(), message);
    long seed = Long.parseLong(key.group(3));
    assertTrue(message.contains("random-walk:" + seed), "the key of the schedule as found: " + message);
    assertTrue(CALLS.get() > seed - 1, "schedules up to the failing one ran: " + CALLS.get());
    assertEquals("use ran before init ==> expected: <true> but was: <false>", thrown.getCause().getMessage());
    Path dir = Path.of("target/wsemu-explore", Buggy.class.getName(), "initBeforeUse").toAbsolutePath();
    try (var files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertTrue(names.stream().anyMatch(n -> n.endsWith(".txt")) && names.stream().anyMatch(n -> n.endsWith(".html")), names.toString());
    }
    assertTrue(message.contains(dir.toString()), "the summary names the files: " + message);

    Throwable again = failure(runSample(Buggy.class));
    assertEquals(message.replaceAll("\\d+\\.\\d s", "T"), again.getMessage().replaceAll("\\d+\\.\\d s", "T"),
        "the same exploration finds the same schedule, its elapsed time aside");
  }

  static class Fixed {
    @Explore(schedules = 30, seed = 5)
    void initBeforeUse(Emulator.Builder builder) throws Exception {
      initThenUse(builder, true);
    }
  }

  @Test
  void aFixedProgramPassesAfterEverySchedule() {
    Events events = runSample(Fixed.class);
    assertEquals(List.of("initBeforeUse(Builder)"), succeeded(events));
    assertEquals(30, CALLS.get(), "one call per schedule");
  }

  static class Replayed {
    @Explore(replay = "choices:3:1")
    void theFailingSchedule(Emulator.Builder builder) throws Exception {
      initThenUse(builder, false);
    }
  }

  @Test
  void aReplayKeyRunsThatOneScheduleAndFailsAsItDid() {
    Throwable thrown = failure(runSample(Replayed.class));
    assertEquals(1, CALLS.get());
    Path trace = Path.of("target/wsemu-explore", Replayed.class.getName(), "theFailingSchedule", "replay.txt").toAbsolutePath();
    assertEquals("the replayed schedule choices:3:1 failed: " + thrown.getCause() + "; its trace is in " + trace
        + " (and replay.jsonl, its diagram in replay.html)", thrown.getMessage());
    for (String name : List.of("replay.txt", "replay.jsonl", "replay.html")) {
      assertTrue(Files.isRegularFile(trace.resolveSibling(name)), name);
    }
  }

  static class ReplayedDefault {
    @Explore(replay = "choices:3:")
    void theDefaultSchedule(Emulator.Builder builder) throws Exception {
      initThenUse(builder, false);
    }
  }

  @Test
  void theDefaultSchedulesKeyReplaysAndPasses() {
    assertEquals(List.of("theDefaultSchedule(Builder)"), succeeded(runSample(ReplayedDefault.class)));
    assertEquals(1, CALLS.get());
  }

  static class OtherParameters {
    @Explore(schedules = 3, strategy = Strategy.PCT, depth = 2)
    void seesItsTestInfo(TestInfo info, Emulator.Builder builder) throws Exception {
      SEEN.add(info.getTestMethod().orElseThrow().getName());
      initThenUse(builder, true);
    }
  }

  @Test
  void otherParametersAreResolvedOnceAndPassedToEverySchedule() {
    assertEquals(1, succeeded(runSample(OtherParameters.class)).size());
    assertTrue(SEEN.size() >= 3, "at least once per schedule: " + SEEN);
    assertEquals(List.of("seesItsTestInfo"), SEEN.stream().distinct().toList());
  }

  @WsemuTest
  static class OnAWsemuTestClass {
    Emulator injected;

    @Explore(schedules = 2)
    void explores(Emulator.Builder builder) throws Exception {
      SEEN.add(String.valueOf(injected));
      initThenUse(builder, true);
    }
  }

  @Test
  void onAWsemuTestClassTheOtherExtensionBuildsNothingForAnExploreTest() {
    assertEquals(List.of("explores(Builder)"), succeeded(runSample(OnAWsemuTestClass.class)));
    assertEquals(List.of("null", "null"), SEEN);
    assertEquals(2, CALLS.get());
  }

  static class NoBuilder {
    @Explore
    void nothingToExplore() {}
  }

  @Test
  void aMethodWithoutABuilderFailsNamingTheRule() {
    Throwable thrown = failure(runSample(NoBuilder.class));
    assertInstanceOf(ExtensionConfigurationException.class, thrown);
    assertEquals("@Explore method nothingToExplore needs an Emulator.Builder parameter", thrown.getMessage());
  }

  static class BadSchedules {
    @Explore(schedules = 0)
    void none(Emulator.Builder builder) {}
  }

  @Test
  void aScheduleCountBelowOneFailsNamingTheRule() {
    Throwable thrown = failure(runSample(BadSchedules.class));
    assertEquals("@Explore(schedules) must be from 1 to 2147483647: 0", thrown.getMessage());
    assertEquals(0, CALLS.get());
  }

  @Test
  void systemPropertiesOverrideTheScheduleCountAndTheSeed() {
    System.setProperty(ExploreExtension.SCHEDULES_PROPERTY, "7");
    try {
      assertEquals(1, succeeded(runSample(Fixed.class)).size());
      assertEquals(7, CALLS.get());
    } finally {
      System.clearProperty(ExploreExtension.SCHEDULES_PROPERTY);
    }
    System.setProperty(ExploreExtension.SEED_PROPERTY, "1000");
    try {
      String message = failure(runSample(Buggy.class)).getMessage();
      Matcher key = Pattern.compile("Replay it alone with @Explore\\(replay = \"(random-walk|choices):(\\d+)(:1)?\"\\)$").matcher(message);
      assertTrue(key.find(), message);
      assertTrue(Long.parseLong(key.group(2)) >= 1000, "the seeds start at 1000: " + message);
    } finally {
      System.clearProperty(ExploreExtension.SEED_PROPERTY);
    }
  }
}
