package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TraceFormat#line}: an event is always one line, whatever its values hold. */
class TraceFormatTest {

  @Test
  void aLineBreakInAValueIsWrittenAsAnEscapeSoTheEventStaysOneLine() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("error", "java.lang.IllegalStateException");
    fields.put("message", "first line\nsecond\r\tthird\u0001 end\\n");
    TraceEvent event = new TraceEvent(7, 20, "0001:main", TraceKind.EXCEPTION, "WndProc", fields);

    assertEquals("000007 t=000020 0001:main EXCEPTION WndProc error=java.lang.IllegalStateException"
        + " message=first line\\nsecond\\r\\tthird\\u0001 end\\n", TraceFormat.line(event));
  }

  @Test
  void plainValuesAreWrittenAsTheyAre() {
    TraceEvent event = new TraceEvent(1, 0, "0001:main", TraceKind.CALL, "recv",
        Map.of("s", 3));

    assertEquals("000001 t=000000 0001:main CALL recv s=3", TraceFormat.line(event));
  }
}
