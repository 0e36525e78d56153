package org.wsemu.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.wsemu.internal.GuardedBy;

/**
 * An in-memory sink for tests and tools: keeps every event it receives.
 *
 * <pre>{@code
 * TraceRecorder trace = new TraceRecorder();
 * Emulator emu = Emulator.builder().traceSink(trace).build();
 * ...
 * assertEquals(expected, trace.render());
 * }</pre>
 *
 * <p>Thread-safe: events may arrive from several threads while another thread reads. An event
 * emitted while its thread held a lock of the emulator arrives when that lock is released (see
 * {@link TraceSink}); once the emulator has shut down, every event of the run is here.
 */
public final class TraceRecorder implements TraceSink {
  @GuardedBy("this") private final List<TraceEvent> events = new ArrayList<>();

  /** A recorder that holds no event yet. */
  public TraceRecorder() {}

  @Override
  public synchronized void accept(TraceEvent event) {
    events.add(event);
  }

  /** A snapshot of every event received so far, in arrival ({@code seq}) order. */
  public synchronized List<TraceEvent> events() {
    return List.copyOf(events);
  }

  /** A snapshot of the events that match the filter. */
  public synchronized List<TraceEvent> events(Predicate<TraceEvent> filter) {
    List<TraceEvent> matching = new ArrayList<>();
    for (TraceEvent event : events) {
      if (filter.test(event)) {
        matching.add(event);
      }
    }
    return matching;
  }

  /** The stable text of every event so far (see {@link TraceFormat}). */
  public String render() {
    return TraceFormat.lines(events());
  }

  /** Forgets every event received so far. */
  public synchronized void clear() {
    events.clear();
  }
}
