package org.wsemu.explore;

import java.time.Duration;
import java.util.Optional;

/**
 * What an exploration found. Immutable.
 *
 * <p>With the same program, strategy, seed and budget, everything but {@link #elapsed()} is the
 * same on every run, whatever the parallelism.
 */
public final class ExplorationResult {
  private final Strategy strategy;
  private final int schedulesRun;
  private final int distinctTraces;
  private final boolean exhausted;
  private final Duration elapsed;
  private final ScheduleFailure failure;

  ExplorationResult(Strategy strategy, int schedulesRun, int distinctTraces, boolean exhausted,
      Duration elapsed, ScheduleFailure failure) {
    this.strategy = strategy;
    this.schedulesRun = schedulesRun;
    this.distinctTraces = distinctTraces;
    this.exhausted = exhausted;
    this.elapsed = elapsed;
    this.failure = failure;
  }

  /** Whether a schedule failed. */
  public boolean failed() {
    return failure != null;
  }

  /** Schedules run, up to and including the failing one. */
  public int schedulesRun() {
    return schedulesRun;
  }

  /** How many different traces (golden-filtered, as {@code GoldenFilter.defaults()}) the schedules produced. */
  public int distinctTraces() {
    return distinctTraces;
  }

  /** Whether an {@link Strategy#EXHAUSTIVE exhaustive} search ran every schedule of its bounded tree. */
  public boolean exhausted() {
    return exhausted;
  }

  /** Real time the exploration took (shrinking included). */
  public Duration elapsed() {
    return elapsed;
  }

  /** The failing schedule, if one failed. */
  public Optional<ScheduleFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /** The strategy used. */
  public Strategy strategy() {
    return strategy;
  }

  /** One paragraph for a test to print: the counts, and the failure with its replay keys and files. */
  public String summary() {
    return ExplorationSummary.of(this);
  }

  @Override
  public String toString() {
    return summary();
  }
}
