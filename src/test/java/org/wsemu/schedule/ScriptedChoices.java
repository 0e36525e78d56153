package org.wsemu.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wsemu.internal.GuardedBy;

/**
 * A choice source for tests: it answers 0 unless a test queued answers for a choice point (the
 * next asks at that point take them, in order), and it records every offer as
 * {@code "POINT/options"}. A task arms it just before the step under test, so that the answers go
 * to that step's choices and not to those of the set-up.
 *
 * <p>Thread-safe: the emulator asks on its threads, the test arms and reads on its own.
 */
final class ScriptedChoices implements ChoiceSource {
  private final ChoiceLimits limits;
  @GuardedBy("this") private final Map<ChoicePoint, Deque<Integer>> answers = new EnumMap<>(ChoicePoint.class);
  @GuardedBy("this") private final List<String> offers = new ArrayList<>();
  @GuardedBy("this") private boolean recording = true;

  ScriptedChoices() {
    this(ChoiceLimits.DEFAULT);
  }

  ScriptedChoices(ChoiceLimits limits) {
    this.limits = limits;
  }

  /** The next asks at {@code point} get these answers; the offers recorded so far are forgotten. */
  synchronized ScriptedChoices answerNext(ChoicePoint point, int... next) {
    Deque<Integer> queue = answers.computeIfAbsent(point, p -> new ArrayDeque<>());
    for (int answer : next) {
      queue.add(answer);
    }
    offers.clear();
    recording = true;
    return this;
  }

  /** Stops recording offers, at the end of the step under test (the answers still go on). */
  synchronized void stopRecording() {
    recording = false;
  }

  /** The options counts offered at {@code point} since the last {@link #answerNext}, in order. */
  synchronized List<Integer> offered(ChoicePoint point) {
    String prefix = point + "/";
    return offers.stream().filter(o -> o.startsWith(prefix)).map(o -> Integer.valueOf(o.substring(prefix.length()))).toList();
  }

  /** Every offer since the last {@link #answerNext}, as {@code "POINT/options"}. */
  synchronized List<String> offers() {
    return List.copyOf(offers);
  }

  @Override
  public synchronized int choose(ChoicePoint point, int options) {
    if (recording) {
      offers.add(point + "/" + options);
    }
    Deque<Integer> queue = answers.get(point);
    Integer answer = queue == null ? null : queue.poll();
    return answer == null ? 0 : answer;
  }

  @Override
  public ChoiceLimits limits() {
    return limits;
  }
}
