package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceFormat;

/** Shrinking a failing schedule, and the files written for it. */
@Timeout(120)
class ShrinkTest {

  @Test
  void shrinkingLeavesFewerChoicesThatAreNotTheDefaultAndStillFails() {
    ExplorationResult result = Explorer.builder().parallelism(1).seed(3).build().explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow();
    long before = nonZero(failure.choices());
    long after = nonZero(failure.shrunkChoices());
    assertTrue(after < before, before + " -> " + after + ": " + failure.shrunkChoices());
    assertTrue(after >= 1, "the emulator's own schedule passes");
    assertTrue(failure.shrunkReplayKey().startsWith("choices:" + failure.seed() + ":"), failure.shrunkReplayKey());
    assertTrue(failure.shrunkChoices().isEmpty() || failure.shrunkChoices().get(failure.shrunkChoices().size() - 1).chosen() != 0,
        "the shrunk choices end at the last that is not the default");
    assertEquals("lost update: counter 1",
        Explorer.replay(failure.shrunkReplayKey(), Programs.lostUpdate()).failure().orElseThrow().getMessage());
  }

  @Test
  void withoutShrinkingTheShrunkScheduleIsTheOriginal() {
    ExplorationResult result = Explorer.builder().parallelism(1).seed(3).shrink(false).build()
        .explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow();
    assertEquals(failure.replayKey(), failure.shrunkReplayKey());
    assertEquals(nonZero(failure.choices()), nonZero(failure.shrunkChoices()));
  }

  @Test
  void theShrunkRunsTraceAndDiagramAreWritten(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("failures");
    ExplorationResult result = Explorer.builder().parallelism(1).output(output).build()
        .explore(Programs.connectionOrder());
    ScheduleFailure failure = result.failure().orElseThrow();
    Path text = failure.traceFile().orElseThrow();
    Path html = failure.diagramFile().orElseThrow();
    String base = "schedule-" + failure.schedule() + "-seed-" + failure.seed();
    assertEquals(output.resolve(base + ".txt"), text);
    assertEquals(output.resolve(base + ".html"), html);
    assertEquals(TraceFormat.lines(failure.trace()).strip(), Files.readString(text, StandardCharsets.UTF_8).strip());
    assertEquals(TraceFormat.lines(failure.trace()), TraceFormat.lines(TraceFiles.read(output.resolve(base + ".jsonl"))));
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<html") && page.contains("connect"), "a sequence diagram of the run");
    assertTrue(result.summary().contains("; trace: " + text + "; diagram: " + html + "."), result.summary());
  }

  private static long nonZero(List<Choice> choices) {
    return choices.stream().filter(c -> c.chosen() != 0).count();
  }
}
