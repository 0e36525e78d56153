package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.trace.TraceFormat;

/** Random walk and PCT on small Win16 programs: finding, determinism, parallelism, progress, hangs. */
@Timeout(120)
class ExplorerTest {

  @Test
  void theEmulatorsOwnScheduleNeverHitsTheLostUpdate() {
    ScheduleRun run = Explorer.replay("choices:1:", Programs.lostUpdate());
    assertFalse(run.failed(), () -> "failed: " + run.failure());
    assertEquals(5, run.choices().size(), "three tasks, then two: " + run.choices());
    assertTrue(run.choices().stream().allMatch(c -> c.point() == ChoicePoint.TASK && c.chosen() == 0), run.choices()::toString);
  }

  @Test
  void aRandomWalkFindsTheLostUpdate() {
    ExplorationResult result = Explorer.builder().seed(1).schedules(100).parallelism(1).build()
        .explore(Programs.lostUpdate());
    assertTrue(result.failed(), result.summary());
    ScheduleFailure failure = result.failure().orElseThrow();
    assertEquals(0, failure.schedule());
    assertEquals(1, failure.seed(), "base seed + index");
    assertEquals("random-walk:1", failure.replayKey());
    assertEquals(1, result.schedulesRun());
    assertEquals(AssertionError.class, failure.cause().getClass());
    assertEquals("lost update: counter 1", failure.cause().getMessage());
    assertTrue(failure.choices().stream().anyMatch(c -> c.chosen() != 0), "not the emulator's own schedule");
  }

  @Test
  void pctFindsTheLostUpdateAndNamesItsDepthAndSteps() {
    ExplorationResult result = Explorer.builder().strategy(Strategy.PCT).depth(3).seed(1).schedules(100)
        .parallelism(1).build().explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    // k is the 5 task choices of the emulator's own schedule (the test above)
    assertEquals("pct:3:5:" + failure.seed(), failure.replayKey());
    assertEquals(1 + failure.schedule(), failure.seed());
    assertEquals(failure.schedule() + 1, result.schedulesRun());
    ScheduleRun again = Explorer.replay(failure.replayKey(), Programs.lostUpdate());
    assertEquals("lost update: counter 1", again.failure().orElseThrow().getMessage());
  }

  @Test
  void aRandomWalkFindsTheServerThatAssumesTheOrderOfConnectionsOnTheSimulatedNetwork() {
    assertFalse(Explorer.replay("choices:1:", Programs.connectionOrder()).failed(), "the default order is fine");
    ExplorationResult result = Explorer.builder().schedules(100).parallelism(1).build()
        .explore(Programs.connectionOrder());
    ScheduleFailure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals("the server read [beta, alpha]", failure.cause().getMessage());
    assertTrue(failure.trace().stream().anyMatch(e -> e.name().equals("connect")), "a socket program's trace");
  }

  @Test
  void pctFindsTheServerThatAssumesTheOrderOfConnections() {
    ExplorationResult result = Explorer.builder().strategy(Strategy.PCT).schedules(100).parallelism(1).build()
        .explore(Programs.connectionOrder());
    ScheduleFailure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals("the server read [beta, alpha]", failure.cause().getMessage());
    assertTrue(failure.replayKey().startsWith("pct:3:"), failure.replayKey());
  }

  @Test
  void theSameSeedRunsTheSameSchedulesWithTheSameTracesByteForByte() {
    for (Strategy strategy : List.of(Strategy.RANDOM_WALK, Strategy.PCT)) {
      Map<String, String> first = traces(strategy, 1, 40);
      Map<String, String> second = traces(strategy, 1, 40);
      assertEquals(40, first.size(), strategy.toString());
      assertEquals(first, second, strategy.toString());
      assertEquals(first, traces(strategy, 2, 40), strategy + ": parallelism changes nothing");
      assertTrue(new java.util.HashSet<>(first.values()).size() > 5, strategy + " saw different orders");
    }
  }

