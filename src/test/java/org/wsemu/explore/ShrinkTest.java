package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceFormat;

/** Shrinking a failing schedule, and the files written for it. */
@Timeout(120)
class ShrinkTest {

  @Test
  void shrinkingLeavesFewerChoicesThatAreNotTheDefaultAndStillFails() {
    ExplorationResult result = Explorer.builder().parallelism(1).seed(3).build().explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow();
    long before = nonZero(failure.choices());
    long after = nonZero(failure.shrunkChoices());
    assertTrue(after < before, before + " -> " + after + ": " + failure.shrunkChoices());
    assertTrue(after >= 1, "the emulator's own schedule passes");
    assertTrue(failure.shrunkReplayKey().startsWith("choices:" + failure.seed() + ":"), failure.shrunkReplayKey());
    assertTrue(failure.shrunkChoices().isEmpty() || failure.shrunkChoices().get(failure.shrunkChoices().size() - 1).chosen() != 0,
        "the shrunk choices end at the last that is not the default");
    assertEquals("lost update: counter 1",
        Explorer.replay(failure.shrunkReplayKey(), Programs.lostUpdate()).failure().orElseThrow().getMessage());
  }

  @Test
  void aScheduleIsSmallerByItsNonDefaultChoicesThenTheirSumThenItsLength() {
    assertTrue(Shrinker.smaller(List.of(0, 0, 9), List.of(1, 1)), "fewer non-default choices");
    assertTrue(Shrinker.smaller(List.of(2, 1), List.of(0, 1, 3)), "as many, a smaller sum");
    assertTrue(Shrinker.smaller(List.of(3), List.of(0, 3)), "as many, the same sum, shorter");
    assertFalse(Shrinker.smaller(List.of(0, 3), List.of(0, 3)), "never smaller than itself: every pass ends");
    assertFalse(Shrinker.smaller(List.of(1, 1), List.of(0, 0, 9)));
    assertFalse(Shrinker.smaller(List.of(0, 1, 3), List.of(2, 1)));
  }

  @Test
  void withoutShrinkingTheShrunkScheduleIsTheOriginal() {
    ExplorationResult result = Explorer.builder().parallelism(1).seed(3).shrink(false).build()
        .explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow();
    assertEquals(failure.replayKey(), failure.shrunkReplayKey());
    assertEquals(nonZero(failure.choices()), nonZero(failure.shrunkChoices()));
  }

  @Test
  void theShrunkRunsTraceAndDiagramAreWritten(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("failures");
    ExplorationResult result = Explorer.builder().parallelism(1).output(output).build()
        .explore(Programs.connectionOrder());
    ScheduleFailure failure = result.failure().orElseThrow();
    Path text = failure.traceFile().orElseThrow();
    Path html = failure.diagramFile().orElseThrow();
    String base = "schedule-" + failure.schedule() + "-seed-" + failure.seed();
    assertEquals(output.resolve(base + ".txt"), text);
    assertEquals(output.resolve(base + ".html"), html);
    assertEquals(TraceFormat.lines(failure.trace()).strip(), Files.readString(text, StandardCharsets.UTF_8).strip());
    assertEquals(TraceFormat.lines(failure.trace()), TraceFormat.lines(TraceFiles.read(output.resolve(base + ".jsonl"))));
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<html") && page.contains("connect"), "a sequence diagram of the run");
    assertTrue(result.summary().contains("; trace: " + text + "; diagram: " + html + "."), result.summary());
  }

  @Test
  void aRandomWalksLargeOptionIsLoweredToTheSmallestThatStillFails() {
    ExplorationResult result = Explorer.builder().parallelism(1).seed(3).build().explore(Programs.lateStarter(false));
    ScheduleFailure failure = result.failure().orElseThrow();
    assertEquals("random-walk:3", failure.replayKey());
    assertEquals(new Choice(ChoicePoint.TASK, 6, 5), failure.choices().get(0), "found with t5 first");
    assertEquals("choices:3:3", failure.shrunkReplayKey());
    assertEquals(List.of(new Choice(ChoicePoint.TASK, 6, 3)), failure.shrunkChoices());
    assertEquals("t5 ran first", failure.cause().getMessage());
    assertEquals("t3 ran first",
        Explorer.replay(failure.shrunkReplayKey(), Programs.lateStarter(false)).failure().orElseThrow().getMessage());
  }

