package org.wsemu.samples.demos;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.trace.EventMatcher.call;
import static org.wsemu.trace.EventMatcher.event;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.EventMatcher;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The key fact of each demonstration of tasks, cleanup and closing, asserted on its Win16 trace,
 * so that the intent survives a rewrite of its golden trace.
 */
@Timeout(60)
class TaskDemosTest {

  /** Runs the demonstration in Win16 mode; asserts that it showed its rule; returns its trace. */
  private static TraceAssertions run(String name) throws Exception {
    return TraceAssertions.assertThat(events(name));
  }

  /** Runs the demonstration in Win16 mode; asserts that it showed its rule; returns its events. */
  private static List<TraceEvent> events(String name) throws Exception {
    TraceRecorder recorder = new TraceRecorder();
    StringWriter printed = new StringWriter();
    boolean shown = Demonstrations.run(Demonstrations.find(name).orElseThrow(), SchedulingMode.WIN16, recorder,
        new PrintWriter(printed));
    assertTrue(shown, () -> name + " did not show its rule; it printed:\n" + printed);
    return recorder.events();
  }

  /** A field holding a Winsock error, as a number or by its name (traces may show either). */
  private static EventMatcher withError(EventMatcher matcher, String field, String name, int code) {
    return EventMatcher.of(matcher + " " + field + "=" + name,
        e -> matcher.test(e) && List.of(name, Integer.toString(code)).contains(String.valueOf(e.field(field))));
  }

  @Test
  void theGroupIsInCatalogueOrderBeforeTheMessageLoop() {
    List<String> names = TaskDemos.all().stream().map(Demonstration::name).toList();
    org.junit.jupiter.api.Assertions.assertEquals(List.of("blocked-task-yields", "cleanup-during-block", "version2-no-nesting-limit",
        "close-from-other-task", "lingering-close",
        "yield-in-peekmessage", "message-loop"), names);
  }

  @Test
  void aBlockedTaskLetsTheOtherTaskTickAndSendWhileItsRecvWaits() throws Exception {
    run("blocked-task-yields").containsSubsequence(
        event(TraceKind.BLOCK, "recv").by("reader"),
        event(TraceKind.PROC, "WndProc").by("ticker").with("msg", "WM_TIMER"),
        event(TraceKind.PROC, "WndProc").by("ticker").with("msg", "WM_TIMER"),
        call("send").by("ticker").with("ret", 5),
        event(TraceKind.UNBLOCK, "recv").by("reader").with("ret", 5),
        call("recv").by("reader").with("ret", 5));
  }

  @Test
  void wsaCleanupInsideTheBlockingCallIsRefusedAndTheCancelThenCleanupWorks() throws Exception {
    run("cleanup-during-block").containsSubsequence(
        event(TraceKind.BLOCK, "recv"),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_CLOSE"),
        withError(call("WSACleanup").with("ret", -1), "error", "WSAEINPROGRESS", 10036),
        call("recv").with("ret", 9),
        event(TraceKind.BLOCK, "recv"),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_CLOSE"),
        call("WSACancelBlockingCall").with("ret", 0),
        withError(call("recv").with("ret", -1), "error", "WSAEINTR", 10004),
        call("WSACleanup").with("ret", 0));
  }

