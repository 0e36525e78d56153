package org.wsemu.samples.planted;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsemu.explore.Choice;
import org.wsemu.explore.ScheduleFailure;
import org.wsemu.explore.Strategy;

/**
 * What shrinking leaves of the planted bugs' failing schedules (the explorations of
 * {@link PlantedExplorations}): one choice each where one will do, at the smallest option that still
 * fails, and a shrunk key that lists exactly the shrunk choices.
 */
@Timeout(300)
class PlantedShrinkTest {

  static Stream<Arguments> shrunkKeys() {
    return Stream.of(
        // a random walk's HOOK_REPOLL 37 lowered to the smallest that fails
        Arguments.of("hook-counts-time", Strategy.RANDOM_WALK, "choices:1:0*3.34"),
        // PCT's NETWORK_DELAY 3 and HOOK_REPOLL 32 give way to HOOK_REPOLL alone at its largest, 49, lowered to 34
        Arguments.of("hook-counts-time", Strategy.PCT, "choices:1:0*3.34"),
        // six choices give way to the TIMER_PHASE alone, lowered from 55 to 52
        Arguments.of("quit-lost-in-hook", Strategy.PCT, "choices:11:0*4.52"),
        // NETWORK_DELAY 1 first removed, not zeroed: the delay that matters moves up one place
        Arguments.of("blocking-read-handler", Strategy.PCT, "choices:1:0*4.2"),
        // an option that did not exist where it came (35 of 6) is not in the key
        Arguments.of("shared-buffer-nested", Strategy.PCT, "choices:1:0*4.2"),
        // the exhaustive search's largest delay, 5, lowered
        Arguments.of("telnet-dropped-key", Strategy.EXHAUSTIVE, "choices:1:0*4.2"),
        // NETWORK_DELAY 1 and TASK 1 give way to the first choice alone, a TASK choice, at 1
        Arguments.of("token-order-assumed", Strategy.EXHAUSTIVE, "choices:1:1"),
        Arguments.of("token-order-assumed", Strategy.RANDOM_WALK, "choices:4:1"));
  }

  static Stream<Arguments> programsAndStrategies() {
    return PlantedExplorationTest.programsAndStrategies();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shrunkKeys")
  void theShrunkKeyIsTheSmallestFound(String name, Strategy strategy, String key) {
    assertEquals(key, failure(name, strategy).shrunkReplayKey());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("programsAndStrategies")
  void theShrunkKeyListsExactlyTheShrunkChoices(String name, Strategy strategy) {
    ScheduleFailure failure = failure(name, strategy);
    String key = failure.shrunkReplayKey();
    String prefix = "choices:" + failure.seed() + ":";
    assertEquals(prefix, key.substring(0, Math.min(prefix.length(), key.length())), key);
    assertEquals(failure.shrunkChoices().stream().map(Choice::chosen).toList(), listed(key.substring(prefix.length())), key);
  }

  private static ScheduleFailure failure(String name, Strategy strategy) {
    return PlantedExplorations.result(PlantedBugs.named(name, false), strategy).failure().orElseThrow();
  }

  /** The options a key's list names, {@code 0*N} expanded. */
  private static List<Integer> listed(String list) {
    List<Integer> values = new ArrayList<>();
    for (String item : list.isEmpty() ? new String[0] : list.split("\\.")) {
      String[] repeat = item.split("\\*");
      for (int i = 0; i < (repeat.length == 2 ? Integer.parseInt(repeat[1]) : 1); i++) {
        values.add(Integer.parseInt(repeat[0]));
      }
    }
    return values;
  }
}
