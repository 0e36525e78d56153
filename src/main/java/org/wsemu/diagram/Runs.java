package org.wsemu.diagram;

import java.util.ArrayList;
import java.util.List;
import org.wsemu.trace.TraceEvent;

/**
 * The trace as runs: a cycle of events and how many times it repeated in a row (polling), or one
 * event once.
 *
 * <p>Stateless and thread-safe.
 */
final class Runs {
  private Runs() {}

  /**
   * A cycle of events repeated {@code repeats} times.
   *
   * @param events the cycle, as it first happened
   * @param repeats how many times in a row
   * @param firstTime the time of its first event
   * @param lastTime the time of its last repetition's last event
   */
  record Run(List<TraceEvent> events, int repeats, long firstTime, long lastTime) {}

  /** The runs of {@code events}: collapsed polling, or each event alone. */
  static List<Run> of(List<TraceEvent> events, boolean collapse) {
    List<Run> runs = new ArrayList<>();
    int i = 0;
    while (i < events.size()) {
      int bestLength = 1;
      int bestRepeats = 1;
      for (int length = 1; collapse && length <= 4 && i + 2 * length <= events.size(); length++) {
        int repeats = 1;
        while (i + (repeats + 1) * length <= events.size() && same(events, i, i + repeats * length, length)) {
          repeats++;
        }
        if (repeats > 1 && repeats * length > bestRepeats * bestLength) {
          bestLength = length;
          bestRepeats = repeats;
        }
      }
      List<TraceEvent> cycle = events.subList(i, i + bestLength);
      int end = i + bestLength * bestRepeats;
      runs.add(new Run(List.copyOf(cycle), bestRepeats, events.get(i).time(), events.get(end - 1).time()));
      i = end;
    }
    return runs;
  }

  private static boolean same(List<TraceEvent> events, int a, int b, int length) {
    for (int k = 0; k < length; k++) {
      TraceEvent x = events.get(a + k);
      TraceEvent y = events.get(b + k);
      if (!x.task().equals(y.task()) || x.kind() != y.kind() || !x.name().equals(y.name()) || !x.fields().equals(y.fields())) {
        return false;
      }
    }
    return true;
  }
}
