package org.wsemu.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.wsemu.internal.GuardedBy;

/**
 * An in-memory sink for tests and tools: keeps the latest events it receives, at most its
 * capacity, so that tracing a long run cannot exhaust memory.
 *
 * <pre>{@code
 * TraceRecorder trace = new TraceRecorder();
 * Emulator emu = Emulator.builder().traceSink(trace).build();
 * ...
 * assertEquals(expected, trace.render());
 * }</pre>
 *
 * <p>The recorder is a ring buffer: once it holds {@link #capacity()} events, each new event
 * replaces the oldest, and {@link #dropped()} counts the events replaced. {@link #DEFAULT_CAPACITY}
 * (100,000 events, some tens of megabytes) holds every event of a test or a demonstration; a
 * longer run keeps its end. To keep a whole long run, stream it to a file instead
 * ({@link TraceFileSink}). Accepting an event costs O(1): the buffer grows by doubling up to its
 * capacity, then stays as it is.
 *
 * <p>Thread-safe: events may arrive from several threads while another thread reads. An event
 * emitted while its thread held a lock of the emulator arrives when that lock is released (see
 * {@link TraceSink}); once the emulator has shut down, every event of the run is here, or its
 * latest {@link #capacity()} ones.
 */
public final class TraceRecorder implements TraceSink {
  /** The capacity of {@link #TraceRecorder()}: 100,000 events. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private static final int FIRST_SIZE = 256;

  private final int capacity;
  @GuardedBy("this") private TraceEvent[] ring;
  @GuardedBy("this") private int start; // index of the oldest event held
  @GuardedBy("this") private int size;
  @GuardedBy("this") private long dropped;

  /** A recorder that keeps the latest {@link #DEFAULT_CAPACITY} events. */
  public TraceRecorder() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * A recorder that keeps the latest {@code capacity} events.
   *
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  public TraceRecorder(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    this.capacity = capacity;
    this.ring = new TraceEvent[Math.min(capacity, FIRST_SIZE)];
  }

  @Override
  public synchronized void accept(TraceEvent event) {
    if (size < ring.length) {
      ring[(start + size++) % ring.length] = event;
    } else if (ring.length < capacity) {
      grow();
      ring[size++] = event;
    } else {
      ring[start] = event; // replaces the oldest
      start = (start + 1) % ring.length;
      dropped++;
    }
  }

  /** Doubles the buffer, up to the capacity; the events move to its start, oldest first. */
  private void grow() {
    TraceEvent[] larger = new TraceEvent[(int) Math.min(capacity, 2L * ring.length)];
    for (int i = 0; i < size; i++) {
      larger[i] = ring[(start + i) % ring.length];
    }
    ring = larger;
    start = 0;
  }

  /** The length of the buffer now (for tests of the memory bound). */
  synchronized int slots() {
    return ring.length;
  }

  /** How many events this recorder keeps at most. */
  public int capacity() {
    return capacity;
  }

  /** How many events were dropped to make room for later ones (since creation or {@link #clear()}). */
  public synchronized long dropped() {
    return dropped;
  }

  /** How many events this recorder received (since creation or {@link #clear()}): those it holds and those it dropped. */
  public synchronized long received() {
    return dropped + size;
  }

  /** A snapshot of the events held, in arrival ({@code seq}) order: every event received, or the latest {@link #capacity()}. */
  public synchronized List<TraceEvent> events() {
    return events(e -> true);
  }

  /** A snapshot of the events held that match the filter. */
  public synchronized List<TraceEvent> events(Predicate<TraceEvent> filter) {
    List<TraceEvent> matching = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      TraceEvent event = ring[(start + i) % ring.length];
      if (filter.test(event)) {
        matching.add(event);
      }
    }
    return matching;
  }

  /**
   * The stable text of the events held (see {@link TraceFormat}), one per line. When events were
   * dropped, a first line says how many: {@code # 900 earlier events dropped (the recorder keeps
   * the latest 100)}; it starts with {@code '#'}, so {@link TraceFiles#read} skips it.
   */
  public String render() {
    List<TraceEvent> events;
    long lost;
    synchronized (this) {
      events = events();
      lost = dropped;
    }
    String lines = TraceFormat.lines(events);
    return lost == 0 ? lines : droppedLine(lost, capacity) + "\n" + lines;
  }

  /** The line that says {@code dropped} events were dropped by a recorder of {@code capacity}. */
  static String droppedLine(long dropped, int capacity) {
    return "# " + dropped + " earlier event" + (dropped == 1 ? "" : "s") + " dropped (the recorder keeps the latest "
        + capacity + ")";
  }

  /** Forgets every event received so far, and the count of those dropped. */
  public synchronized void clear() {
    ring = new TraceEvent[Math.min(capacity, FIRST_SIZE)];
    start = 0;
    size = 0;
    dropped = 0;
  }
}
