package org.wsemu.samples.planted;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.Strategy;

/**
 * The explorations of the planted programs that the tests check and the documentation's table
 * records: seed 1, each strategy, a budget of schedules. Each exploration runs once per JVM and
 * is kept (the results are the same on every run: same program, seed and strategy, same schedules).
 * Thread-safe.
 */
final class PlantedExplorations {
  /** The base seed of every exploration. */
  static final long SEED = 1;
  /** The most schedules one exploration of a program with its bug runs. */
  static final int BUDGET = 500;
  /** How many schedules a fixed program passes with each strategy. */
  static final int FIXED_SCHEDULES = 100;
  /** PCT's bug depth. */
  static final int DEPTH = 3;
  /**
   * How many choices of each schedule the exhaustive search branches on (maxChoices): each bug
   * needs one or two particular choices early in its run, and the tree doubles with each level (a
   * timing point branches on its ends, 0 and its largest option), so a deeper search spends its
   * budget on the last choices first.
   */
  static final int EXHAUSTIVE_DEPTH = 8;
  /** maxChoices of the other strategies: the explorer's default. */
  static final int DEFAULT_MAX_CHOICES = 64;

  private static final Map<String, ExplorationResult> RESULTS = new ConcurrentHashMap<>();

  private PlantedExplorations() {}

  /** The strategies, in the table's order. */
  static List<Strategy> strategies() {
    return List.of(Strategy.RANDOM_WALK, Strategy.PCT, Strategy.EXHAUSTIVE);
  }

  /** The explorer of one strategy for {@code program}, for {@code schedules} schedules. */
  static Explorer explorer(PlantedProgram program, Strategy strategy, int schedules) {
    return Explorer.builder().strategy(strategy).seed(SEED).schedules(schedules).depth(DEPTH)
        .maxChoices(strategy == Strategy.EXHAUSTIVE ? EXHAUSTIVE_DEPTH : DEFAULT_MAX_CHOICES)
        .parallelism(2).shrink(!program.fixed()).build();
  }

  /** The exploration of {@code program} with {@code strategy}: with its bug the budget, fixed {@link #FIXED_SCHEDULES}. */
  static ExplorationResult result(PlantedProgram program, Strategy strategy) {
    String key = program + "/" + strategy;
    return RESULTS.computeIfAbsent(key, k ->
        explorer(program, strategy, program.fixed() ? FIXED_SCHEDULES : BUDGET).explore(program));
  }
}
