package org.wsemu.explore;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.wsemu.internal.GuardedBy;
import org.wsemu.schedule.ChoicePoint;

/**
 * PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte, "A Randomized Scheduler with Probabilistic
 * Guarantees of Finding Bugs", ASPLOS 2010): each task gets a random priority of at least
 * {@code depth} when first seen; {@code depth - 1} change points are drawn among the {@code steps}
 * task choices; at the {@code i}-th, the task about to run drops to priority {@code depth - i}; the
 * highest-priority ready task always runs. The other choice points are drawn uniformly.
 *
 * <p>Threading: as {@link RecordingSource}; its state is touched only inside the source's calls.
 */
final class PctSource extends RecordingSource {
  private final SplittableRandom random;
  private final int depth;
  private final int[] changePoints;
  @GuardedBy("this") private final Map<Integer, Long> priorities = new HashMap<>();
  @GuardedBy("this") private int step;

  PctSource(int depth, int steps, long seed) {
    this.random = new SplittableRandom(seed);
    this.depth = depth;
    this.changePoints = new int[depth - 1];
    for (int i = 0; i < changePoints.length; i++) {
      changePoints[i] = 1 + random.nextInt(steps);
    }
  }

  @Override
  int answer(ChoicePoint point, int options, int index) {
    return random.nextInt(options);
  }

  @Override
  @GuardedBy("this")
  int answerTask(int[] readyTasks, int index) {
    step++;
    for (int task : readyTasks) {
      priorities.computeIfAbsent(task, t -> depth + (long) random.nextInt(Integer.MAX_VALUE));
    }
    int best = highest(readyTasks);
    for (int i = 0; i < changePoints.length; i++) {
      if (changePoints[i] == step) {
        priorities.put(readyTasks[best], (long) (depth - 1 - i));
        best = highest(readyTasks);
      }
    }
    return best;
  }

  @GuardedBy("this")
  private int highest(int[] readyTasks) {
    int best = 0;
    for (int i = 1; i < readyTasks.length; i++) {
      if (priorities.get(readyTasks[i]) > priorities.get(readyTasks[best])) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "PCT depth " + depth;
  }
}
