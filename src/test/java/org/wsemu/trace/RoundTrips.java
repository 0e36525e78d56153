package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a trace survives the files: text to events to text byte for byte, golden lines too,
 * JSON Lines to events to JSON Lines byte for byte, and that reading finds the same fields (keys in
 * order, each value's text, numbers and booleans as such from JSON) as the run emitted.
 */
public final class RoundTrips {
  private RoundTrips() {}

  /** Asserts every round trip on {@code events}, a run's trace. */
  public static void assertRoundTrips(List<TraceEvent> events) {
    assertTrue(!events.isEmpty(), "a run with events");
    String text = TraceFormat.lines(events);
    List<TraceEvent> fromText = TraceFiles.parse(text.lines().toList());
    assertEquals(text, TraceFormat.lines(fromText));
    String golden = Goldens.render(events);
    List<TraceEvent> fromGolden = TraceFiles.parse(golden.lines().toList());
    assertEquals(golden, Goldens.render(fromGolden));
    List<String> json = new ArrayList<>();
    events.forEach(e -> json.add(TraceFiles.jsonLine(e)));
    List<TraceEvent> fromJson = TraceFiles.parse(json);
    assertEquals(json, fromJson.stream().map(TraceFiles::jsonLine).toList());
    assertEquals(text, TraceFormat.lines(fromJson));
    for (int i = 0; i < events.size(); i++) {
      int at = i;
      TraceEvent e = events.get(i);
      assertEquals(i + 1, fromGolden.get(i).seq());
      assertEquals(e.name(), fromText.get(i).name(), e::toString);
      assertEquals(List.copyOf(e.fields().keySet()), List.copyOf(fromText.get(i).fields().keySet()), e::toString);
      e.fields().forEach((key, value) -> {
        assertEquals(String.valueOf(value), fromText.get(at).field(key), e::toString);
        Object read = fromJson.get(at).field(key);
        String kind = value instanceof Boolean || value instanceof Number || value == null ? String.valueOf(value) : "text";
        String readKind = read instanceof Boolean || read instanceof Number || read == null ? String.valueOf(read) : "text";
        assertEquals(kind, readKind, () -> key + " of " + e);
      });
    }
  }
}
