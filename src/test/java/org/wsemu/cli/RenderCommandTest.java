package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsemu.diagram.DiagramOptions;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceKind;

/** {@code wsemu render}: a golden trace in both formats, to a file or standard output, filtered; its errors. */
@Timeout(30)
class RenderCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/goldens/demo-message-loop.trace");

  private static List<TraceEvent> golden() throws IOException {
    return TraceFiles.read(GOLDEN);
  }

  @Test
  void aGoldenTraceBecomesMermaidTextOnStandardOutput() throws IOException {
    String out = run(0, "render", GOLDEN.toString(), "--format", "mermaid");
    assertTrue(out.startsWith("sequenceDiagram\n"), out);
    assertEquals(SequenceDiagram.mermaid(golden()), out);
    assertEquals(out, run(0, "render", GOLDEN.toString()), "mermaid when no format is given");
    assertEquals(out, run(0, "render", GOLDEN.toString(), "-o", "-"), "- is standard output");
  }

  @Test
  void aGoldenTraceBecomesAnHtmlPageInTheFileWhosePathIsPrinted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("loop.html");
    assertEquals("diagram: " + file.toAbsolutePath() + "\n", run(0, "render", GOLDEN.toString(), "--format", "html", "-o", file.toString()));
    assertEquals(SequenceDiagram.html(golden(), "demo-message-loop.trace"), Files.readString(file, StandardCharsets.UTF_8));

    Path inferred = dir.resolve("inferred.HTM");
    run(0, "render", GOLDEN.toString(), "-o", inferred.toString(), "--title", "The <message> loop");
    assertEquals(SequenceDiagram.html(golden(), "The <message> loop"), Files.readString(inferred, StandardCharsets.UTF_8),
        "html for a .htm file, with its title");

    Path mermaid = dir.resolve("loop.mmd");
    run(0, "render", GOLDEN.toString(), "-o", mermaid.toString());
    assertEquals(SequenceDiagram.mermaid(golden()), Files.readString(mermaid, StandardCharsets.UTF_8), "mermaid for any other file");
  }

  @Test
  void theFiltersNarrowTheDiagram() throws IOException {
    List<TraceEvent> tasks = golden().stream().filter(e -> e.kind() == TraceKind.TASK).toList();
    assertEquals(6, tasks.size());
    assertEquals(SequenceDiagram.mermaid(tasks), run(0, "render", GOLDEN.toString(), "--kind", "TASK"));
    List<TraceEvent> typist = golden().stream().filter(e -> e.task().equals("0002:typist")).toList();
    assertEquals(SequenceDiagram.mermaid(typist), run(0, "render", GOLDEN.toString(), "--task", "typist"));
    assertTrue(run(0, "render", GOLDEN.toString(), "--kind", "TASK").length() < run(0, "render", GOLDEN.toString()).length());
  }

  @Test
  void allDrawsEveryEventNothingCollapsedOrFolded() throws IOException {
    String all = run(0, "render", GOLDEN.toString(), "--all");
    assertEquals(SequenceDiagram.mermaid(golden(), DiagramOptions.defaults().collapse(false).fold(false)), all);
    assertTrue(all.length() > run(0, "render", GOLDEN.toString()).length(), all);
  }

  @Test
  void aJsonLinesTraceRendersAsItsTextDoes(@TempDir Path dir) throws IOException {
    Path jsonl = dir.resolve("loop.jsonl");
    TraceFiles.writeJsonLines(golden(), jsonl);
    assertEquals(run(0, "render", GOLDEN.toString()), run(0, "render", jsonl.toString()));
  }

  @Test
  void aMissingFileOrADirectoryIsAUsageError(@TempDir Path dir) {
    MainTest.refused(run("render", dir.resolve("none.trace").toString()),
        "wsemu render: no such trace file: " + dir.resolve("none.trace").toAbsolutePath());
    MainTest.refused(run("render", dir.toString()), "wsemu render: not a trace file: " + dir.toAbsolutePath());
    MainTest.refused(run("render"), "wsemu render: Missing required parameter: 'TRACE'");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    MainTest.refused(run("render", GOLDEN.toString(), "--format", "svg"),
        "wsemu render: Invalid value for option '--format': expected one of [MERMAID, HTML] (case-insensitive)"
            + " but was 'svg'");
  }

  @Test
  void aLineThatIsNotATraceEventIsAUsageErrorWithItsLineNumber(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(GOLDEN).subList(0, 2);
    Path bad = dir.resolve("bad.trace");
    Files.write(bad, List.of(lines.get(0), lines.get(1), "this is not an event"));
    CommandLines.Result result = run("render", bad.toString());
    MainTest.refused(result, "wsemu render: " + bad + " line 3: ");
    assertTrue(result.err().contains("this is not an event"), result.err());
  }
}
