package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;

/** The progress line: nothing before the threshold, then one line refreshed in place, ended on close. */
class ProgressTest {
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);   // any start: only differences count
  private final StringWriter err = new StringWriter();

  private Progress meter() {
    return new Progress("wsemu demo x", new PrintWriter(err, true), nanos::get, Progress.THRESHOLD);
  }

  private void after(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static TraceEvent at(long time) {
    return new TraceEvent(1, time, "0001:main", TraceKind.CALL, "PeekMessage", Map.of());
  }

  @Test
  void aRunShorterThanTheThresholdShowsNothing() {
    Progress meter = meter();
    meter.accept(at(0));
    after(500);
    meter.refresh();
    after(499);
    meter.close();
    assertEquals("", err.toString());
  }

  @Test
  void pastTheThresholdOneLineIsRefreshedInPlaceAndEndedWithTheTotals() {
    Progress meter = meter();
    for (int i = 0; i < 1_234; i++) {
      meter.accept(at(i));
    }
    after(999);
    meter.refresh();
    assertEquals("", err.toString());
    after(1);
    meter.refresh();
    assertEquals("\rwsemu demo x: 1 s, 1,234 trace events, t=1233 ms", err.toString());
    meter.accept(at(7));
    after(1_000);
    meter.refresh();                                        // the shorter line rubs out the longer one's end
    assertEquals("\rwsemu demo x: 1 s, 1,234 trace events, t=1233 ms"
        + "\rwsemu demo x: 2 s, 1,235 trace events, t=7 ms   ", err.toString());
    after(1_500);
    meter.close();
    meter.close();
    meter.refresh();                                        // closed: nothing more
    assertEquals("\rwsemu demo x: 1 s, 1,234 trace events, t=1233 ms"
        + "\rwsemu demo x: 2 s, 1,235 trace events, t=7 ms   "
        + "\rwsemu demo x: 3 s, 1,235 trace events, t=7 ms\n", err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void withoutEventsTheLineHasNoClock() {
    Progress meter = meter();
    after(1_000);
    meter.close();
    assertEquals("\rwsemu demo x: 1 s, 0 trace events\n", err.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  @Timeout(10)
  void theTimersThreadEndsOnClose() {
    Progress meter = Progress.started("wsemu demo x", new PrintWriter(err, true));
    meter.close();
    assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("wsemu-progress") && t.isAlive()),
        "the progress thread ended");
    assertEquals(Duration.ofSeconds(1), Progress.THRESHOLD);
  }
}
