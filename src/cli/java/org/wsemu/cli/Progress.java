package org.wsemu.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.wsemu.internal.GuardedBy;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceSink;

/**
 * How a long run is going, on standard error: once the run has taken {@link #THRESHOLD}, one line,
 * refreshed every second in place ({@code \r}), with what runs, the elapsed time, the trace events
 * so far and the emulator's clock (virtual time in Win16 mode), for example
 * {@code wsemu demo nested-blocking-call: 3 s, 12,345 trace events, t=5000 ms}. A run shorter than
 * the threshold prints nothing, so standard output and standard error stay what tests compare.
 *
 * <p>It is a {@link TraceSink} that counts: put it beside the recorder. {@link #refresh()} is what
 * the timer calls; {@link #close()} refreshes once more, so that the last line has the totals. A
 * test calls them itself with a clock of its own ({@code nanoTime}), without sleeping.
 *
 * <p>Thread-safe: events arrive on the emulator's threads, refreshes on the timer's thread,
 * {@link #close()} on the main thread; the line is written under this object's monitor.
 */
final class Progress implements TraceSink, AutoCloseable {
  /** A run that takes longer than this shows its progress. */
  static final Duration THRESHOLD = Duration.ofSeconds(1);
  /** How often the line is refreshed. */
  static final Duration PERIOD = Duration.ofSeconds(1);

  private final String what;
  @GuardedBy("this") private final StatusLine status;
  private final LongSupplier nanoTime;
  private final long thresholdNanos;
  private final long startNanos;
  private final AtomicLong events = new AtomicLong();
  private volatile long clockMillis = -1;
  @GuardedBy("this") private boolean closed;
  @GuardedBy("this") private ScheduledExecutorService timer;

  /**
   * A meter for {@code what} (for example {@code "wsemu demo message-loop"}), started now.
   *
   * @param nanoTime the clock, {@link System#nanoTime} outside tests
   * @param threshold how long the run goes on before a line is shown
   */
  Progress(String what, PrintWriter err, LongSupplier nanoTime, Duration threshold) {
    this.what = what;
    this.status = new StatusLine(err);
    this.nanoTime = nanoTime;
    this.thresholdNanos = threshold.toNanos();
    this.startNanos = nanoTime.getAsLong();
  }

  /** A meter on the system clock with the usual threshold, refreshed every {@link #PERIOD} by a daemon thread. */
  static Progress started(String what, PrintWriter err) {
    Progress progress = new Progress(what, err, System::nanoTime, THRESHOLD);
    progress.startTimer();
    return progress;
  }

  private synchronized void startTimer() {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "wsemu-progress");
      thread.setDaemon(true);
      return thread;
    });
    long period = PERIOD.toMillis();
    long first = Math.max(Duration.ofNanos(thresholdNanos).toMillis(), 0);
    timer.scheduleAtFixedRate(this::refresh, first, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void accept(TraceEvent event) {
    events.incrementAndGet();
    clockMillis = event.time();
  }

  /** How many events have arrived. */
  long events() {
    return events.get();
  }

  /** Writes the line again if the run has taken the threshold, and is not closed. */
  synchronized void refresh() {
    long elapsed = nanoTime.getAsLong() - startNanos;
    if (closed || elapsed < thresholdNanos) {
      return;
    }
    status.show(line(elapsed));
  }

  /** The line after {@code elapsedNanos}. */
  String line(long elapsedNanos) {
    long clock = clockMillis;
    return String.format(Locale.ROOT, "%s: %d s, %,d trace events%s", what, TimeUnit.NANOSECONDS.toSeconds(elapsedNanos),
        events.get(), clock < 0 ? "" : ", t=" + clock + " ms");
  }

  /**
   * Stops the refreshes; a run that took the threshold gets its line once more, with its totals,
   * and the line is ended.
   */
  @Override
  public void close() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      refresh();
      closed = true;
      stopping = timer;
      status.end();
    }
    if (stopping != null) {
      stopping.shutdownNow();                               // a refresh it runs now finds the meter closed
      try {
        stopping.awaitTermination(1, TimeUnit.SECONDS);     // a refresh holds no lock the main thread waits for
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
