package org.wsemu.explore;

import java.util.SplittableRandom;
import org.wsemu.schedule.ChoicePoint;

/**
 * The random walk: every choice drawn uniformly from its options. The options of a timing point
 * span the source's {@link org.wsemu.schedule.ChoiceLimits}. Threading: as {@link RecordingSource}.
 */
final class RandomWalkSource extends RecordingSource {
  private final SplittableRandom random;

  RandomWalkSource(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  int answer(ChoicePoint point, int options, int index) {
    return random.nextInt(options);
  }

  @Override
  public String toString() {
    return "random walk";
  }
}
