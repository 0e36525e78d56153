package org.wsemu.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;

/** Hand-made trace events for the diagram's tests, numbered in the order they are added. */
final class Events {
  private final List<TraceEvent> events = new ArrayList<>();
  private long time;

  /** Later events happen at {@code millis}. */
  Events at(long millis) {
    time = millis;
    return this;
  }

  /** Adds an event; {@code fields} alternate names and values, rendered as the trace renders them. */
  Events add(String task, TraceKind kind, String name, Object... fields) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      map.put((String) fields[i], fields[i + 1]);
    }
    events.add(new TraceEvent(events.size() + 1, time, task, kind, name, map));
    return this;
  }

  List<TraceEvent> list() {
    return List.copyOf(events);
  }
}
