package org.wsemu.samples.planted;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;

/**
 * A choice source that answers from a script and records what it was asked, to drive a planted
 * program into its bug on purpose. Answers beyond the options offered are clamped to the last one.
 * One call at a time, as the emulator calls it (Win16); {@link #asked()} is read after the run.
 */
final class ScriptedChoices implements ChoiceSource {
  /** The answer to the {@code nth} question (from 0) asked at {@code point}. */
  @FunctionalInterface
  interface Script {
    int answer(ChoicePoint point, int options, int nth);
  }

  private final Script script;
  private final Map<ChoicePoint, Integer> counts = new EnumMap<>(ChoicePoint.class);
  private final List<String> asked = new ArrayList<>();

  private ScriptedChoices(Script script) {
    this.script = script;
  }

  /** Always 0: the emulator's own schedule, but asked at every choice point. */
  static ScriptedChoices zeros() {
    return new ScriptedChoices((point, options, nth) -> 0);
  }

  /** {@code answer} (clamped) at every question at {@code point}, 0 elsewhere. */
  static ScriptedChoices always(ChoicePoint point, int answer) {
    return new ScriptedChoices((p, options, nth) -> p == point ? answer : 0);
  }

  /** {@code answer} (clamped) at the {@code nth} question at {@code point} only, 0 elsewhere. */
  static ScriptedChoices once(ChoicePoint point, int nth, int answer) {
    return new ScriptedChoices((p, options, n) -> p == point && n == nth ? answer : 0);
  }

  /** A script of its own. */
  static ScriptedChoices of(Script script) {
    return new ScriptedChoices(script);
  }

  @Override
  public synchronized int choose(ChoicePoint point, int options) {
    int nth = counts.merge(point, 1, Integer::sum) - 1;
    int answer = Math.max(0, Math.min(options - 1, script.answer(point, options, nth)));
    asked.add(point + "#" + nth + ":" + answer + "/" + options);
    return answer;
  }

  /** Every question asked, as "POINT#nth:answer/options", in order. */
  synchronized List<String> asked() {
    return List.copyOf(asked);
  }

  /** How many questions were asked at {@code point}. */
  synchronized int count(ChoicePoint point) {
    return counts.getOrDefault(point, 0);
  }
}
