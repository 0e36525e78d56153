package org.wsemu.samples.planted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The section "Planted bugs: schedules to find each" of {@code docs/exploration.md} is what the
 * explorations give ({@link PlantedBugsTable}). After a change, rewrite it with
 *
 * <pre>
 * mvn -B -q test -Dtest=PlantedBugsDocTest -Dwsemu.updateDocs=true
 * </pre>
 */
@Timeout(300)
class PlantedBugsDocTest {
  static final Path DOC = Path.of("docs", "exploration.md");

  @Test
  void theTableIsWhatTheExplorationsGive() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int start = doc.indexOf(PlantedBugsTable.HEADING + "\n");
    assertTrue(start >= 0, DOC + " has no heading \"" + PlantedBugsTable.HEADING + "\"");
    int next = doc.indexOf("\n## ", start + PlantedBugsTable.HEADING.length());
    int end = next < 0 ? doc.length() : next + 1;
    String generated = PlantedBugsTable.section();
    if (Boolean.getBoolean("wsemu.updateDocs")) {
      String separator = next < 0 || generated.endsWith("\n\n") ? "" : "\n";
      Files.writeString(DOC, doc.substring(0, start) + generated + separator + doc.substring(end), StandardCharsets.UTF_8);
      System.err.println("wsemu: wrote the planted bugs' table into " + DOC);
      return;
    }
    String current = doc.substring(start, end);
    assertEquals(generated.strip(), current.strip(), "the planted bugs' table is not what the explorations give;"
        + " rewrite it with mvn -B -q test -Dtest=PlantedBugsDocTest -Dwsemu.updateDocs=true");
  }
}