  @Test
  void underVersionOneTheNestedSendIsRefusedAndUnderVersionTwoNothingRunsInsideRecv() throws Exception {
    List<TraceEvent> events = events("version2-no-nesting-limit");
    TraceAssertions.assertThat(events).containsSubsequence(
        call("WSAStartup").with("wVersionRequired", "0x0101"),
        event(TraceKind.BLOCK, "recv"),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        withError(call("send").with("ret", -1), "error", "WSAEINPROGRESS", 10036),
        event(TraceKind.UNBLOCK, "recv").with("ret", 7),
        call("WSAStartup").with("wVersionRequired", "0x0202"),
        withError(call("WSASetBlockingHook").with("ret", "NULL"), "error", "WSAEOPNOTSUPP", 10045),
        event(TraceKind.BLOCK, "recv"),
        event(TraceKind.UNBLOCK, "recv").with("ret", 7),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 1),
        call("send").with("ret", 6));
    int block = lastIndex(events, event(TraceKind.BLOCK, "recv"));
    int unblock = lastIndex(events, event(TraceKind.UNBLOCK, "recv"));
    TraceAssertions.assertThat(events.subList(block, unblock))
        .never(EventMatcher.kind(TraceKind.HOOK))
        .never(EventMatcher.kind(TraceKind.PROC));
  }

  @Test
  void anotherWin16TasksCloseIsRefusedAndOnlyTheOwnersCancelEndsTheRecv() throws Exception {
    List<TraceEvent> events = events("close-from-other-task");
    TraceAssertions.assertThat(events).containsSubsequence(
        event(TraceKind.BLOCK, "recv").by("terminal"),
        withError(call("closesocket").by("hangup").with("ret", -1), "error", "WSAENOTSOCK", 10038),
        call("WSACancelBlockingCall").by("terminal").with("ret", 0),
        withError(event(TraceKind.UNBLOCK, "recv").by("terminal").with("ret", -1), "error", "WSAEINTR", 10004),
        call("closesocket").by("terminal").with("ret", 0));
    int refused = lastIndex(events, call("closesocket").by("hangup"));
    int cancel = lastIndex(events, call("WSACancelBlockingCall"));
    TraceAssertions.assertThat(events.subList(refused, cancel)).never(event(TraceKind.UNBLOCK, "recv"));
  }

  @Test
  void aLingeringCloseBlocksUntilTheDataArrivedOrUntilTheLingerTimeRanOutAndReset() throws Exception {
    List<TraceEvent> events = events("lingering-close");
    TraceAssertions.assertThat(events).containsSubsequence(
        event(TraceKind.BLOCK, "closesocket").with("s", 1),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        event(TraceKind.NET, "fin"),
        event(TraceKind.UNBLOCK, "closesocket").with("s", 1).with("ret", 0),
        event(TraceKind.BLOCK, "closesocket").with("s", 2),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        event(TraceKind.NET, "rst"),
        event(TraceKind.UNBLOCK, "closesocket").with("s", 2).with("ret", 0));
    // the first waited for the slow reader (a second), the second for its 2 s linger time (and the hook's quantum)
    org.junit.jupiter.api.Assertions.assertEquals(List.of(1001L, 2001L), List.of(
        blockedFor(events, 1), blockedFor(events, 2)));
  }

  @Test
  void aPmNoYieldLoopFreezesTheOtherTaskAndAYieldingLoopLetsItTick() throws Exception {
    List<TraceEvent> events = events("yield-in-peekmessage");
    EventMatcher firstBusy = call("PostMessage").by("worker").with("Msg", "WM_USER+1").with("wParam", "0x0003");
    EventMatcher secondBusy = call("PostMessage").by("worker").with("Msg", "WM_USER+1").with("wParam", "0x0001");
    TraceAssertions.assertThat(events).containsSubsequence(firstBusy, secondBusy,
        event(TraceKind.PROC, "WndProc").by("clock").with("msg", "WM_USER+1").with("wParam", "0x0003"),
        event(TraceKind.PROC, "WndProc").by("clock").with("msg", "WM_TIMER"),
        event(TraceKind.PROC, "WndProc").by("clock").with("msg", "WM_TIMER"),
        event(TraceKind.PROC, "WndProc").by("clock").with("msg", "WM_TIMER"));
    int frozenFrom = lastIndex(events, firstBusy);
    int frozenTo = lastIndex(events, secondBusy);
    org.junit.jupiter.api.Assertions.assertEquals(List.of(0L, 300L),
        List.of(events.get(frozenFrom).time(), events.get(frozenTo).time()));
    TraceAssertions.assertThat(events.subList(frozenFrom, frozenTo)).never(EventMatcher.of("an event of clock",
        e -> e.task().endsWith(":clock")));
  }

  private static long blockedFor(List<TraceEvent> events, int s) {
    long from = events.get(lastIndex(events, event(TraceKind.BLOCK, "closesocket").with("s", s))).time();
    long to = events.get(lastIndex(events, event(TraceKind.UNBLOCK, "closesocket").with("s", s))).time();
    return to - from;
  }

  private static int lastIndex(List<TraceEvent> events, EventMatcher matcher) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (matcher.test(events.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no event matches " + matcher);
  }
}
