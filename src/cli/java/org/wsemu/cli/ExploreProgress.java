package org.wsemu.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.wsemu.explore.ExplorationProgress;
import org.wsemu.internal.GuardedBy;

/**
 * How an exploration is going, on standard error: one line, refreshed in place ({@code \r}) at
 * most once every {@link #PERIOD}, with the schedules run and planned, the rate and the distinct
 * traces so far, for example
 * {@code wsemu explore two-tasks: 1,200/5,000 schedules, 410.5 schedules/s, 37 distinct traces, 3 s}.
 * {@link #close()} writes the last line received once more, whatever the period, and ends it.
 *
 * <p>The explorer calls {@link #accept} about once a second and at the end; this class keeps its
 * own clock as well, so that a caller that reports more often does not flood the terminal. A test
 * passes a clock of its own ({@code nanoTime}) and needs no sleep.
 *
 * <p>Thread-safe: the explorer may report from any of its threads, {@link #close()} comes from the
 * main thread; the line is written under this object's monitor.
 */
final class ExploreProgress implements Consumer<ExplorationProgress>, AutoCloseable {
  /** How often the line is refreshed at most. */
  static final Duration PERIOD = Duration.ofSeconds(1);

  private final String what;
  @GuardedBy("this") private final StatusLine status;
  private final LongSupplier nanoTime;
  @GuardedBy("this") private ExplorationProgress last;
  @GuardedBy("this") private long shownAtNanos;
  @GuardedBy("this") private boolean shownOnce;
  @GuardedBy("this") private boolean lastShown;
  @GuardedBy("this") private boolean closed;

  /**
   * A line for {@code what} (for example {@code "wsemu explore two-tasks"}).
   *
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   */
  ExploreProgress(String what, PrintWriter err, LongSupplier nanoTime) {
    this.what = what;
    this.status = new StatusLine(err);
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void accept(ExplorationProgress progress) {
    if (closed) {
      return;
    }
    last = progress;
    lastShown = false;
    long now = nanoTime.getAsLong();
    if (!shownOnce || now - shownAtNanos >= PERIOD.toNanos()) {
      show(progress);
      shownAtNanos = now;
      shownOnce = true;
    }
  }

  /** The line for {@code progress}. */
  String line(ExplorationProgress progress) {
    return String.format(Locale.ROOT, "%s: %,d/%,d schedules, %,.1f schedules/s, %s, %d s", what,
        progress.schedulesRun(), progress.schedulesPlanned(), progress.schedulesPerSecond(),
        ExploreCommand.count(progress.distinctTraces(), "distinct trace"), progress.elapsed().toSeconds());
  }

  @GuardedBy("this")
  private void show(ExplorationProgress progress) {
    status.show(line(progress));
    lastShown = true;
  }

  /** Shows the last progress received if it is not on the line yet, and ends the line; then ignores reports. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (last != null && !lastShown) {
      show(last);
    }
    status.end();
  }
}
