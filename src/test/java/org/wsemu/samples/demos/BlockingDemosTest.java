package org.wsemu.samples.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.trace.EventMatcher.call;
import static org.wsemu.trace.EventMatcher.event;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The key fact of each demonstration of the "blocking calls and the hook" group, asserted on its
 * Win16 trace, so that the intent survives a rewrite of its golden trace.
 */
class BlockingDemosTest {

  /** Runs the demonstration in Win16 mode, asserts that it showed its rule, and returns its trace. */
  private static TraceAssertions run(String name) throws Exception {
    return TraceAssertions.assertThat(recorder(name));
  }

  /** Runs the demonstration in Win16 mode, asserts that it showed its rule, and returns its recorder. */
  private static TraceRecorder recorder(String name) throws Exception {
    return ran(name).recorder();
  }

  /** What one run left: its trace and what it printed, without the time stamps. */
  private record Ran(TraceRecorder recorder, List<String> lines) {}

  private static Ran ran(String name) throws Exception {
    TraceRecorder recorder = new TraceRecorder();
    StringWriter printed = new StringWriter();
    boolean shown = Demonstrations.run(Demonstrations.find(name).orElseThrow(), SchedulingMode.WIN16, recorder,
        new PrintWriter(printed));
    assertTrue(shown, () -> name + " did not show its rule; it printed:\n" + printed);
    return new Ran(recorder, printed.toString().lines().map(l -> l.substring(l.indexOf(']') + 2)).toList());
  }

  @Test
  void theGroupListsItsDemonstrationsInOrder() {
    assertEquals(List.of("nested-blocking-call", "cancel-from-hook", "timer-timeout", "quit-in-hook",
        "select-zero-timeout", "blocking-lookup-hook", "send-from-hook", "library-call-cancelled"),
        BlockingDemos.all().stream().map(Demonstration::name).toList());
  }

  @Test
  @Timeout(60)
  void nestedBlockingCallSendFailsWithWsaeinprogressInsideRecvThenTheDeferredSendGoesOut() throws Exception {
    TraceAssertions trace = run("nested-blocking-call");
    trace.call("send").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").with("len", 6).times(1);
    trace.call("WSAIsBlocking").whileBlockedIn("recv").returned(true).times(1);
    trace.containsSubsequence(call("send").with("len", 6).with("error", "WSAEINPROGRESS"),
        call("WSAIsBlocking").with("ret", true),
        event(TraceKind.UNBLOCK, "recv"),
        call("send").with("len", 6).with("ret", 6));
  }

  @Test
  @Timeout(60)
  void cancelFromHookEndsRecvWithWsaeintrAndASecondCancelIsWsaeinval() throws Exception {
    TraceAssertions trace = run("cancel-from-hook");
    trace.call("WSACancelBlockingCall").whileBlockedIn("recv").returned(0).times(1);
    trace.containsSubsequence(event(TraceKind.BLOCK, "recv"),
        event(TraceKind.HOOK, "BlockingHook").with("ret", false),
        call("WSACancelBlockingCall").with("ret", 0),
        event(TraceKind.HOOK, "BlockingHook").with("ret", false),
        event(TraceKind.UNBLOCK, "recv").with("error", "WSAEINTR").with("cancelled", true),
        call("recv").with("ret", -1).with("error", "WSAEINTR"),
        call("WSACancelBlockingCall").with("ret", -1).with("error", "WSAEINVAL"),
        call("closesocket").with("ret", 0));
    assertEquals(List.of(0L, 250L, 500L, 750L, 1000L), recorder("cancel-from-hook").events().stream()
        .filter(event(TraceKind.HOOK, "BlockingHook")).map(TraceEvent::time).toList(),
        "the hook runs four times a second");
  }

