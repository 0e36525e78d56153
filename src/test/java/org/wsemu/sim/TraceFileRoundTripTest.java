package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.RoundTrips;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceKind;

/**
 * Trace files on broad runs: the determinism program on a lossy, faulty simulated network (two
 * seeds) and every golden trace of the project read back and written again byte for byte.
 */
class TraceFileRoundTripTest {

  @Test
  @Timeout(60)
  void theDeterminismProgramsTraceSurvivesTextGoldenAndJsonLines() throws Exception {
    List<TraceEvent> events = new ArrayList<>(DeterminismProgram.record(1234, null).events());
    events.addAll(DeterminismProgram.record(77, null).events());
    Set<TraceKind> seen = EnumSet.noneOf(TraceKind.class);
    events.forEach(e -> seen.add(e.kind()));
    assertEquals(EnumSet.of(TraceKind.CALL, TraceKind.TASK, TraceKind.SWITCH, TraceKind.CLOCK, TraceKind.BLOCK,
        TraceKind.UNBLOCK, TraceKind.HOOK, TraceKind.NOTE, TraceKind.NET, TraceKind.FAULT), seen, "the kinds the runs cover");
    RoundTrips.assertRoundTrips(events);
  }

  @Test
  void everyGoldenTraceReadsBackAndRendersTheSameBytes() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("src/test/resources/goldens"))) {
      files = list.filter(p -> p.toString().endsWith(".trace")).sorted().toList();
    }
    assertEquals(true, files.size() >= 5, "the goldens: " + files);
    for (Path file : files) {
      String golden = Files.readString(file).replace("\r\n", "\n");
      List<TraceEvent> events = TraceFiles.read(file);
      assertEquals(golden.lines().count(), events.size(), file::toString);
      assertEquals(golden, Goldens.render(events), file::toString);
      RoundTrips.assertRoundTrips(events);
    }
  }
}
