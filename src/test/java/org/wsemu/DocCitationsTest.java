package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation is written for users: it cites public sources (the 1.1 specification by
 * section, Microsoft Learn, RFCs), never the project's working files, fact identifiers, numbered
 * internal principles or rules, or "the issue".
 */
class DocCitationsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern INTERNAL = Pattern.compile(
      "S11-\\d|\\.\\./shared|winsock-facts|design-notes|\\(principle \\d|\\(rule \\d|\\bthe issue\\b|seed document",
      Pattern.CASE_INSENSITIVE);

  @Test
  void noDocumentCitesAnInternalSource() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    for (String tree : List.of("docs", "src/main", "src/cli", "samples")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(tree))) {
        walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).sorted().forEach(files::add);
      }
    }
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (INTERNAL.matcher(lines.get(i)).find()) {
          found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