  @Test
  @Timeout(60)
  void timerTimeoutCancelsRecvFromTheWindowProcedureAtTwoSeconds() throws Exception {
    TraceAssertions trace = run("timer-timeout");
    trace.call("WSACancelBlockingCall").whileBlockedIn("recv").returned(0).times(1);
    trace.containsSubsequence(event(TraceKind.BLOCK, "recv"),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        call("WSAIsBlocking").with("ret", true),
        call("WSACancelBlockingCall").with("ret", 0),
        event(TraceKind.UNBLOCK, "recv").with("error", "WSAEINTR").with("cancelled", true));
    List<TraceEvent> failed = trace.call("recv").failedWith("WSAEINTR").times(1).events();
    assertEquals(2001, failed.get(0).time());
  }

  @Test
  @Timeout(60)
  void quitInHookTheDefaultHookDispatchesWmQuitToNoWindowTheFixedHookCancelsAndRepostsIt() throws Exception {
    TraceAssertions trace = run("quit-in-hook");
    trace.call("DispatchMessage").whileBlockedIn("recv").with("msg", "WM_QUIT").with("hwnd", "0x0000").times(1);
    trace.call("recv").with("ret", 11).times(1);
    trace.call("recv").failedWith("WSAEINTR").times(1);
    trace.containsSubsequence(call("DispatchMessage").with("msg", "WM_QUIT"),
        event(TraceKind.UNBLOCK, "recv").with("ret", 11),
        call("GetMessage").with("ret", 1).with("msg", "WM_TIMER"),
        call("WSACancelBlockingCall").with("ret", 0),
        call("PostQuitMessage"),
        event(TraceKind.UNBLOCK, "recv").with("error", "WSAEINTR").with("cancelled", true),
        call("GetMessage").with("ret", 0).with("msg", "WM_QUIT"));
  }

  @Test
  @Timeout(60)
  void quitInHookWithTheTwinSockOptionTheDefaultHookCancelsToo() throws Exception {
    Demonstration demo = Demonstrations.find("quit-in-hook").orElseThrow();
    Demonstration withOption = new Demonstration(demo.name(), demo.rule(), demo.source(), demo.explanation(),
        builder -> demo.setup().apply(builder).repostQuitFromDefaultHook(true), demo.program());
    TraceRecorder recorder = new TraceRecorder();
    StringWriter printed = new StringWriter();

    boolean shown = Demonstrations.run(withOption, SchedulingMode.WIN16, recorder, new PrintWriter(printed));

    assertFalse(shown, "with the option there is no bug to show");
    List<String> lines = printed.toString().lines().map(l -> l.substring(l.indexOf(']') + 2)).toList();
    assertEquals(List.of(
        "mail: bug: the default blocking hook runs while recv waits for the greeting",
        "mail: the user closes the window while recv blocks",
        "mail: WM_DESTROY: PostQuitMessage(0), for the application's message loop",
        "mail: recv returned -1, WSAGetLastError() = WSAEINTR",
        "mail: GetMessage returned 0 (WM_QUIT, exit code 0): the application ends"), lines.subList(0, 5));
    TraceAssertions.assertThat(recorder).never(call("DispatchMessage").with("msg", "WM_QUIT"));
  }

  @Test
  @Timeout(60)
  void selectZeroTimeoutPollsThreeTimesWithoutASwitchAndCounterRunsOnlyInTheSelectThatWaits() throws Exception {
    List<TraceEvent> events = recorder("select-zero-timeout").events();
    List<TraceEvent> polls = events.stream().filter(call("select").with("timeout", "0s0us").with("ret", 0)).toList();
    assertEquals(3, polls.size(), "three polls");
    List<TraceEvent> betweenPolls = events.stream()
        .filter(e -> e.seq() > polls.get(0).seq() && e.seq() < polls.get(2).seq()).toList();
    assertEquals(List.of(), betweenPolls.stream()
        .filter(e -> e.kind() == TraceKind.SWITCH || e.kind() == TraceKind.HOOK || e.kind() == TraceKind.BLOCK
            || !e.task().endsWith(":poller")).toList(), "nothing but POLLER's own calls between the polls");
    TraceEvent block = events.stream().filter(event(TraceKind.BLOCK, "select")).findFirst().orElseThrow();
    TraceEvent unblock = events.stream().filter(event(TraceKind.UNBLOCK, "select")).findFirst().orElseThrow();
    assertTrue(block.seq() > polls.get(2).seq());
    assertEquals(3, events.stream().filter(e -> e.seq() > block.seq() && e.seq() < unblock.seq())
        .filter(event(TraceKind.PROC, "WndProc").by("counter").with("via", "DispatchMessage")).count(),
        "COUNTER handles its three messages inside the select that may wait");
    assertEquals(0, events.stream().filter(e -> e.seq() < block.seq())
        .filter(event(TraceKind.PROC, "WndProc").by("counter").with("via", "DispatchMessage")).count());
  }

