package org.wsemu.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Schedule exploration: runs a Win16 program on many schedules (orders of tasks, of simultaneous
 * events, timing jitter: the choice points of {@link org.wsemu.schedule.ChoicePoint}) to find one
 * on which it fails, shrinks that schedule, and reports it with a key that replays it exactly.
 *
 * <pre>{@code
 * import org.wsemu.explore.ExplorationResult;
 * import org.wsemu.explore.Explorer;
 * import org.wsemu.explore.ScheduledProgram;
 * import org.wsemu.explore.Strategy;
 *
 * ScheduledProgram program = builder -> {
 *   try (var emu = builder.build()) {
 *     emu.start();
 *   }
 * };
 * ExplorationResult result = Explorer.builder().strategy(Strategy.PCT).schedules(200).seed(7).build()
 *     .explore(program);
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>Threading: an explorer is immutable and may explore several programs, one after the other or
 * at once; each exploration runs its schedules on its own fixed pool of
 * {@link Builder#parallelism(int)} threads, each schedule on its own emulator. Nothing is shared
 * between schedules but the program.
 */
public final class Explorer {
  private final Settings settings;

  private Explorer(Settings settings) {
    this.settings = settings;
  }

  /** A builder with the defaults: random walk, 1000 schedules, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code program} on up to {@link Builder#schedules(int)} schedules, stopping at the first
   * failing one (the lowest index, whatever the parallelism), which it shrinks and writes out.
   *
   * @throws NullPointerException if {@code program} is null
   */
  public ExplorationResult explore(ScheduledProgram program) {
    Objects.requireNonNull(program, "program");
    return new Exploration(settings, program).run();
  }

  /**
   * Runs {@code program} once on the schedule a replay key names, as the exploration ran it: the same
   * choices, the same trace, byte for byte. The keys are {@code random-walk:SEED},
   * {@code pct:DEPTH:STEPS:SEED} and {@code choices:SEED:C.C.C} (docs/exploration.md).
   *
   * @throws IllegalArgumentException if the key is malformed
   */
  public static ScheduleRun replay(String replayKey, ScheduledProgram program) {
    Objects.requireNonNull(program, "program");
    return ScheduleRunner.run(ReplayKey.parse(replayKey), program, Settings.DEFAULT_SCHEDULE_TIMEOUT);
  }

  /**
   * {@link #replay(String, ScheduledProgram)} for a replay key, {@link #replaySeed} for a bare seed
   * (digits, as {@link ScheduleFailure#seed()} gives it) with {@code strategy} and {@code depth}:
   * what the command line's {@code --replay} and {@code @Explore(replay = ...)} accept.
   *
   * @throws IllegalArgumentException if it is neither a key nor a seed, or as {@link #replaySeed} says
   */
  public static ScheduleRun replay(String keyOrSeed, Strategy strategy, int depth, ScheduledProgram program) {
    Objects.requireNonNull(keyOrSeed, "keyOrSeed");
    if (keyOrSeed.matches("-?[0-9]{1,18}")) {
      return replaySeed(Long.parseLong(keyOrSeed), strategy, depth, program);
    }
    return replay(keyOrSeed, program);
  }

  /**
   * Runs {@code program} once on the schedule an exploration with {@code strategy} runs with
   * {@code seed} (schedule {@code i} of an exploration has seed base + i): what {@code --replay SEED}
   * does. A random walk's seed names its schedule alone. A PCT schedule also needs its step
   * estimate, measured first by one run of the emulator's own schedule with the network seeded
   * {@code seed}; for a program whose task steps do not depend on the network's seed that is the
   * exploration's estimate, and the key of a failure ({@code pct:DEPTH:STEPS:SEED}) replays exactly
   * in any case.
   *
   * @param depth PCT's bug depth (ignored by a random walk)
   * @throws IllegalArgumentException for {@link Strategy#EXHAUSTIVE}, whose schedules have no seed
   *     (replay its {@code choices} key), or a depth below 1 with PCT
   */
  public static ScheduleRun replaySeed(long seed, Strategy strategy, int depth, ScheduledProgram program) {
    Objects.requireNonNull(program, "program");
    int steps = Objects.requireNonNull(strategy, "strategy") == Strategy.PCT
        ? Exploration.estimateSteps(program, seed, Settings.DEFAULT_SCHEDULE_TIMEOUT) : 0;
    ReplayKey key = ReplayKey.ofSeed(strategy, depth, steps, seed);
    return ScheduleRunner.run(key, program, Settings.DEFAULT_SCHEDULE_TIMEOUT);
  }

  /** The settings, for messages. */
  @Override
  public String toString() {
    return "Explorer" + settings;
  }

  /**
   * Builds an {@link Explorer}. Not thread-safe; use it on one thread.
   */
  public static final class Builder {
    private Strategy strategy = Strategy.RANDOM_WALK;
    private int schedules = 1000;
    private long seed = 1;
    private int depth = 3;
    private int maxChoices = 64;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private boolean shrink = true;
    private Path output;
    private Consumer<ExplorationProgress> progress;
    private Duration scheduleTimeout = Settings.DEFAULT_SCHEDULE_TIMEOUT;
    private Consumer<ScheduleRun> onSchedule;

    private Builder() {}

    /** The strategy; default {@link Strategy#RANDOM_WALK}. */
    public Builder strategy(Strategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * How many schedules to run at most; default 1000.
     *
     * @throws IllegalArgumentException if {@code schedules < 1}
     */
    public Builder schedules(int schedules) {
      if (schedules < 1) {
        throw new IllegalArgumentException("schedules < 1: " + schedules);
      }
      this.schedules = schedules;
      return this;
    }

    /**
     * The base seed; schedule {@code i} runs with seed {@code seed + i}, so that disjoint ranges of
     * seeds can run in different processes. Default 1.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * PCT's bug depth {@code d}: {@code d - 1} priority change points per schedule; default 3.
     *
     * @throws IllegalArgumentException if {@code depth < 1}
     */
    public Builder depth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("depth < 1: " + depth);
      }
      this.depth = depth;
      return this;
    }

    /**
     * How many choices of each schedule an exhaustive search explores; the later ones get option
     * 0. Default 64.
     *
     * @throws IllegalArgumentException if {@code maxChoices < 1}
     */
    public Builder maxChoices(int maxChoices) {
      if (maxChoices < 1) {
        throw new IllegalArgumentException("maxChoices < 1: " + maxChoices);
      }
      this.maxChoices = maxChoices;
      return this;
    }

    /**
     * How many schedules run at once, each on its own thread and emulator; default the number of
     * processors. An exhaustive search runs one at a time: each schedule depends on the last.
     *
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism < 1: " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** Whether to shrink a failing schedule; default true. */
    public Builder shrink(boolean shrink) {
      this.shrink = shrink;
      return this;
    }

    /**
     * A directory where the failing (shrunk) schedule's trace ({@code .txt} and {@code .jsonl}) and
     * sequence diagram ({@code .html}) are written; created if missing. Default {@code null}: none.
     */
    public Builder output(Path directory) {
      this.output = directory;
      return this;
    }

    /**
     * Called about once a second while exploring, and once at the end, on any thread of the
     * exploration; default none.
     */
    public Builder progress(Consumer<ExplorationProgress> listener) {
      this.progress = listener;
      return this;
    }

    /**
     * How long one schedule may run, in real time, before it counts as hung (a failure with its
     * trace so far); default 30 s.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder scheduleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout <= 0: " + timeout);
      }
      this.scheduleTimeout = timeout;
      return this;
    }

    /**
     * Called with every schedule run (shrinking's excepted), on the thread that ran it, in no
     * particular order when the parallelism is above 1; default none. For tools and tests that
     * look at each schedule's trace.
     */
    public Builder onSchedule(Consumer<ScheduleRun> listener) {
      this.onSchedule = listener;
      return this;
    }

    /** Builds the explorer. */
    public Explorer build() {
      return new Explorer(new Settings(strategy, schedules, seed, depth, maxChoices, parallelism, shrink,
          output, progress, scheduleTimeout, onSchedule));
    }
  }
}
