package org.wsemu.trace;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.wsemu.internal.GuardedBy;

/**
 * The trace stream of one emulator: numbers events, stamps them with the emulator clock, and
 * delivers them to the sinks in order.
 *
 * <p>Emitting code checks {@link #enabled()} first so that a disabled trace costs one volatile
 * read:
 *
 * <pre>{@code
 * if (trace.enabled()) {
 *   trace.event(TraceKind.CALL, "0001:app", "PostMessage").with("hWnd", "0x0100").with("ret", true).emit();
 * }
 * }</pre>
 *
 * <p>An event gets its {@code seq} and its {@code time} when it is emitted, and waits in a queue
 * until it is delivered. Sinks are code the emulator does not own, so they never run on a thread
 * that holds one of the emulator's deferring locks (a task's lock, the Win16 scheduler's, the
 * simulated network's...: those that {@link #deferDelivery()} when taken): an event emitted there
 * is delivered when that thread releases its outermost deferring lock, or earlier by another thread
 * that emits or releases holding none. A thread that holds none delivers what waits, its own event
 * included, before {@link EventBuilder#emit()} returns.
 *
 * <p>Thread-safe: any thread may emit; delivery is serialised so sinks see events one at a time in
 * {@code seq} order. In a deterministic Win16 run only one task emits at a time, so numbering is
 * repeatable.
 */
public final class Trace {
  private final LongSupplier clock;
  private final Object sinksLock = new Object();
  private volatile List<TraceSink> sinks = List.of(); // replaced, never changed, under sinksLock
  private final Object queueLock = new Object();
  @GuardedBy("queueLock") private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  @GuardedBy("queueLock") private long seq;
  private volatile long queued; // the last seq queued; written under queueLock
  private final Object deliveryLock = new Object();
  private volatile long delivered; // the last seq delivered; written under deliveryLock
  private final ThreadLocal<Holder> holders = ThreadLocal.withInitial(Holder::new);

  /**
   * Creates a trace stamped by the given clock.
   *
   * @param clock milliseconds for the {@code time} of each event
   */
  public Trace(LongSupplier clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds a sink; it receives events emitted from now on. */
  public void addSink(TraceSink sink) {
    Objects.requireNonNull(sink, "sink");
    synchronized (sinksLock) {
      TraceSink[] more = sinks.toArray(new TraceSink[sinks.size() + 1]);
      more[more.length - 1] = sink;
      sinks = List.of(more);
    }
  }

  /** Removes a sink added before; returns whether it was present. Events not yet delivered do not reach it. */
  public boolean removeSink(TraceSink sink) {
    synchronized (sinksLock) {
      int at = sinks.indexOf(sink);
      if (at < 0) {
        return false;
      }
      TraceSink[] fewer = new TraceSink[sinks.size() - 1];
      for (int i = 0, j = 0; i < sinks.size(); i++) {
        if (i != at) {
          fewer[j++] = sinks.get(i);
        }
      }
      sinks = List.of(fewer);
      return true;
    }
  }

  /** Whether any sink wants events now. */
  public boolean enabled() {
    for (TraceSink sink : sinks) {
      if (sink.isEnabled()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts an event; nothing is recorded until {@link EventBuilder#emit()}.
   *
   * @param kind what is recorded
   * @param task the task label ({@code "HHHH:name"}) or {@code "-"}
   * @param name the call or event name
   */
  public EventBuilder event(TraceKind kind, String task, String name) {
    return new EventBuilder(kind, task, name);
  }

  /**
   * The calling thread takes a lock under which no sink may run: until the matching
   * {@link #resumeDelivery()}, the events it emits wait in the queue and it delivers none. Calls
   * nest; the emulator's deferring locks call this when a thread takes them (outermost hold), and
   * {@link #resumeDelivery()} after the thread has released them.
   */
  public void deferDelivery() {
    holders.get().deferring++;
  }

  /**
   * Ends a {@link #deferDelivery()}, once the calling thread has released its lock. When it was
   * the outermost, the thread delivers what waits, unless it is already delivering (a sink that
   * took and released such a lock), where the delivery under way goes on with it.
   *
   * @throws IllegalStateException if the calling thread does not defer delivery
   */
  public void resumeDelivery() {
    Holder mine = holders.get();
    if (mine.deferring == 0) {
      throw new IllegalStateException("resumeDelivery without deferDelivery on " + Thread.currentThread().getName());
    }
    if (--mine.deferring == 0 && !mine.delivering && queued != delivered) {
      deliver(mine);
    }
  }

  /**
   * Delivers every event emitted so far, waiting for a delivery under way on another thread. Does
   * nothing on a thread that defers delivery or is delivering (called from a sink).
   */
  public void flush() {
    Holder mine = holders.get();
    if (mine.deferring == 0 && !mine.delivering) {
      deliver(mine);
    }
  }

  private TraceEvent record(TraceKind kind, String task, String name, Map<String, Object> fields) {
    List<TraceSink> receivers = sinks;
    TraceEvent event;
    synchronized (queueLock) {
      long number = ++seq;
      event = new TraceEvent(number, clock.getAsLong(), task, kind, name, fields);
      queue.add(new Pending(event, receivers));
      queued = number;
    }
    Holder mine = holders.get();
    if (mine.deferring == 0 && !mine.delivering) {
      deliver(mine);
    }
    return event;
  }

  /** Delivers the waiting events in order, one at a time, holding the delivery lock. */
  private void deliver(Holder mine) {
    synchronized (deliveryLock) {
      mine.delivering = true;
      try {
        for (Pending next = next(); next != null; next = next()) {
          try {
            List<TraceSink> current = sinks;
            for (TraceSink sink : next.sinks) {
              if (current == next.sinks || current.contains(sink)) { // not removed since
                sink.accept(next.event);
              }
            }
          } finally {
            delivered = next.event.seq();
          }
        }
      } finally {
        mine.delivering = false;
      }
    }
  }

  private Pending next() {
    synchronized (queueLock) {
      return queue.poll();
    }
  }

  /** An event waiting for delivery, and the sinks there were when it was emitted. */
  private record Pending(TraceEvent event, List<TraceSink> sinks) {}

  /** What one thread is doing with this trace. Only its own thread uses it. */
  private static final class Holder {
    int deferring; // deferring locks held (outermost holds)
    boolean delivering; // inside deliver(): a sink is running on this thread
  }

  /** Collects the fields of one event. Not thread-safe; use it on one thread and emit it once. */
  public final class EventBuilder {
    private final TraceKind kind;
    private final String task;
    private final String name;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private EventBuilder(TraceKind kind, String task, String name) {
      this.kind = kind;
      this.task = task;
      this.name = name;
    }

    /** Adds (or replaces) a field; its rendering is {@code String.valueOf(value)}. */
    public EventBuilder with(String key, Object value) {
      fields.put(key, value);
      return this;
    }

    /**
     * Numbers and stamps the event and queues it for the sinks; on a thread that holds no deferring
     * lock, delivers it (and what waits before it) before returning.
     */
    public void emit() {
      record(kind, task, name, fields);
    }

    /** As {@link #emit()}, returning the event as numbered and stamped (its {@code seq} and {@code time}). */
    public TraceEvent emitRecorded() {
      return record(kind, task, name, fields);
    }
  }
}
