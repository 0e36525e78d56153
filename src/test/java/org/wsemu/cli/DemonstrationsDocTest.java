package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;

/**
 * {@code docs/demonstrations.md} and {@code docs/demonstrations/NAME.md} are what the catalogue
 * gives ({@link DemonstrationsPage}): this test generates them and fails when a checked-in page
 * differs, is missing, or is left over from a demonstration that is gone. After a change to the
 * catalogue, rewrite them with one command, then read the diff:
 *
 * <pre>
 * mvn -B -q test -Dtest=DemonstrationsDocTest -Dwsemu.updateDocs=true
 * </pre>
 */
@Timeout(300)
class DemonstrationsDocTest {
  /** The system property that makes this test write the pages instead of comparing them. */
  static final String UPDATE_PROPERTY = "wsemu.updateDocs";
  /** Mermaid's default {@code maxTextSize}: a longer diagram is not drawn (Mermaid's configuration reference). */
  static final int MERMAID_MAX_TEXT_SIZE = 50_000;
  private static final String HOW = "mvn -B -q test -Dtest=DemonstrationsDocTest -D" + UPDATE_PROPERTY + "=true";

  @Test
  void thePagesAreWhatTheCatalogueGives() throws Exception {
    Map<Path, String> pages = DemonstrationsPage.pages();
    boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<Path, String> page : pages.entrySet()) {
      Path file = page.getKey();
      if (update) {
        DemoRun.write(file, page.getValue());
      } else if (!Files.isRegularFile(file)) {
        wrong.add(file + " is missing");
      } else {
        List<String> expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").lines().toList();
        List<String> actual = page.getValue().lines().toList();
        if (!expected.equals(actual)) {
          wrong.add(file + " differs: " + firstDifference(expected, actual));
        }
      }
    }
    try (Stream<Path> files = Files.list(DemonstrationsPage.DIAGRAMS)) {
      for (Path file : files.sorted().toList()) {
        if (!pages.containsKey(file)) {
          if (update) {
            Files.delete(file);
          } else {
            wrong.add(file + " is no demonstration's page");
          }
        }
      }
    }
    if (update) {
      System.err.println("wsemu: wrote " + pages.size() + " pages of " + DemonstrationsPage.INDEX + " (" + UPDATE_PROPERTY + "=true)");
    }
    assertEquals(List.of(), wrong, "the demonstrations' pages are not what the catalogue gives; rewrite them with " + HOW);
  }

  /** Where two texts first differ: the line number and both lines. */
  static String firstDifference(List<String> expected, List<String> actual) {
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    return "line " + (i + 1) + " is " + (i < expected.size() ? "\"" + expected.get(i) + "\"" : "missing")
        + " in the file, " + (i < actual.size() ? "\"" + actual.get(i) + "\"" : "missing") + " from the catalogue";
  }

  @Test
  void theIndexListsEveryDemonstrationWithItsRuleAndLinksItsDiagram() {
    String index = DemonstrationsPage.index();
    for (Map.Entry<String, List<Demonstration>> group : Demonstrations.groups().entrySet()) {
      for (Demonstration demo : group.getValue()) {
        assertTrue(index.contains("| [" + demo.name() + "](#" + demo.name() + ") | " + demo.rule().replace("<", "&lt;") + " | "
            + group.getKey() + " |\n"), demo.name());
        assertTrue(index.contains("\n### " + demo.name() + "\n"), demo.name());
        assertTrue(index.contains("```sh\njava -jar target/wsemu-cli.jar demo " + demo.name() + "\n```\n"), demo.name());
        assertTrue(index.contains("(demonstrations/" + demo.name() + ".md)"), demo.name());
      }
    }
  }

  @Test
  void everyDiagramIsAMermaidSequenceDiagramThatMermaidDraws() throws Exception {
    for (Demonstration demo : Demonstrations.all()) {
      String mermaid = DemonstrationsPage.mermaid(demo);
      assertTrue(mermaid.startsWith("sequenceDiagram\n"), demo.name() + ": " + mermaid);
      assertTrue(mermaid.length() < MERMAID_MAX_TEXT_SIZE, demo.name() + "'s diagram has " + mermaid.length()
          + " characters: Mermaid draws at most " + MERMAID_MAX_TEXT_SIZE);
    }
  }

  @Test
  void aSourceWithAnAddressIsALink() {
    assertEquals("[Microsoft Learn, About Messages and Message Queues](https://learn.microsoft.com/windows/win32/winmsg/x)",
        DemonstrationsPage.source("Microsoft Learn, About Messages and Message Queues: https://learn.microsoft.com/windows/win32/winmsg/x"));
    assertEquals("Windows Sockets 1.1 specification, section 4.3.1", DemonstrationsPage.source("Windows Sockets 1.1 specification, section 4.3.1"));
    assertEquals("<https://learn.microsoft.com/a> and <https://learn.microsoft.com/b>.",
        DemonstrationsPage.source("https://learn.microsoft.com/a and https://learn.microsoft.com/b."));
    assertEquals("Windows Sockets 1.1, section 3.1; [Microsoft Learn, WSAAsyncSelect](https://learn.microsoft.com/c)",
        DemonstrationsPage.source("Windows Sockets 1.1, section 3.1; Microsoft Learn, WSAAsyncSelect: https://learn.microsoft.com/c"));
    assertEquals("a &lt;b> c", DemonstrationsPage.text("a <b> c"));
  }
}
