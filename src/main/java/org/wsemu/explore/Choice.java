package org.wsemu.explore;

import org.wsemu.schedule.ChoicePoint;

/**
 * One choice a schedule made: at {@code point}, {@code chosen} out of {@code options}. Option 0 is
 * what the emulator does by itself.
 *
 * @param point where the choice was made
 * @param options how many options there were, at least 2
 * @param chosen the option taken, from 0 to {@code options - 1}
 */
public record Choice(ChoicePoint point, int options, int chosen) {
  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if {@code options < 2} or {@code chosen} is not an option
   */
  public Choice {
    java.util.Objects.requireNonNull(point, "point");
    if (options < 2) {
      throw new IllegalArgumentException("options < 2: " + options);
    }
    if (chosen < 0 || chosen >= options) {
      throw new IllegalArgumentException("chosen not in [0, " + options + "): " + chosen);
    }
  }

  /** {@code TASK 1/3}: the point, the option taken and the number of options. */
  @Override
  public String toString() {
    return point + " " + chosen + "/" + options;
  }
}
