package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace files: the text and golden lines read back, JSON Lines both ways, escaping, errors. */
class TraceFilesTest {
  @TempDir Path dir;

  /** An event with fields in the order given ({@code name1, value1...}). */
  static TraceEvent event(long seq, long time, String task, TraceKind kind, String name, Object... pairs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], pairs[i + 1]);
    }
    return new TraceEvent(seq, time, task, kind, name, fields);
  }

  private static String failure(List<String> lines) {
    return assertThrows(IllegalArgumentException.class, () -> TraceFiles.parse(lines)).getMessage();
  }

  @Test
  void aTextLineReadsBackWithItsFieldsAsStrings() {
    String line = "003090 t=001000 0001:clock CALL GetMessage hWnd=0x0000 wMsgFilterMin=0x0000 ret=1 msg=WM_TIMER";
    TraceEvent e = TraceFiles.parse(List.of(line)).get(0);
    assertEquals(event(3090, 1000, "0001:clock", TraceKind.CALL, "GetMessage",
        "hWnd", "0x0000", "wMsgFilterMin", "0x0000", "ret", "1", "msg", "WM_TIMER"), e);
    assertEquals(List.of("hWnd", "wMsgFilterMin", "ret", "msg"), new ArrayList<>(e.fields().keySet()));
    assertEquals(line, TraceFormat.line(e));
  }

  @Test
  void aValueRunsToTheNextKeyAndMayHoldSpaces() {
    TraceEvent e = TraceFiles.parse(List.of(
        "000007 t=000001 net NET rst from=127.0.0.1:49153 to=127.0.0.1:49152 why=abortive close")).get(0);
    assertEquals(event(7, 1, "net", TraceKind.NET, "rst",
        "from", "127.0.0.1:49153", "to", "127.0.0.1:49152", "why", "abortive close"), e);
    TraceEvent spaces = TraceFiles.parse(List.of("000001 t=000000 - NOTE x a= b  c=d e=")).get(0);
    assertEquals(event(1, 0, "-", TraceKind.NOTE, "x", "a", " b ", "c", "d", "e", ""), spaces);
  }

  @Test
  void aGoldenLineIsNumberedByItsPlaceAmongTheEvents() {
    List<TraceEvent> events = TraceFiles.parse(List.of(
        "# a comment", "t=000000 - TASK create task=0001:server", "", "t=000030 0001:server TASK start",
        "000009 t=000031 0001:server TASK exit code=0"));
    assertEquals(List.of(
        event(1, 0, "-", TraceKind.TASK, "create", "task", "0001:server"),
        event(2, 30, "0001:server", TraceKind.TASK, "start"),
        event(9, 31, "0001:server", TraceKind.TASK, "exit", "code", "0")), events);
    assertEquals("t=000000 - TASK create task=0001:server\nt=000030 0001:server TASK start\n"
        + "t=000031 0001:server TASK exit code=0\n", Goldens.render(events));
  }

  @Test
  void theKindIsTheFirstWordThatNamesOneAndTheTaskMayHoldSpaces() {
    TraceEvent e = TraceFiles.parse(List.of("000001 t=000000 0003:my app PROC_END WndProc ret=0")).get(0);
    assertEquals(event(1, 0, "0003:my app", TraceKind.PROC_END, "WndProc", "ret", "0"), e);
    TraceEvent bare = TraceFiles.parse(List.of("000002 t=000000 - NOTE")).get(0);
    assertEquals(event(2, 0, "-", TraceKind.NOTE, ""), bare);
    assertEquals("000002 t=000000 - NOTE ", TraceFormat.line(bare)); // the format's own rendering of an empty name
    assertEquals(bare, TraceFiles.parse(List.of(TraceFormat.line(bare))).get(0));
  }

  @Test
  void anExceptionsNameAndMessageAndARoutinesOperationAreReadWhole() {
    TraceEvent thrown = event(5, 0, "0001:app", TraceKind.EXCEPTION, "WndProc hwnd=0x0100 WM_USER+0x0000",
        "error", "java.lang.IllegalStateException", "message", "bad state=3 at x=1");
    TraceEvent read = TraceFiles.parse(List.of(TraceFormat.line(thrown))).get(0);
    assertEquals(thrown, read);
    TraceEvent routine = event(6, 0, "0001:app", TraceKind.ROUTINE, "CompletionRoutine", "n", "1", "for", "WSARecv s=3");
    assertEquals(routine, TraceFiles.parse(List.of(TraceFormat.line(routine))).get(0));
    TraceEvent other = event(7, 0, "0001:app", TraceKind.NOTE, "n", "for", "WSARecv s=3");
    assertEquals(event(7, 0, "0001:app", TraceKind.NOTE, "n", "for", "WSARecv", "s", "3"),
        TraceFiles.parse(List.of(TraceFormat.line(other))).get(0), "elsewhere a value cannot hold ' key='");
  }

  @Test
  void jsonLinesKeepTypesOrderAndEscapes() {
    TraceEvent e = event(12, 3456, "0001:\"quoted\" app", TraceKind.CALL, "send",
        "s", 1, "len", 70_000_000_000L, "ok", true, "buf", null, "ratio", 0.25,
        "text", "tab\there \\ \"q\" line\nfeed \u0001 é € \uD83D\uDE00 \u2028");
    String json = TraceFiles.jsonLine(e);
    assertEquals("{\"seq\":12,\"time\":3456,\"task\":\"0001:\\\"quoted\\\" app\",\"kind\":\"CALL\",\"name\":\"send\","
        + "\"fields\":{\"s\":1,\"len\":70000000000,\"ok\":true,\"buf\":null,\"ratio\":0.25,"
        + "\"text\":\"tab\\there \\\\ \\\"q\\\" line\\nfeed \\u0001 \\u00e9 \\u20ac \\ud83d\\ude00 \\u2028\"}}", json);
    assertEquals(e, TraceFiles.parse(List.of(json)).get(0));
    assertEquals(json, TraceFiles.jsonLine(TraceFiles.parse(List.of(json)).get(0)));
  }

  @Test
  void otherValuesAreWrittenAsTheirTextAndNonFiniteNumbersAsStrings() {
    Object hex = new Object() {
      @Override
      public String toString() {
        return "0x0100";
      }
    };
    TraceEvent e = event(1, 0, "-", TraceKind.NOTE, "n", "h", hex, "nan", Double.NaN, "inf", Float.POSITIVE_INFINITY);
    assertEquals("{\"seq\":1,\"time\":0,\"task\":\"-\",\"kind\":\"NOTE\",\"name\":\"n\","
        + "\"fields\":{\"h\":\"0x0100\",\"nan\":\"NaN\",\"inf\":\"Infinity\"}}", TraceFiles.jsonLine(e));
  }

  @Test
  void readingJsonTakesAnyKeyOrderSpacesUnicodeEscapesAndIgnoresUnknownKeys() {
    TraceEvent e = TraceFiles.parse(List.of(" { \"kind\" : \"HOOK\", \"extra\": {\"a\": [1, \"}\"]}, \"name\": \"B\\u00E9\\/x\","
        + " \"task\": \"-\", \"time\": 7, \"seq\": 3, \"fields\": {\"ret\": false, \"n\": -2, \"d\": 1.5e3} } ")).get(0);
    assertEquals(event(3, 7, "-", TraceKind.HOOK, "Bé/x", "ret", false, "n", -2, "d", 1500.0), e);
    assertEquals(Map.of(), TraceFiles.parse(List.of("{\"seq\":1,\"time\":0,\"task\":\"-\",\"kind\":\"NOTE\",\"name\":\"n\"}"))
        .get(0).fields());
  }

  @Test
  void aBadLineIsNamedWithWhatIsWrong() {
    assertEquals("line 2: not a trace line (SEQ t=TIME TASK KIND NAME key=value..., or a golden line without SEQ): hello",
        failure(List.of("t=000000 - NOTE x", "hello")));
    assertEquals("line 1: no task and kind (one of " + String.join(", ", Arrays.stream(TraceKind.values()).map(Enum::name).toList())
        + "): 000001 t=000000 0001:app WHAT x", failure(List.of("000001 t=000000 0001:app WHAT x")));
    assertEquals("line 1: not a trace line (SEQ t=TIME TASK KIND NAME key=value..., or a golden line without SEQ): "
        + "       ... x3 (seq 000001-000003, t=000000-000000) (a collapsed run of TraceFormat.readable cannot be read back)",
        failure(List.of("       ... x3 (seq 000001-000003, t=000000-000000)")));
    assertEquals("line 1: no such kind: LOUD (kinds: " + Arrays.toString(TraceKind.values()) + ") at column 23: "
        + "{\"seq\":1,\"kind\":\"LOUD\"}", failure(List.of("{\"seq\":1,\"kind\":\"LOUD\"}")));
    assertEquals("line 1: an event needs seq, time, task, kind and name at column 30: {\"seq\":1,\"time\":0,\"task\":\"-\"}",
        failure(List.of("{\"seq\":1,\"time\":0,\"task\":\"-\"}")));
    assertEquals("line 1: field f: a value is a string, a number, true, false or null at column 16: {\"fields\":{\"f\":[1]}}",
        failure(List.of("{\"fields\":{\"f\":[1]}}")));
    assertEquals("line 1: seq must be a whole number at column 11: {\"seq\":1.5}", failure(List.of("{\"seq\":1.5}")));
    assertEquals("line 1: a bad \\u escape at column 10: {\"name\":\"\\u12G4\"}", failure(List.of("{\"name\":\"\\u12G4\"}")));
    assertEquals("line 1: a bad escape \\x at column 10: {\"name\":\"\\x\"}", failure(List.of("{\"name\":\"\\x\"}")));
    assertEquals("line 1: an unterminated string at column 13: {\"name\":\"abc", failure(List.of("{\"name\":\"abc")));
    assertEquals("line 1: not a JSON value at column 8: {\"seq\":tru}", failure(List.of("{\"seq\":tru}")));
    assertEquals("line 1: text after the object at column 4: {} x", failure(List.of("{} x")));
    assertEquals("line 1: '}' expected at column 9: {\"seq\":1", failure(List.of("{\"seq\":1")));
  }

  @Test
  void filesRoundTripInBothFormatsAndAFileErrorNamesTheFile() throws IOException {
    List<TraceEvent> events = List.of(
        event(1, 0, "0001:app", TraceKind.CALL, "socket", "af", "AF_INET", "ret", 1),
        event(2, 5, "0001:app", TraceKind.EXCEPTION, "BlockingHook", "error", "java.lang.Error", "message", "é\n2nd line"));
    Path json = dir.resolve("run.jsonl");
    TraceFiles.writeJsonLines(events, json);
    assertEquals(TraceFiles.jsonLine(events.get(0)) + "\n" + TraceFiles.jsonLine(events.get(1)) + "\n",
        Files.readString(json, StandardCharsets.US_ASCII));
    assertEquals(events, TraceFiles.read(json));
    Path text = dir.resolve("run.trace");
    TraceFiles.writeText(events.subList(0, 1), text);
    assertEquals("000001 t=000000 0001:app CALL socket af=AF_INET ret=1\n", Files.readString(text));
    assertEquals(List.of(event(1, 0, "0001:app", TraceKind.CALL, "socket", "af", "AF_INET", "ret", "1")), TraceFiles.read(text));
    Files.writeString(text, "\uFEFFt=000000 - TASK start\r\nnonsense\r\n", StandardCharsets.UTF_8);
    assertEquals(text + " line 2: not a trace line (SEQ t=TIME TASK KIND NAME key=value..., or a golden line without SEQ): nonsense",
        assertThrows(IllegalArgumentException.class, () -> TraceFiles.read(text)).getMessage());
    Files.writeString(text, "\uFEFFt=000000 - TASK start\r\n", StandardCharsets.UTF_8);
    assertEquals(List.of(event(1, 0, "-", TraceKind.TASK, "start")), TraceFiles.read(text));
    assertThrows(NoSuchFileException.class, () -> TraceFiles.read(dir.resolve("absent.trace")));
  }
}
