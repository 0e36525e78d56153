package org.wsemu.samples.planted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsemu.RuleViolationException;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;

/**
 * Each planted program on chosen schedules: its own schedule passes (no source, and a source that
 * answers 0 everywhere), one scripted schedule shows the bug with the exact failure, and the fixed
 * version passes that same schedule.
 */
@Timeout(60)
class PlantedScriptedTest {

  /** A program, the schedule that shows its bug, and the failure's class and message. */
  record Case(String name, Supplier<ScriptedChoices> script, Class<? extends Throwable> failure, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("telnet-dropped-key", () -> ScriptedChoices.always(ChoicePoint.NETWORK_DELAY, 5), AssertionError.class,
            "the screen shows \"$ \", not the prompt and the echo of \"ls\\r\": keys typed during recv were lost"),
        new Case("shared-buffer-nested", () -> ScriptedChoices.once(ChoicePoint.NETWORK_DELAY, 3, 5), AssertionError.class,
            "filed [record 2, record 2] instead of [record 1, record 2]: the nested handler overwrote the line buffer"),
        new Case("blocking-read-handler", () -> ScriptedChoices.once(ChoicePoint.NETWORK_DELAY, 5, 5), AssertionError.class,
            "read the records [hello, ] instead of [hello, world!]"),
        new Case("cancel-races-lookup-reply", () -> ScriptedChoices.always(ChoicePoint.DUE_ORDER, 1), AssertionError.class,
            "the program chose backup but took the address 10.0.0.25 (WSACancelAsyncRequest returned -1)"),
        new Case("timer-closes-socket", () -> ScriptedChoices.always(ChoicePoint.NETWORK_DELAY, 5),
            RuleViolationException.class, "#59 0001:client sockets-left-open in WSACleanup (sockets=1)"),
        new Case("completion-order-assumed", () -> ScriptedChoices.always(ChoicePoint.COMPLETION_ORDER, 1),
            AssertionError.class, "assembled \"TO---SUBJCTFROM\" instead of \"FROMTO---SUBJCT\""),
        new Case("quit-lost-in-hook", () -> ScriptedChoices.once(ChoicePoint.TIMER_PHASE, 1, 55), AssertionError.class,
            "the monitor was still running 300 ms after its window was closed: WM_QUIT was lost"),
        new Case("token-order-assumed", () -> ScriptedChoices.once(ChoicePoint.TASK, 1, 1), AssertionError.class,
            "MAILCHECK used the token null, not T-1994"),
        new Case("lookup-reply-blocks", () -> ScriptedChoices.always(ChoicePoint.LOOKUP_LATENCY, 20), AssertionError.class,
            "logged: false, mail greeting: +OK: a handler's blocking call failed inside another one"),
        new Case("hook-counts-time", () -> ScriptedChoices.always(ChoicePoint.HOOK_REPOLL, 49), AssertionError.class,
            "the request was cancelled (error 10004) though the server answers within 200 ms:"
                + " the hook's count of its calls ran out early"))
        .map(Arguments::of);
  }

  @Test
  void everyProgramHasACase() {
    List<String> names = cases().map(a -> ((Case) a.get()[0]).name()).toList();
    assertEquals(PlantedBugs.all(false).stream().map(PlantedProgram::name).toList(), names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theEmulatorsOwnSchedulePasses(Case c) {
    PlantedProgram program = PlantedBugs.named(c.name(), false);
    assertNull(PlantedRuns.run(program, ChoiceSource.none()).failure(), "no source");
    ScriptedChoices zeros = ScriptedChoices.zeros();
    assertNull(PlantedRuns.run(program, zeros).failure(), "every choice 0");
    assertTrue(zeros.asked().size() > 0, "the program meets choice points");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theScriptedScheduleShowsTheBug(Case c) {
    ScriptedChoices script = c.script().get();
    Throwable failure = PlantedRuns.run(PlantedBugs.named(c.name(), false), script).failure();
    assertInstanceOf(c.failure(), failure);
    if (failure instanceof RuleViolationException rules) {
      assertEquals(1, rules.violations().size(), failure.getMessage());
      assertTrue(failure.getMessage().contains(c.message()), failure.getMessage());
    } else {
      assertEquals(c.message(), failure.getMessage());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theFixedVersionPassesTheSameSchedule(Case c) {
    PlantedRuns.Outcome outcome = PlantedRuns.run(PlantedBugs.named(c.name(), true), c.script().get());
    assertNull(outcome.failure(), () -> outcome.trace());
  }
}
