package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wsemu.explore.ExplorationProgress;

/** The exploration's progress line: at most once a second, refreshed in place, the last one shown and ended on close. */
class ExploreProgressTest {
  private final AtomicLong nanos = new AtomicLong(7_000_000_000L);   // any start: only differences count
  private final StringWriter err = new StringWriter();
  private final ExploreProgress meter = new ExploreProgress("wsemu explore x", new PrintWriter(err, true), nanos::get);

  private void after(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static ExplorationProgress progress(int run, int distinct, double rate, long seconds) {
    return new ExplorationProgress(run, 5_000, distinct, rate, Duration.ofSeconds(seconds));
  }

  private String err() {
    return err.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void theFirstReportIsShownThenAtMostOneASecondAndTheLastOnClose() {
    meter.accept(progress(400, 12, 400.0, 1));
    assertEquals("\rwsemu explore x: 400/5,000 schedules, 400.0 schedules/s, 12 distinct traces, 1 s", err());
    after(999);
    meter.accept(progress(800, 20, 400.4, 1));                 // within the second: kept, not shown
    assertEquals("\rwsemu explore x: 400/5,000 schedules, 400.0 schedules/s, 12 distinct traces, 1 s", err());
    after(1);
    meter.accept(progress(1_234, 37, 1_234.25, 2));
    String two = "\rwsemu explore x: 400/5,000 schedules, 400.0 schedules/s, 12 distinct traces, 1 s"
        + "\rwsemu explore x: 1,234/5,000 schedules, 1,234.3 schedules/s, 37 distinct traces, 2 s";
    assertEquals(two, err());
    after(10);
    meter.accept(progress(1_300, 9, 9.0, 3));                  // the last report, shorter: rubs out the longer end
    meter.close();
    meter.close();
    meter.accept(progress(5_000, 40, 1.0, 4));                 // closed: nothing more
    assertEquals(two + "\rwsemu explore x: 1,300/5,000 schedules, 9.0 schedules/s, 9 distinct traces, 3 s     \n", err());
  }

  @Test
  void aLastReportAlreadyShownIsNotRepeated() {
    meter.accept(progress(5_000, 1, 2_500.0, 2));
    meter.close();
    assertEquals("\rwsemu explore x: 5,000/5,000 schedules, 2,500.0 schedules/s, 1 distinct trace, 2 s\n", err());
  }

  @Test
  void withoutReportsNothingIsShown() {
    meter.close();
    assertEquals("", err());
    assertEquals(Duration.ofSeconds(1), ExploreProgress.PERIOD);
  }
}
