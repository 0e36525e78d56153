package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace stream: numbering, stamping, enabling, and the stable text rendering. */
class TraceTest {

  @Test
  void eventsAreNumberedFromOneAndStampedWithTheClock() {
    long[] now = {100};
    Trace trace = new Trace(() -> now[0]);
    TraceRecorder recorder = new TraceRecorder();
    trace.addSink(recorder);
    trace.event(TraceKind.CALL, "0001:app", "PostMessage").with("hWnd", "0x0100").with("ret", true).emit();
    now[0] = 250;
    trace.event(TraceKind.CLOCK, "-", "advance").with("from", 100).with("to", 250).emit();
    assertEquals(
        "000001 t=000100 0001:app CALL PostMessage hWnd=0x0100 ret=true\n"
            + "000002 t=000250 - CLOCK advance from=100 to=250\n",
        recorder.render());
    assertEquals(2L, recorder.events().get(1).seq());
    assertEquals(250, recorder.events().get(1).field("to"));
  }

  @Test
  void aTraceWithoutEnabledSinksIsDisabled() {
    Trace trace = new Trace(() -> 0);
    assertFalse(trace.enabled());
    TraceSink off = new TraceSink() {
      @Override
      public void accept(TraceEvent event) {}

      @Override
      public boolean isEnabled() {
        return false;
      }
    };
    trace.addSink(off);
    assertFalse(trace.enabled());
    TraceRecorder recorder = new TraceRecorder();
    trace.addSink(recorder);
    assertTrue(trace.enabled());
    assertTrue(trace.removeSink(recorder));
    assertFalse(trace.enabled());
  }

  @Test
  void eventFieldsKeepTheirOrderAndCannotBeChanged() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("z", 1);
    fields.put("a", 2);
    TraceEvent event = new TraceEvent(7, 3, "-", TraceKind.NOTE, "n", fields);
    fields.put("later", 3);
    assertEquals(List.of("z", "a"), new ArrayList<>(event.fields().keySet()));
    assertEquals("000007 t=000003 - NOTE n z=1 a=2", event.toString());
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> event.fields().put("x", 1));
  }

  @Test
  void theRecorderFiltersAndClears() {
    Trace trace = new Trace(() -> 0);
    TraceRecorder recorder = new TraceRecorder();
    trace.addSink(recorder);
    trace.event(TraceKind.CALL, "-", "A").emit();
    trace.event(TraceKind.TIMER, "-", "B").emit();
    assertEquals(List.of("B"), recorder.events(e -> e.kind() == TraceKind.TIMER).stream().map(TraceEvent::name).toList());
    recorder.clear();
    assertEquals(List.of(), recorder.events());
  }
}
