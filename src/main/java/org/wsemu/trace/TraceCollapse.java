package org.wsemu.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collapses repeated polling: where a cycle of one to four events happens again and again, the run
 * becomes one {@link Entry} holding the cycle once and how many times it happened.
 *
 * <p>A polling loop that finds nothing to do repeats the same steps: {@code PeekMessage} returning
 * false, {@code GetTickCount}, virtual time moving on. Two events are the same step when they have
 * the same task, kind, name and fields (compared as the text shows them), {@code seq} and {@code time} aside, and the fields that only
 * carry the clock aside too: every field of a {@link TraceKind#CLOCK} event ({@code from},
 * {@code to}) and the {@code ret} of {@code GetTickCount}. Other differences break a run: a call
 * that returned something else, another task, another message.
 *
 * <pre>{@code
 * TraceRecorder recorder = new TraceRecorder(); // the emulator's trace sink; run, close
 * for (TraceCollapse.Entry entry : TraceCollapse.collapse(recorder.events())) {
 *   // entry.events(): one event, or the cycle as it first happened; entry.repeats(): how many times
 * }
 * }</pre>
 *
 * <p>Left to right, at each event the longest run wins (the most events covered; for as many, the
 * shortest cycle), and the next entry starts after it. {@link TraceFormat#readable} prints the
 * entries. Stateless and thread-safe.
 */
public final class TraceCollapse {
  /** The longest cycle looked for. */
  public static final int MAX_CYCLE = 4;

  private TraceCollapse() {}

  /**
   * One line of a collapsed trace: a single event ({@link #repeats()} 1), or a cycle of events that
   * happened {@link #repeats()} times in a row.
   *
   * @param events the event, or the cycle's events as they first happened (1 to {@link #MAX_CYCLE})
   * @param repeats how many times the cycle happened, at least 1
   * @param firstSeq the {@code seq} of the first event of the run
   * @param lastSeq the {@code seq} of the last event of the run
   * @param firstTime the {@code time} of the first event of the run
   * @param lastTime the {@code time} of the last event of the run
   */
  public record Entry(List<TraceEvent> events, int repeats, long firstSeq, long lastSeq, long firstTime, long lastTime) {
    /** Validates and freezes the events. */
    public Entry {
      events = List.copyOf(events);
      if (events.isEmpty() || repeats < 1) {
        throw new IllegalArgumentException("an entry has events and repeats >= 1: " + events.size() + ", " + repeats);
      }
    }

    /** Whether this entry stands for more than one occurrence of its cycle. */
    public boolean collapsed() {
      return repeats > 1;
    }

    /** How many events of the trace this entry stands for. */
    public int size() {
      return events.size() * repeats;
    }
  }

  /** The trace as entries, runs of two or more repeats of a cycle collapsed. */
  public static List<Entry> collapse(List<TraceEvent> events) {
    return collapse(events, 2);
  }

  /**
   * The trace as entries, runs of at least {@code minRepeats} repeats of a cycle collapsed.
   *
   * @throws IllegalArgumentException if {@code minRepeats < 2}
   */
  public static List<Entry> collapse(List<TraceEvent> events, int minRepeats) {
    Objects.requireNonNull(events, "events");
    if (minRepeats < 2) {
      throw new IllegalArgumentException("minRepeats < 2: " + minRepeats);
    }
    List<Entry> entries = new ArrayList<>();
    int n = events.size();
    int i = 0;
    while (i < n) {
      int bestCycle = 1;
      int bestRepeats = 1;
      for (int cycle = 1; cycle <= MAX_CYCLE && i + 2 * cycle <= n; cycle++) {
        int repeats = 1;
        while (i + (repeats + 1) * cycle <= n && sameCycle(events, i, i + repeats * cycle, cycle)) {
          repeats++;
        }
        if (repeats >= minRepeats && repeats * cycle > bestRepeats * bestCycle) {
          bestCycle = cycle;
          bestRepeats = repeats;
        }
      }
      if (bestRepeats < minRepeats) {
        bestCycle = 1;
        bestRepeats = 1;
      }
      int end = i + bestCycle * bestRepeats - 1;
      TraceEvent first = events.get(i);
      TraceEvent last = events.get(end);
      entries.add(new Entry(events.subList(i, i + bestCycle), bestRepeats, first.seq(), last.seq(), first.time(), last.time()));
      i = end + 1;
    }
    return entries;
  }

  private static boolean sameCycle(List<TraceEvent> events, int a, int b, int length) {
    for (int k = 0; k < length; k++) {
      if (!sameStep(events.get(a + k), events.get(b + k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether two events are the same step of a polling loop: the same task, kind, name and fields,
   * but for {@code seq}, {@code time} and the fields that carry the clock (see the class comment).
   */
  public static boolean sameStep(TraceEvent a, TraceEvent b) {
    if (a.kind() != b.kind() || !a.name().equals(b.name()) || !a.task().equals(b.task())) {
      return false;
    }
    if (a.kind() == TraceKind.CLOCK) {
      return a.fields().keySet().equals(b.fields().keySet());
    }
    boolean tick = a.kind() == TraceKind.CALL && a.name().equals("GetTickCount");
    if (!a.fields().keySet().equals(b.fields().keySet())) {
      return false;
    }
    for (Map.Entry<String, Object> field : a.fields().entrySet()) {
      if (!(tick && field.getKey().equals("ret"))
          && !String.valueOf(field.getValue()).equals(String.valueOf(b.fields().get(field.getKey())))) {
        return false;
      }
    }
    return true;
  }
}
