package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.trace.TraceFilesTest.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace filter: by function whatever the kind, tasks by handle, and the lists of a command line. */
class GoldenFilterTest {

  /** nestedRecv, then a connect of another task that blocks and runs the default hook, and the switches. */
  private static List<TraceEvent> events() {
    List<TraceEvent> events = new ArrayList<>(TraceAssertionsTest.nestedRecv());
    events.add(event(11, 10, "0002:peer", TraceKind.BLOCK, "connect", "s", 2, "level", 1));
    events.add(event(12, 10, "0002:peer", TraceKind.HOOK, "DefaultBlockingHook", "ret", false));
    events.add(event(13, 10, "0001:app", TraceKind.SWITCH, "connect", "from", "0002:peer"));
    events.add(event(14, 11, "0002:peer", TraceKind.SWITCH, "recv", "from", "0001:app"));
    events.add(event(15, 12, "0002:peer", TraceKind.UNBLOCK, "connect", "s", 2, "ret", 0, "error", "0", "cancelled", false));
    events.add(event(16, 12, "0002:peer", TraceKind.CALL, "connect", "s", 2, "ret", 0));
    events.add(event(17, 12, "net", TraceKind.NET, "segment", "len", 4));
    return events;
  }

  private static List<Long> seqs(GoldenFilter filter) {
    return events().stream().filter(filter).map(TraceEvent::seq).toList();
  }

  @Test
  void callsKeepTheEventsNamedAfterTheFunctionsWhateverTheirKind() {
    assertEquals(List.of(2L, 4L, 8L, 9L, 14L), seqs(GoldenFilter.all().calls("recv")));
    assertEquals(List.of(11L, 12L, 13L, 15L, 16L), seqs(GoldenFilter.all().calls("connect", "DefaultBlockingHook")));
    assertEquals(List.of(4L, 9L), seqs(GoldenFilter.all().calls("recv").kinds(TraceKind.CALL)));
    assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 11L, 12L, 13L, 14L, 15L, 17L), seqs(GoldenFilter.all().functions("recv", "socket")),
        "functions narrows the calls only");
  }

  @Test
  void aTaskIsNamedByItsLabelNameOrHandle() {
    assertEquals(List.of(10L, 11L, 12L, 14L, 15L, 16L), seqs(GoldenFilter.all().tasks("0002")));
    assertEquals(seqs(GoldenFilter.all().tasks("peer")), seqs(GoldenFilter.all().tasks("0002:peer")));
    assertEquals(List.of(17L), seqs(GoldenFilter.all().tasks("net")));
    assertEquals(List.of(), seqs(GoldenFilter.all().tasks("0003", "0002:app")));
  }

  @Test
  void commandLineListsNarrowLikeTheMethods() {
    GoldenFilter parsed = GoldenFilter.all().withOptions(List.of("call,block", "UnBlock"), List.of("app,", "0002"), List.of("recv,connect"));
    assertEquals(seqs(GoldenFilter.all().kinds(TraceKind.CALL, TraceKind.BLOCK, TraceKind.UNBLOCK).tasks("app", "0002")
        .calls("recv", "connect")), seqs(parsed));
    assertEquals(List.of(2L, 4L, 8L, 9L, 11L, 15L, 16L), seqs(parsed));
    assertEquals(seqs(GoldenFilter.defaults()), seqs(GoldenFilter.defaults().withOptions(null, List.of(), List.of(" , "))));
    assertEquals(List.of(13L, 14L), seqs(GoldenFilter.all().withOptions(List.of(" switch "), null, null)));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> GoldenFilter.all().withOptions(List.of("CALL,CALLS"), null, null));
    assertEquals("no trace kind CALLS; the kinds: " + String.join(",", Arrays.stream(TraceKind.values()).map(Enum::name).toList()),
        bad.getMessage());
  }
}