  @Test
  void aPctScheduleIsLoweredToTheSmallestOptionThatStillFails() {
    ExplorationResult result = Explorer.builder().strategy(Strategy.PCT).parallelism(1).seed(7).build()
        .explore(Programs.lateStarter(false));
    ScheduleFailure failure = result.failure().orElseThrow();
    assertEquals("pct:3:11:7", failure.replayKey());
    assertEquals(new Choice(ChoicePoint.TASK, 6, 5), failure.choices().get(0), "found with t5 first");
    assertEquals("choices:7:3", failure.shrunkReplayKey());
    assertEquals(List.of(new Choice(ChoicePoint.TASK, 6, 3)), failure.shrunkChoices());
  }

  @Test
  void loweringNeverTurnsTheFailureIntoAnotherExceptionClass() {
    ScheduledProgram program = Programs.lateStarter(true);
    assertEquals(IllegalStateException.class, Explorer.replay("choices:1:1", program).failure().orElseThrow().getClass());
    assertEquals(IllegalStateException.class, Explorer.replay("choices:1:2", program).failure().orElseThrow().getClass());
    ScheduleRun original = Explorer.replay("choices:1:5.4.3.2.1", program);
    assertEquals("t5 ran first", original.failure().orElseThrow().getMessage());
    ScheduleRun shrunk = new Shrinker(program, 1, Duration.ofSeconds(20)).shrink(original);
    assertEquals("choices:1:3", shrunk.replayKey());
    assertEquals(AssertionError.class, shrunk.failure().orElseThrow().getClass());
    assertEquals("t3 ran first", shrunk.failure().orElseThrow().getMessage());
  }

  @Test
  void severalChoicesGiveWayToOneAtItsLargestOptionThenLowered() {
    ScheduledProgram program = Programs.lateInFirstTwo();
    ScheduleRun original = Explorer.replay("choices:1:2.2", program);
    assertEquals("t2 and t5 ran first", original.failure().orElseThrow().getMessage());
    for (String passes : List.of("choices:1:1", "choices:1:2", "choices:1:0.2", "choices:1:1.1")) {
      assertFalse(Explorer.replay(passes, program).failed(), passes);
    }
    ScheduleRun shrunk = new Shrinker(program, 1, Duration.ofSeconds(20)).shrink(original);
    assertEquals("choices:1:3", shrunk.replayKey());
    assertEquals("t3 and t4 ran first", shrunk.failure().orElseThrow().getMessage());
  }

  @Test
  void theSameFailingRunShrinksToTheSameKeyInTheSameRuns() {
    ScheduleFailure found = Explorer.builder().parallelism(1).seed(3).shrink(false).build()
        .explore(Programs.lostUpdate()).failure().orElseThrow();
    ScheduleRun original = Explorer.replay(found.replayKey(), Programs.lostUpdate());
    assertTrue(original.failed(), found.replayKey());
    Shrinker first = new Shrinker(Programs.lostUpdate(), found.seed(), Duration.ofSeconds(20));
    Shrinker second = new Shrinker(Programs.lostUpdate(), found.seed(), Duration.ofSeconds(20));
    ScheduleRun a = first.shrink(original);
    ScheduleRun b = second.shrink(original);
    assertEquals(a.replayKey(), b.replayKey());
    assertEquals(first.runs(), second.runs());
    assertEquals(TraceFormat.lines(a.trace()), TraceFormat.lines(b.trace()));
    assertTrue(first.runs() <= Shrinker.MAX_RUNS, first.runs() + " runs");
  }

  private static long nonZero(List<Choice> choices) {
    return choices.stream().filter(c -> c.chosen() != 0).count();
  }
}