  @Test
  void theFailureReportedIsTheLowestFailingScheduleWhateverTheParallelism() {
    ScheduledProgram rare = Programs.failsOnOrder("c1 b1 a1 c2 b2 a2");
    ExplorationResult one = Explorer.builder().schedules(1000).parallelism(1).build().explore(rare);
    ExplorationResult three = Explorer.builder().schedules(1000).parallelism(3).build().explore(rare);
    ScheduleFailure f1 = one.failure().orElseThrow(() -> new AssertionError(one.summary()));
    ScheduleFailure f3 = three.failure().orElseThrow(() -> new AssertionError(three.summary()));
    assertTrue(f1.schedule() > 2, "a schedule the workers race for: " + f1.schedule());
    assertEquals(f1.schedule(), f3.schedule());
    assertEquals(f1.replayKey(), f3.replayKey());
    assertEquals(f1.shrunkReplayKey(), f3.shrunkReplayKey());
    assertEquals(one.schedulesRun(), three.schedulesRun());
    assertEquals(f1.schedule() + 1, one.schedulesRun());
    assertEquals(one.distinctTraces(), three.distinctTraces());
  }

  @Test
  void progressEndsWithTheFinalCounts() {
    List<ExplorationProgress> calls = Collections.synchronizedList(new ArrayList<>());
    ExplorationResult result = Explorer.builder().schedules(20).progress(calls::add).build()
        .explore(Programs.yielders(Collections.synchronizedList(new ArrayList<>()), "a", "b"));
    assertFalse(result.failed());
    assertEquals(20, result.schedulesRun());
    assertEquals(2, result.distinctTraces(), "two tasks, one yield each: two orders");
    ExplorationProgress last = calls.get(calls.size() - 1);
    assertEquals(20, last.schedulesRun());
    assertEquals(20, last.schedulesPlanned());
    assertEquals(2, last.distinctTraces());
    assertTrue(last.schedulesPerSecond() > 0, last.toString());
    assertTrue(!last.elapsed().isNegative() && last.elapsed().compareTo(result.elapsed()) <= 0, last.toString());
    assertTrue(result.summary().startsWith("Random walk: 20 schedules, 2 distinct traces in "), result.summary());
    assertTrue(result.summary().endsWith("; no failure."), result.summary());
  }

  @Test
  void aHungScheduleFailsWithItsTrace() {
    ExplorationResult result = Explorer.builder().schedules(5).parallelism(1).shrink(false)
        .scheduleTimeout(Duration.ofMillis(500)).build().explore(Programs.hangs());
    ScheduleFailure failure = result.failure().orElseThrow();
    assertEquals(0, failure.schedule());
    assertInstanceOf(ScheduleTimeoutException.class, failure.cause());
    assertEquals("the schedule did not end within 500 ms (real time)", failure.cause().getMessage());
    assertTrue(failure.trace().stream().anyMatch(e -> e.name().equals("WaitMessage")), "the trace up to the hang");
    assertEquals(failure.replayKey(), failure.shrunkReplayKey(), "shrinking off");
  }

  @Test
  void theSummaryNamesTheFailureAndItsKeys() {
    ExplorationResult result = Explorer.builder().parallelism(1).build().explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow();
    String summary = result.summary();
    assertTrue(summary.startsWith("Random walk: 1 schedule, 1 distinct trace in "), summary);
    assertTrue(summary.contains("; schedule 0 (seed 1) failed: java.lang.AssertionError: lost update: counter 1."
        + " Replay: random-walk:1; shrunk (1 of 7 choices not the default): " + failure.shrunkReplayKey() + "."), summary);
  }

  /** Every schedule's trace, rendered, by replay key. */
  private static Map<String, String> traces(Strategy strategy, int parallelism, int schedules) {
    Map<String, String> traces = Collections.synchronizedMap(new TreeMap<>());
    ExplorationResult result = Explorer.builder().strategy(strategy).schedules(schedules).parallelism(parallelism)
        .onSchedule(run -> traces.put(run.replayKey(), TraceFormat.lines(run.trace())))
        .build().explore(Programs.yielders(Collections.synchronizedList(new ArrayList<>()), "a", "b", "c"));
    assertFalse(result.failed(), result.summary());
    return new TreeMap<>(traces);
  }
}