  @Test
  @Timeout(60)
  void blockingLookupHookDispatchesThreeTimerMessagesInsideGethostbyname() throws Exception {
    TraceAssertions trace = run("blocking-lookup-hook");
    trace.call("WSAIsBlocking").whileBlockedIn("gethostbyname").returned(true).times(3);
    trace.containsSubsequence(event(TraceKind.BLOCK, "gethostbyname"),
        event(TraceKind.HOOK, "DefaultBlockingHook"),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_TIMER").with("depth", 2),
        event(TraceKind.UNBLOCK, "gethostbyname").with("error", 0),
        call("gethostbyname").with("name", "news.example").with("ret", "hostent(news.example)"));
    assertEquals(351, trace.call("gethostbyname").times(1).events().get(0).time(), "the lookup took its 350 ms");
  }

  @Test
  @Timeout(60)
  void sendFromHookLosesTheThreeKeysThenSendsThemQueuedAfterRecv() throws Exception {
    Ran ran = ran("send-from-hook");
    TraceAssertions trace = TraceAssertions.assertThat(ran.recorder());
    trace.call("send").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").with("len", 1).times(3);
    trace.call("WSAIsBlocking").whileBlockedIn("recv").returned(true).times(3);
    trace.call("send").returned(3).times(1);
    trace.containsSubsequence(call("send").with("error", "WSAEINPROGRESS"),
        event(TraceKind.UNBLOCK, "recv").with("ret", 2),
        call("WSAIsBlocking").with("ret", true),
        event(TraceKind.UNBLOCK, "recv").with("ret", 2),
        call("send").with("len", 3).with("ret", 3),
        event(TraceKind.UNBLOCK, "recv").with("ret", 3));
    assertTrue(ran.lines().contains("telnet: the screen shows \"$ \"; the server received \"\" (3 keys lost)"),
        ran.lines()::toString);
    assertTrue(ran.lines().contains("telnet: the screen shows \"$ ls\\r\"; the server received \"ls\\r\""),
        ran.lines()::toString);
  }

  @Test
  @Timeout(60)
  void libraryCallCancelledTheApplicationsHookCancelsTheLibrarysRecvOnEsc() throws Exception {
    TraceAssertions trace = run("library-call-cancelled");
    trace.call("WSACancelBlockingCall").whileBlockedIn("recv").by("whois").returned(0).times(1);
    trace.containsSubsequence(call("WSASetBlockingHook").with("lpBlockFunc", "BlockingHook"),
        call("PostMessage").by("user").with("Msg", "WM_KEYDOWN").with("wParam", "0x001B"),
        call("WSACancelBlockingCall").by("whois").with("ret", 0),
        event(TraceKind.UNBLOCK, "recv").with("error", "WSAEINTR").with("cancelled", true),
        call("recv").with("ret", -1).with("error", "WSAEINTR"),
        call("closesocket").with("ret", 0));
    trace.never(event(TraceKind.PROC, "WndProc").with("msg", "WM_KEYDOWN"));
    assertEquals(500, trace.call("recv").failedWith("WSAEINTR").times(1).events().get(0).time());
  }

  @Test
  void errorNamesAreWinsockHsNames() {
    assertEquals("WSAEINPROGRESS", BlockingDemos.errorName(10036));
    assertEquals("WSAEINTR", BlockingDemos.errorName(10004));
    assertEquals("WSAHOST_NOT_FOUND", BlockingDemos.errorName(11001));
    assertEquals("0", BlockingDemos.errorName(0));
    assertEquals("12345", BlockingDemos.errorName(12345));
  }
}
