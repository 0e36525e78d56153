package org.wsemu.samples.planted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsemu.explore.Choice;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.ScheduleFailure;
import org.wsemu.explore.ScheduleRun;
import org.wsemu.explore.Strategy;
import org.wsemu.trace.TraceFormat;

/**
 * Schedule exploration finds every planted bug with every strategy, the shrunk schedule
 * reproduces it exactly, and the fixed versions pass every strategy's schedules.
 */
@Timeout(120)
class PlantedExplorationTest {

  static Stream<Arguments> programsAndStrategies() {
    return PlantedBugs.all(false).stream()
        .flatMap(p -> PlantedExplorations.strategies().stream().map(s -> Arguments.of(p.name(), s)));
  }

  static Stream<String> programs() {
    return PlantedBugs.all(false).stream().map(PlantedProgram::name);
  }

  @Test
  void everyProgramHasItsFailureDescribed() {
    assertEquals(programs().toList(), PlantedFailures.names());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("programsAndStrategies")
  void explorationFindsThePlantedBugAndItsShrunkScheduleReproducesIt(String name, Strategy strategy) {
    PlantedProgram program = PlantedBugs.named(name, false);
    ExplorationResult result = PlantedExplorations.result(program, strategy);
    assertTrue(result.failed(), () -> result.summary());
    ScheduleFailure failure = result.failure().orElseThrow();
    assertTrue(failure.schedule() < PlantedExplorations.BUDGET, () -> "found at " + failure.schedule());
    assertTrue(PlantedFailures.isThePlantedBug(name, failure.cause()), () -> "not the planted bug: " + failure.cause());

    ScheduleRun first = Explorer.replay(failure.shrunkReplayKey(), program);
    ScheduleRun second = Explorer.replay(failure.shrunkReplayKey(), program);
    assertTrue(first.failed() && second.failed(), failure.shrunkReplayKey());
    assertEquals(PlantedFailures.kind(failure.cause()), PlantedFailures.kind(first.failure().get()));
    assertTrue(PlantedFailures.isThePlantedBug(name, first.failure().get()), () -> "shrunk: " + first.failure());
    assertEquals(TraceFormat.lines(first.trace()), TraceFormat.lines(second.trace()), "two replays, two traces");
    assertEquals(TraceFormat.lines(failure.trace()), TraceFormat.lines(first.trace()), "the failure's trace is the shrunk run's");
    assertEquals(failure.shrunkChoices(), first.choices().subList(0, failure.shrunkChoices().size()));
    assertEquals(nonZero(failure.shrunkChoices()), nonZero(first.choices()), "after the shrunk choices, only zeros");
    assertTrue(nonZero(failure.shrunkChoices()) <= nonZero(failure.choices()),
        () -> "shrunk " + failure.shrunkChoices() + " from " + failure.choices());
    assertTrue(nonZero(failure.shrunkChoices()) > 0, "the emulator's own schedule passes, so some choice is not 0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void theFixedVersionPassesEveryStrategy(String name) {
    PlantedProgram fixed = PlantedBugs.named(name, true);
    for (Strategy strategy : PlantedExplorations.strategies()) {
      ExplorationResult result = PlantedExplorations.result(fixed, strategy);
      assertFalse(result.failed(), () -> strategy + ": " + result.summary());
      assertTrue(result.schedulesRun() == PlantedExplorations.FIXED_SCHEDULES || result.exhausted(),
          () -> strategy + ": " + result.summary());
    }
  }

  private static long nonZero(java.util.List<Choice> choices) {
    return choices.stream().filter(c -> c.chosen() != 0).count();
  }
}
