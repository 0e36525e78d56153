package org.wsemu.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One structured trace event.
 *
 * <p>{@code seq} numbers events of one emulator from 1 in the order they were emitted. {@code time}
 * is the emulator clock in milliseconds (virtual time in a deterministic Win16 run). {@code task}
 * is {@code "HHHH:name"} for a task (its handle in hex and its name) or {@code "-"} for a thread
 * that is not a task. {@code name} says which call or event it is ({@code "PeekMessage"},
 * {@code "start"}...). {@code fields} keep their insertion order, so the rendering is stable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seq sequence number, from 1
 * @param time emulator time in milliseconds
 * @param task the task label, or {@code "-"}
 * @param kind what is recorded
 * @param name the call or event name
 * @param fields named values in insertion order (unmodifiable)
 */
public record TraceEvent(
    long seq, long time, String task, TraceKind kind, String name, Map<String, Object> fields) {

  /** Validates and freezes the fields. */
  public TraceEvent {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The value of a field, or {@code null} if the event has no such field. */
  public Object field(String key) {
    return fields.get(key);
  }

  /** The stable one-line rendering, as {@link TraceFormat#line(TraceEvent)}. */
  @Override
  public String toString() {
    return TraceFormat.line(this);
  }
}
