package org.wsemu.explore;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.wsemu.internal.GuardedBy;

/**
 * Counts finished schedules and calls the progress listener about once a second, and once at the
 * end. Threading: any thread; the listener is called under the reporter's lock, so never twice at
 * once.
 */
final class ProgressReporter {
  private static final long PERIOD_NANOS = 1_000_000_000L;

  private final Consumer<ExplorationProgress> listener;
  private final int planned;
  private final long start = System.nanoTime();
  @GuardedBy("this") private final Set<Long> traces = new HashSet<>();
  @GuardedBy("this") private int done;
  @GuardedBy("this") private long lastReport = start;

  ProgressReporter(Consumer<ExplorationProgress> listener, int planned) {
    this.listener = listener;
    this.planned = planned;
  }

  /** One more schedule finished, with this trace fingerprint. */
  synchronized void scheduleDone(long traceHash) {
    done++;
    traces.add(traceHash);
    long now = System.nanoTime();
    if (listener != null && now - lastReport >= PERIOD_NANOS) {
      lastReport = now;
      report(done, traces.size());
    }
  }

  /** Real time since the exploration started. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The last call, with the exploration's final counts. */
  synchronized void finish(int schedulesRun, int distinctTraces) {
    if (listener != null) {
      report(schedulesRun, distinctTraces);
    }
  }

  @GuardedBy("this")
  private void report(int run, int distinct) {
    Duration elapsed = elapsed();
    double seconds = elapsed.toNanos() / 1e9;
    listener.accept(new ExplorationProgress(run, planned, distinct, seconds > 0 ? run / seconds : 0, elapsed));
  }
}
