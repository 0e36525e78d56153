package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;

/** What {@link TraceHash} tells apart and what it does not. */
class TraceHashTest {
  @Test
  void sequenceNumbersTimesAndPollingDoNotCount() {
    List<TraceEvent> one = List.of(call(1, 0, "0001:a", "send", Map.of("s", 1)), call(2, 5, "0002:b", "recv", Map.of("s", 2)));
    List<TraceEvent> other = List.of(call(7, 10, "0001:a", "send", Map.of("s", 1)),
        call(8, 11, "0002:b", "PeekMessage", Map.of()), new TraceEvent(9, 12, "-", TraceKind.CLOCK, "advance", Map.of()),
        call(10, 99, "0002:b", "recv", Map.of("s", 2)));
    assertEquals(TraceHash.of(one), TraceHash.of(other));
  }

  @Test
  void orderTasksNamesAndFieldsCount() {
    TraceEvent send = call(1, 0, "0001:a", "send", Map.of("s", 1));
    TraceEvent recv = call(2, 0, "0002:b", "recv", Map.of("s", 2));
    long hash = TraceHash.of(List.of(send, recv));
    assertNotEquals(hash, TraceHash.of(List.of(recv, send)));
    assertNotEquals(hash, TraceHash.of(List.of(call(1, 0, "0002:a", "send", Map.of("s", 1)), recv)));
    assertNotEquals(hash, TraceHash.of(List.of(call(1, 0, "0001:a", "sendto", Map.of("s", 1)), recv)));
    assertNotEquals(hash, TraceHash.of(List.of(call(1, 0, "0001:a", "send", Map.of("s", 3)), recv)));
    assertNotEquals(hash, TraceHash.of(List.of(new TraceEvent(1, 0, "0001:a", TraceKind.TASK, "send", Map.of("s", 1)), recv)));
    assertNotEquals(TraceHash.of(List.of()), TraceHash.of(List.of(call(1, 0, "-", "x", Map.of()))));
  }

  @Test
  void stringBoundariesAndEventBoundariesCount() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("ab", "c");
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("a", "bc");
    assertNotEquals(TraceHash.of(List.of(call(1, 0, "-", "f", ab))), TraceHash.of(List.of(call(1, 0, "-", "f", a))));
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("x", 1);
    two.put("y", 2);
    assertNotEquals(TraceHash.of(List.of(call(1, 0, "-", "f", two))),
        TraceHash.of(List.of(call(1, 0, "-", "f", Map.of("x", 1)), call(2, 0, "-", "f", Map.of("y", 2)))));
  }

  @Test
  void theHashIsAFixedFunctionOfTheTrace() {
    assertEquals(0xcbf29ce484222325L, TraceHash.of(List.of()), "FNV-1a's offset basis for no event");
    List<TraceEvent> trace = List.of(call(1, 0, "0001:a", "send", Map.of("s", 1)));
    assertEquals(TraceHash.of(trace), TraceHash.of(List.copyOf(trace)));
  }

  private static TraceEvent call(long seq, long time, String task, String name, Map<String, Object> fields) {
    return new TraceEvent(seq, time, task, TraceKind.CALL, name, fields);
  }
}
