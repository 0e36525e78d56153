package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.TraceFormat;

/** Replaying a schedule from its key. */
@Timeout(120)
class ReplayTest {

  @Test
  void theKeyOfTheFailingScheduleReplaysItsTraceByteForByte() {
    Map<String, String> traces = Collections.synchronizedMap(new TreeMap<>());
    ExplorationResult result = Explorer.builder().parallelism(1).seed(40).schedules(200)
        .onSchedule(run -> traces.put(run.replayKey(), TraceFormat.lines(run.trace())))
        .build().explore(Programs.connectionOrder());
    ScheduleFailure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    ScheduleRun replayed = Explorer.replay(failure.replayKey(), Programs.connectionOrder());
    assertEquals(traces.get(failure.replayKey()), TraceFormat.lines(replayed.trace()));
    assertEquals(failure.choices(), replayed.choices());
    assertEquals(failure.cause().getMessage(), replayed.failure().orElseThrow().getMessage());
  }

  @Test
  void theShrunkKeyReplaysTheShrunkTraceByteForByte() {
    ExplorationResult result = Explorer.builder().parallelism(1).build().explore(Programs.connectionOrder());
    ScheduleFailure failure = result.failure().orElseThrow();
    ScheduleRun replayed = Explorer.replay(failure.shrunkReplayKey(), Programs.connectionOrder());
    assertEquals(TraceFormat.lines(failure.trace()), TraceFormat.lines(replayed.trace()));
    assertEquals(failure.shrunkReplayKey(), replayed.replayKey());
    assertEquals("the server read [beta, alpha]", replayed.failure().orElseThrow().getMessage());
  }

  @Test
  void theChoicesOfARandomWalkReplayItAsAChoicesKey() {
    ScheduleRun walk = Explorer.replay("random-walk:77", Programs.connectionOrder());
    String key = ReplayKey.ofChoices(77, walk.choices()).toString();
    ScheduleRun listed = Explorer.replay(key, Programs.connectionOrder());
    assertEquals(TraceFormat.lines(walk.trace()), TraceFormat.lines(listed.trace()));
  }

  @Test
  void aMalformedKeyIsRejectedWithTheForms() {
    for (String key : new String[] {"", "random-walk", "random-walk:x", "pct:3:8", "pct:0:8:1", "choices:1",
        "choices:1:1.a", "choices:1:0*0", "walk:1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Explorer.replay(key, builder -> { }), key);
      assertTrue(e.getMessage().contains("random-walk:SEED, pct:DEPTH:STEPS:SEED or choices:SEED:C.C.C")
          || e.getMessage().startsWith("pct needs"), e.getMessage());
    }
  }

  /** {@code --replay SEED}: the failing schedule's seed, with the strategy, runs it again. */
  @Test
  void theSeedOfTheFailingScheduleReplaysItWithItsStrategy() {
    for (Strategy strategy : new Strategy[] {Strategy.RANDOM_WALK, Strategy.PCT}) {
      Map<String, String> traces = Collections.synchronizedMap(new TreeMap<>());
      ExplorationResult result = Explorer.builder().strategy(strategy).depth(2).parallelism(1).seed(40).schedules(200)
          .shrink(false).onSchedule(run -> traces.put(run.replayKey(), TraceFormat.lines(run.trace())))
          .build().explore(Programs.connectionOrder());
      ScheduleFailure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
      ScheduleRun bySeed = Explorer.replay(Long.toString(failure.seed()), strategy, 2, Programs.connectionOrder());
      assertEquals(failure.replayKey(), bySeed.replayKey(), strategy.name());
      assertEquals(traces.get(failure.replayKey()), TraceFormat.lines(bySeed.trace()), strategy.name());
      assertEquals(failure.cause().getMessage(), bySeed.failure().orElseThrow().getMessage());
    }
  }

  @Test
  void anExhaustiveSearchsSchedulesHaveNoSeed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Explorer.replay("5", Strategy.EXHAUSTIVE, 3, builder -> { }));
    assertEquals("an exhaustive search's schedules have no seed: replay the choices key it printed", e.getMessage());
  }

  @Test
  void aKeyIsAKeyWhateverTheStrategy() {
    ScheduleRun byKey = Explorer.replay("random-walk:77", Strategy.PCT, 3, Programs.connectionOrder());
    assertEquals("random-walk:77", byKey.replayKey());
  }
}
