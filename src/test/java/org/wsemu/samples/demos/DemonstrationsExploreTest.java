package org.wsemu.samples.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wsemu.trace.EventMatcher.call;
import static org.wsemu.trace.EventMatcher.event;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsemu.explore.Choice;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.ScheduleRun;
import org.wsemu.explore.ScheduledProgram;
import org.wsemu.explore.Strategy;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceKind;

/**
 * Every demonstration of the catalogue survives schedule exploration, as {@code wsemu explore
 * DEMO} runs it: on each of a few random-walk and PCT schedules (other task orders, timer phases,
 * network delays, completion orders) its program ends and shows its rule. A demonstration whose
 * program works only in the emulator's own task order, or whose check counts on one timing, fails
 * here with the replay key of the schedule that breaks it.
 */
class DemonstrationsExploreTest {
  /** Schedules per demonstration and strategy: the whole class takes a few seconds. */
  static final int SCHEDULES = 20;
  /** Far more than any demonstration's schedule takes (well under a second): a hang fails fast. */
  static final Duration SCHEDULE_TIMEOUT = Duration.ofSeconds(5);

  private static final PrintWriter DISCARDED = new PrintWriter(OutputStream.nullOutputStream());

  static Stream<Arguments> demonstrationsAndStrategies() {
    return Demonstrations.all().stream().map(Demonstration::name)
        .flatMap(name -> Stream.of(Strategy.RANDOM_WALK, Strategy.PCT).map(s -> Arguments.of(name, s)));
  }

  /**
   * The demonstration as {@code wsemu explore} explores it: its schedule fails when the run does not
   * show the rule or its program throws.
   */
  static ScheduledProgram program(String name) {
    Demonstration demo = Demonstrations.find(name).orElseThrow();
    return builder -> {
      if (!Demonstrations.run(demo, builder, DISCARDED)) {
        throw new AssertionError(name + ": the run did not show the rule: " + demo.rule());
      }
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("demonstrationsAndStrategies")
  @Timeout(120)
  void everyScheduleEndsAndShowsTheRule(String name, Strategy strategy) {
    ExplorationResult result = Explorer.builder()
        .strategy(strategy)
        .depth(2)
        .schedules(SCHEDULES)
        .seed(1)
        .parallelism(2)
        .shrink(false)
        .scheduleTimeout(SCHEDULE_TIMEOUT)
        .build()
        .explore(program(name));

    assertFalse(result.failed(), result::summary);
    assertEquals(SCHEDULES, result.schedulesRun(), result::summary);
  }

  @Test
  @Timeout(60)
  void selectZeroTimeoutShowsItsRuleWhenPollerStartsBeforeCounterHasItsWindow() {
    ScheduleRun run = Explorer.replay("choices:1:1", program(SelectZeroTimeout.NAME));

    assertFalse(run.failed(), () -> String.valueOf(run.failure()));
    assertEquals(new Choice(ChoicePoint.TASK, 2, 1), run.choices().get(0), "the first choice starts POLLER");
    TraceAssertions trace = TraceAssertions.assertThat(run.trace());
    trace.containsSubsequence(
        event(TraceKind.TASK, "start").by("0002:poller"),
        call("FindWindow").by("0002:poller").with("ret", "0x0000"),
        event(TraceKind.SWITCH, "Yield").by("0001:counter").with("from", "0002:poller"),
        call("CreateWindow").by("0001:counter").with("ret", "0x0100"),
        call("Yield").by("0002:poller"),
        call("FindWindow").by("0002:poller").with("ret", "0x0100"),
        call("select").by("0002:poller").with("ret", 0));
    // The point of the demonstration, in this order too: the three polls, then the select that may wait.
    assertEquals(List.of(0, 0, 0, 0), run.trace().stream()
        .filter(e -> e.kind() == TraceKind.CALL && e.name().equals("select")).map(e -> e.field("ret")).toList());
  }

  @Test
  @Timeout(60)
  void overlappedOutOfOrderShowsItsRuleWhenTheCompletionsComeInPostedOrder() {
    ScheduleRun run = Explorer.replay("random-walk:29", program("overlapped-out-of-order"));

    assertFalse(run.failed(), () -> String.valueOf(run.failure()));
    assertEquals(List.of(4, 5, 6, 7), run.trace().stream().filter(e -> e.kind() == TraceKind.COMPLETION)
        .map(e -> e.field("bytes")).toList(), "this schedule indicates the four receives in posted order");
  }

  @Test
  @Timeout(60)
  void asyncSelectNoInProgressAsksItsStatusBeforeTheAnswerWhenTheTimerTicksAsLateAsItCan() {
    // Both status timers tick first as late as a timer phase allows (55 ms), and the packets come
    // a few ms late: the first tick still comes inside the blocking recv, and STAT is still sent
    // before DATE is answered, as the server's dialogue expects.
    ScheduleRun run = Explorer.replay("random-walk:18", program("async-select-no-inprogress"));

    assertFalse(run.failed(), () -> String.valueOf(run.failure()));
    assertEquals(List.of(55, 55), run.choices().stream().filter(c -> c.point() == ChoicePoint.TIMER_PHASE)
        .map(Choice::chosen).toList(), "this schedule's timer phases");
    TraceAssertions trace = TraceAssertions.assertThat(run.trace());
    trace.call("send").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").times(1);
    trace.call("send").returned(6).with("s", 2).times(3);
  }
}
