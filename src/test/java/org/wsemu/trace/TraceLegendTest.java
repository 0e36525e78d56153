package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column legend: every kind in one line, the same text in docs/trace-schema.md. */
class TraceLegendTest {

  @Test
  void theLegendExplainsTheColumnsAndEveryKindInOneLine() {
    List<String> lines = TraceFormat.LEGEND.lines().toList();
    assertTrue(TraceFormat.LEGEND.endsWith("\n"));
    assertEquals("A trace line: SEQ t=TIME TASK KIND NAME key=value...", lines.get(0));
    int kinds = lines.indexOf("The kinds:");
    for (String column : List.of("SEQ", "t=TIME", "TASK", "KIND NAME", "key=value", "... xN")) {
      assertEquals(1, lines.subList(0, kinds).stream().filter(l -> l.startsWith("  " + column + " ")).count(), column);
    }
    List<String> named = lines.subList(kinds + 1, lines.size()).stream().map(l -> l.strip().split(" ")[0]).toList();
    assertEquals(java.util.Arrays.stream(TraceKind.values()).map(Enum::name).toList(), named, "every kind, in order");
    for (String line : lines) {
      assertTrue(line.length() <= 100, line);
    }
  }

  @Test
  void theSchemaPageShowsTheSameLegend() throws IOException {
    String doc = Files.readString(Path.of("docs/trace-schema.md"));
    int section = doc.indexOf("\n## Reading a trace\n");
    assertTrue(section >= 0, "a section 'Reading a trace'");
    int from = doc.indexOf("```\n", section) + 4;
    int to = doc.indexOf("```\n", from);
    assertEquals(TraceFormat.LEGEND, doc.substring(from, to));
  }

  @Test
  void theSchemaPagesJsonLinesExampleIsWhatTheWriterWrites() throws IOException {
    String doc = Files.readString(Path.of("docs/trace-schema.md"));
    String example = doc.lines().filter(l -> l.startsWith("{\"seq\":")).findFirst().orElseThrow();
    TraceEvent event = TraceFiles.parse(List.of(example)).get(0);
    assertEquals(TraceAssertionsTest.nestedRecv().get(3).kind(), event.kind());
    assertEquals(example, TraceFiles.jsonLine(event));
    assertEquals("000004 t=000005 0001:app CALL recv s=1 len=1 flags=0 ret=-1 error=WSAEINPROGRESS", TraceFormat.line(event));
  }
}
