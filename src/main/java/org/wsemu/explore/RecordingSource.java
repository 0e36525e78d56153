package org.wsemu.explore;

import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;

/**
 * A {@link ChoiceSource} that records every choice it makes: the base of the strategies' sources.
 * An answer out of range becomes 0, so a source never throws into the emulator. After
 * {@link #MAX_CHOICES} choices it answers 0 to everything and stops exploring: the emulator's own
 * rules are fair, so tasks that poll each other (which an unfair order can starve forever) get on.
 *
 * <p>Threading: the emulator calls it one call at a time, from different threads; the calls and
 * {@link #choices()} synchronize on the source.
 */
abstract class RecordingSource implements ChoiceSource {
  /** The most choices one schedule makes; the later ones are the emulator's own. */
  static final int MAX_CHOICES = 10_000;

  @GuardedBy("this") private final List<Choice> choices = new ArrayList<>();

  /** The option for choice number {@code index} (from 0) at {@code point}. */
  abstract int answer(ChoicePoint point, int options, int index);

  /** The task for choice number {@code index}; by default as {@link #answer} at {@link ChoicePoint#TASK}. */
  int answerTask(int[] readyTasks, int index) {
    return answer(ChoicePoint.TASK, readyTasks.length, index);
  }

  @Override
  public final synchronized int choose(ChoicePoint point, int options) {
    if (options < 2 || choices.size() >= MAX_CHOICES) {
      return 0;
    }
    return record(point, options, answer(point, options, choices.size()));
  }

  @Override
  public final synchronized int chooseTask(int[] readyTasks) {
    if (readyTasks.length < 2 || choices.size() >= MAX_CHOICES) {
      return 0;
    }
    return record(ChoicePoint.TASK, readyTasks.length, answerTask(readyTasks, choices.size()));
  }

  /** Whether the source still explores: false once it made {@link #MAX_CHOICES} choices. */
  @Override
  public final synchronized boolean exploring() {
    return choices.size() < MAX_CHOICES;
  }

  @GuardedBy("this")
  private int record(ChoicePoint point, int options, int answer) {
    int chosen = answer >= 0 && answer < options ? answer : 0;
    choices.add(new Choice(point, options, chosen));
    return chosen;
  }

  /** The choices made so far. */
  final synchronized List<Choice> choices() {
    return List.copyOf(choices);
  }
}
