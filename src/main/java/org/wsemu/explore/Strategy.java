package org.wsemu.explore;

/**
 * How an {@link Explorer} picks the schedules it runs. Every strategy is deterministic: the same
 * program, base seed and settings run the same schedules, in the same order, with the same traces.
 */
public enum Strategy {
  /**
   * Seeded random walk: every choice drawn uniformly from its options, from a generator seeded with
   * the schedule's seed ({@code base seed + schedule index}). Good first search; finds bugs that many
   * schedules expose.
   */
  RANDOM_WALK,
  /**
   * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010):
   * random task priorities, the highest-priority ready task runs, and {@code depth - 1} priority
   * change points among the estimated steps. Finds a bug of depth {@code d} with probability at
   * least {@code 1/(n k^(d-1))} per schedule (n tasks, k steps). Choices other than the task are
   * drawn at random.
   */
  PCT,
  /**
   * Bounded exhaustive search: depth-first over the tree of choices, the first
   * {@code maxChoices} choices of each schedule explored, the rest answered 0 (the emulator's own
   * choice). Stops when the tree is exhausted ({@link ExplorationResult#exhausted()}) or the
   * schedule budget is spent. Timing choices explore only their smallest and largest option.
   */
  EXHAUSTIVE
}
