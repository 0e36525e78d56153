package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden traces: the rendering, the filters, the update switch and the event diff of a mismatch. */
class GoldensTest {
  @TempDir Path dir;

  private static final List<TraceEvent> EVENTS = TraceAssertionsTest.nestedRecv();

  private static String failure(Runnable assertion) {
    return assertThrows(AssertionError.class, assertion::run).getMessage();
  }

  /** An event with fields in the order given ({@code name1, value1...}): Map.of's order changes from JVM to JVM. */
  private static TraceEvent event(long seq, long time, String task, TraceKind kind, String name, Object... pairs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], pairs[i + 1]);
    }
    return new TraceEvent(seq, time, task, kind, name, fields);
  }

  @Test
  void theRenderingIsTheLineWithoutItsSequenceNumber() {
    assertEquals("t=000000 0001:app CALL socket af=2 ret=1\nt=000000 0001:app BLOCK recv s=1 level=1\n",
        Goldens.render(EVENTS.subList(0, 2)));
  }

  @Test
  void aMissingFileFailsAndSaysHowToWriteIt() {
    Path file = dir.resolve("absent.trace");
    assertEquals("no golden trace " + file + "; run with -Dwsemu.updateGoldens=true to write it",
        failure(() -> Goldens.check(EVENTS, file, GoldenFilter.all(), false)));
  }

  @Test
  void updatingWritesTheFileThatThenMatches() throws IOException {
    Path file = dir.resolve("sub").resolve("run.trace");
    Goldens.check(EVENTS, file, GoldenFilter.all(), true);
    assertEquals(Goldens.render(EVENTS), Files.readString(file));
    Goldens.check(EVENTS, file, GoldenFilter.all(), false);
    Files.writeString(file, Goldens.render(EVENTS).replace("\n", "\r\n")); // checked out on Windows
    Goldens.check(EVENTS, file, GoldenFilter.all(), false);
  }

  @Test
  void theSystemPropertiesNameTheDirectoryAndSwitchUpdatingOn() throws IOException {
    System.setProperty(Goldens.DIR_PROPERTY, dir.toString());
    System.setProperty(Goldens.UPDATE_PROPERTY, "true");
    try {
      Goldens.assertMatchesGolden(EVENTS, "by-property", GoldenFilter.all());
      System.clearProperty(Goldens.UPDATE_PROPERTY);
      assertEquals(dir.resolve("by-property.trace"), Goldens.file("by-property"));
      assertEquals(Goldens.render(EVENTS), Files.readString(Goldens.file("by-property")));
      TraceRecorder recorder = new TraceRecorder();
      EVENTS.forEach(recorder::accept);
      Goldens.assertMatchesGolden(recorder, "by-property"); // nothing of the default filter's noise in it
      Goldens.assertMatchesGolden(recorder, "by-property", GoldenFilter.defaults());
    } finally {
      System.clearProperty(Goldens.DIR_PROPERTY);
      System.clearProperty(Goldens.UPDATE_PROPERTY);
    }
    assertEquals(Path.of("src/test/resources/goldens/x.trace"), Goldens.file("x"));
  }

  @Test
  void aNameThatIsNoPlainFileNameIsRefused() {
    for (String bad : List.of("../up", "a/b", "", "a b", "..")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Goldens.file(bad));
      assertEquals("a golden trace name is a plain file name ([A-Za-z0-9._-]+, no '..'): " + bad, e.getMessage());
    }
  }

  @Test
  void theDefaultFilterDropsPollingAndTheFiltersNarrow() {
    List<TraceEvent> events = new ArrayList<>(EVENTS);
    events.add(event(11, 10, "0001:app", TraceKind.CALL, "PeekMessage", "ret", 0));
    events.add(event(12, 10, "0001:app", TraceKind.CALL, "GetTickCount", "ret", 10));
    events.add(event(13, 10, "-", TraceKind.CLOCK, "advance", "from", 10, "to", 20));
    events.add(event(14, 20, "0001:app", TraceKind.CALL, "Yield"));
    assertEquals(EVENTS.size() + 1, events.stream().filter(GoldenFilter.defaults()).count());
    assertEquals(events.size(), events.stream().filter(GoldenFilter.all()).count());
    assertEquals(List.of(10L), seqs(events, GoldenFilter.all().tasks("peer")));
    assertEquals(List.of(10L), seqs(events, GoldenFilter.all().tasks("0002:peer")));
    assertEquals(List.of(2L, 8L, 13L), seqs(events, GoldenFilter.all().kinds(TraceKind.BLOCK, TraceKind.UNBLOCK, TraceKind.CLOCK)));
    assertEquals(List.of(2L, 3L, 4L, 6L, 7L, 8L, 9L), seqs(events, GoldenFilter.defaults().functions("recv").tasks("app")));
    assertEquals(List.of(1L), seqs(events, GoldenFilter.defaults().kinds(TraceKind.CALL).without(e -> !e.name().equals("socket"))));
  }

  private static List<Long> seqs(List<TraceEvent> events, GoldenFilter filter) {
    return events.stream().filter(filter).map(TraceEvent::seq).toList();
  }

  @Test
  void aMismatchShowsMissingExtraAndChangedEventsWithContext() throws IOException {
    Path file = dir.resolve("nested.trace");
    Goldens.check(EVENTS, file, GoldenFilter.all(), true);
    List<TraceEvent> run = new ArrayList<>(EVENTS);
    TraceEvent recv = run.get(3);
    run.set(3, event(4, 5, "0001:app", TraceKind.CALL, "recv", "ret", 1));
    run.remove(4); // WSACancelBlockingCall
    run.add(event(99, 12, "0002:peer", TraceKind.CALL, "closesocket", "s", 2, "ret", 0));
    assertEquals(recv.name(), run.get(3).name());
    assertEquals("the trace differs from the golden trace " + file + " (run with -Dwsemu.updateGoldens=true to rewrite it):\n" + """
        3 differences (missing 1, extra 1, changed 1); golden 10 events, run 10 events
        at golden event 4, run event 4:
            t=000000 0001:app BLOCK recv s=1 level=1
            t=000005 0001:app PROC WndProc hwnd=0x0100 msg=WM_USER depth=1
          ~ changed: t=000005 0001:app CALL recv s=1 ret=-1 error=WSAEINPROGRESS
                now: t=000005 0001:app CALL recv ret=1
          - missing: t=000005 0001:app CALL WSACancelBlockingCall ret=0
            t=000005 0001:app PROC_END WndProc hwnd=0x0100 msg=WM_USER ret=0 depth=1
            t=000009 0001:app PROC TimerProc hwnd=0x0000 id=0x0001 depth=1
        at golden event 11, run event 10:
            t=000009 0001:app CALL recv s=1 ret=-1 error=WSAEINTR
            t=000009 0002:peer CALL send s=2 ret=4
          + extra:   t=000012 0002:peer CALL closesocket s=2 ret=0""",
        failure(() -> Goldens.check(run, file, GoldenFilter.all(), false)));
  }

  @Test
  void manyPlacesAreCutAfterFive() throws IOException {
    List<TraceEvent> golden = new ArrayList<>();
    List<TraceEvent> run = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      golden.add(event(i + 1, i, "0001:app", TraceKind.CALL, "Yield"));
      run.add(event(i + 1, i % 10 == 5 ? i + 1000 : i, "0001:app", TraceKind.CALL, "Yield"));
    }
    Path file = dir.resolve("many.trace");
    Goldens.check(golden, file, GoldenFilter.all(), true);
    String message = failure(() -> Goldens.check(run, file, GoldenFilter.all(), false));
    assertEquals("6 differences (missing 0, extra 0, changed 6); golden 60 events, run 60 events", message.lines().toList().get(1));
    assertEquals(5, message.lines().filter(l -> l.startsWith("at golden event")).count());
    assertEquals("... and more differences after golden event 56", message.lines().reduce((a, b) -> b).orElseThrow());
  }
}
