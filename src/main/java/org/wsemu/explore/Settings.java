package org.wsemu.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** An explorer's settings, as built. Immutable (the listeners are the caller's). */
record Settings(Strategy strategy, int schedules, long seed, int depth, int maxChoices, int parallelism,
    boolean shrink, Path output, Consumer<ExplorationProgress> progress, Duration scheduleTimeout,
    Consumer<ScheduleRun> onSchedule) {
  static final Duration DEFAULT_SCHEDULE_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String toString() {
    return "[" + strategy + ", " + schedules + " schedules, seed " + seed + ", depth " + depth
        + ", maxChoices " + maxChoices + ", parallelism " + parallelism + "]";
  }
}
