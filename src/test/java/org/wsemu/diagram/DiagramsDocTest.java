package org.wsemu.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsemu.trace.TraceFiles;

/** docs/diagrams.md shows the diagram its example trace really gets. */
class DiagramsDocTest {
  private static final Path PAGE = Path.of("docs", "diagrams.md");

  @Test
  void theExampleMermaidBlockIsTheDiagramOfTheExampleTrace() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    List<String> trace = block(page, "text").lines().toList();
    assertEquals(14, trace.size());
    assertEquals(block(page, "mermaid"), SequenceDiagram.mermaid(TraceFiles.parse(trace)));
  }

  /** The first fenced block of {@code language}, without its fences. */
  private static String block(String page, String language) {
    int start = page.indexOf("```" + language + "\n") + language.length() + 4;
    return page.substring(start, page.indexOf("```\n", start));
  }
}
