package org.wsemu.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>Thread-safe: any thread may emit; delivery is serialised so sinks see events in {@code seq}
 * order. In a deterministic Win16 run only one task emits at a time, so numbering is repeatable.
 */
public final class Trace {
  private final CopyOnWriteArrayList<TraceSink> sinks = new CopyOnWriteArrayList<>();
  private final LongSupplier clock;
  private final Object deliveryLock = new Object();
  @GuardedBy("deliveryLock") private long seq;

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
    sinks.add(Objects.requireNonNull(sink, "sink"));
  }

  /** Removes a sink added before; returns whether it was present. */
  public boolean removeSink(TraceSink sink) {
    return sinks.remove(sink);
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
   * Starts an event; nothing is delivered until {@link EventBuilder#emit()}.
   *
   * @param kind what is recorded
   * @param task the task label ({@code "HHHH:name"}) or {@code "-"}
   * @param name the call or event name
   */
  public EventBuilder event(TraceKind kind, String task, String name) {
    return new EventBuilder(kind, task, name);
  }

  private void deliver(TraceKind kind, String task, String name, Map<String, Object> fields) {
    synchronized (deliveryLock) {
      TraceEvent event = new TraceEvent(++seq, clock.getAsLong(), task, kind, name, fields);
      for (TraceSink sink : sinks) {
        sink.accept(event);
      }
    }
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

    /** Numbers, stamps and delivers the event. */
    public void emit() {
      deliver(kind, task, name, fields);
    }
  }
}
