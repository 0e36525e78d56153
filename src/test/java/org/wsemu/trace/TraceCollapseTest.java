package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.trace.TraceFilesTest.event;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collapsing repeated polling into one entry, and the readable rendering of the entries. */
class TraceCollapseTest {

  /** A Win16 polling loop as the demonstration's trace shows it: PeekMessage, GetTickCount, the clock moves on. */
  private static List<TraceEvent> polling(long firstSeq, long fromTime, int times) {
    List<TraceEvent> events = new ArrayList<>();
    long seq = firstSeq;
    for (int i = 0; i < times; i++) {
      long t = fromTime + i;
      events.add(event(seq++, t, "0002:typist", TraceKind.CALL, "PeekMessage", "hWnd", "0x0000", "wRemoveMsg", "0x0001", "ret", false));
      events.add(event(seq++, t, "0002:typist", TraceKind.CALL, "GetTickCount", "ret", Long.toString(t)));
      events.add(event(seq++, t + 1, "-", TraceKind.CLOCK, "advance", "from", t, "to", t + 1));
    }
    return events;
  }

  @Test
  void aPollingCycleOfThreeEventsBecomesOneEntryWithItsCountAndSpan() {
    List<TraceEvent> events = new ArrayList<>();
    events.add(event(1, 0, "0002:typist", TraceKind.TASK, "start"));
    events.addAll(polling(2, 0, 142));
    events.add(event(428, 142, "0002:typist", TraceKind.TIMER, "expired", "hwnd", "0x0100", "id", "0x0001"));
    List<TraceCollapse.Entry> entries = TraceCollapse.collapse(events);
    assertEquals(3, entries.size());
    assertEquals(new TraceCollapse.Entry(events.subList(0, 1), 1, 1, 1, 0, 0), entries.get(0));
    assertEquals(new TraceCollapse.Entry(events.subList(1, 4), 142, 2, 427, 0, 142), entries.get(1));
    assertTrue(entries.get(1).collapsed());
    assertEquals(426, entries.get(1).size());
    assertFalse(entries.get(2).collapsed());
    assertEquals(events.size(), entries.stream().mapToInt(TraceCollapse.Entry::size).sum());
    assertEquals("""
        000001 t=000000 0002:typist TASK start
        000002 t=000000 0002:typist CALL PeekMessage hWnd=0x0000 wRemoveMsg=0x0001 ret=false
        000003 t=000000 0002:typist CALL GetTickCount ret=0
        000004 t=000001 - CLOCK advance from=0 to=1
               ... x142 (seq 000002-000427, t=000000-000142)
        000428 t=000142 0002:typist TIMER expired hwnd=0x0100 id=0x0001
        """, TraceFormat.readable(events));
  }

  @Test
  void anotherReturnValueTaskOrMessageBreaksARun() {
    TraceEvent peek = event(1, 0, "0001:a", TraceKind.CALL, "PeekMessage", "ret", false);
    List<TraceEvent> events = List.of(peek,
        event(2, 0, "0001:a", TraceKind.CALL, "PeekMessage", "ret", false),
        event(3, 0, "0001:a", TraceKind.CALL, "PeekMessage", "ret", true),
        event(4, 0, "0002:b", TraceKind.CALL, "PeekMessage", "ret", true),
        event(5, 0, "0002:b", TraceKind.CALL, "PeekMessage", "ret", true, "msg", "WM_TIMER"),
        event(6, 0, "0002:b", TraceKind.CALL, "PeekMessage", "ret", true, "msg", "WM_CHAR"),
        event(7, 0, "0002:b", TraceKind.HOOK, "PeekMessage", "ret", true, "msg", "WM_CHAR"));
    List<TraceCollapse.Entry> entries = TraceCollapse.collapse(events);
    assertEquals(List.of(2, 1, 1, 1, 1, 1), entries.stream().map(TraceCollapse.Entry::repeats).toList());
    assertTrue(TraceCollapse.sameStep(peek, event(9, 50, "0001:a", TraceKind.CALL, "PeekMessage", "ret", "false")),
        "a value compares as its text, so a trace read back from text collapses as the run did");
    assertTrue(TraceCollapse.sameStep(event(1, 0, "-", TraceKind.CLOCK, "busy-wait", "from", 0L, "to", 5L),
        event(2, 5, "-", TraceKind.CLOCK, "busy-wait", "from", 5L, "to", 9L)));
    assertFalse(TraceCollapse.sameStep(event(1, 0, "-", TraceKind.CLOCK, "busy-wait", "from", 0L, "to", 5L),
        event(2, 5, "-", TraceKind.CLOCK, "advance", "from", 5L, "to", 9L)));
    assertFalse(TraceCollapse.sameStep(event(1, 0, "-", TraceKind.CALL, "GetTickCount", "ret", 0),
        event(2, 0, "-", TraceKind.CALL, "GetTickCount", "ret", 0, "extra", 1)));
  }

  @Test
  void theLongestRunWinsAndForAsManyEventsTheShortestCycle() {
    TraceEvent a = event(1, 0, "0001:a", TraceKind.CALL, "A");
    TraceEvent b = event(1, 0, "0001:a", TraceKind.CALL, "B");
    TraceEvent c = event(1, 0, "0001:a", TraceKind.CALL, "C");
    assertEquals(List.of("A x4"), shape(List.of(a, a, a, a)), "not (A A) x2");
    assertEquals(List.of("A B x3", "A"), shape(List.of(a, b, a, b, a, b, a)));
    assertEquals(List.of("A B A C x2", "B"), shape(List.of(a, b, a, c, a, b, a, c, b)));
    assertEquals(List.of("A x3", "B C x2"), shape(List.of(a, a, a, b, c, b, c)));
    assertEquals(List.of("A", "B", "C", "A B x2", "C", "A", "B"), shape(List.of(a, b, c, a, b, a, b, c, a, b)),
        "a cycle of five is too long");
  }

  @Test
  void aMinimumOfRepeatsLeavesShortRunsAlone() {
    TraceEvent a = event(1, 0, "0001:a", TraceKind.CALL, "A");
    TraceEvent b = event(1, 0, "0001:a", TraceKind.CALL, "B");
    assertEquals(List.of("A", "A", "B x3"), shapeOf(TraceCollapse.collapse(List.of(a, a, b, b, b), 3)));
    assertEquals(List.of(), TraceCollapse.collapse(List.of()));
    assertEquals("minRepeats < 2: 1", assertThrows(IllegalArgumentException.class,
        () -> TraceCollapse.collapse(List.of(a), 1)).getMessage());
    assertEquals("an entry has events and repeats >= 1: 0, 1", assertThrows(IllegalArgumentException.class,
        () -> new TraceCollapse.Entry(List.of(), 1, 0, 0, 0, 0)).getMessage());
  }

  @Test
  void readableOfATraceWithoutRepeatsIsItsLines() {
    List<TraceEvent> events = TraceAssertionsTest.nestedRecv();
    assertEquals(TraceFormat.lines(events), TraceFormat.readable(events));
    assertEquals("", TraceFormat.readable(List.of()));
  }

  private static List<String> shape(List<TraceEvent> events) {
    return shapeOf(TraceCollapse.collapse(events));
  }

  private static List<String> shapeOf(List<TraceCollapse.Entry> entries) {
    List<String> shape = new ArrayList<>();
    for (TraceCollapse.Entry entry : entries) {
      String names = String.join(" ", entry.events().stream().map(TraceEvent::name).toList());
      shape.add(entry.collapsed() ? names + " x" + entry.repeats() : names);
    }
    return shape;
  }
}
