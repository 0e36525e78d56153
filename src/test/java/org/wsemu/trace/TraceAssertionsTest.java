package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.trace.EventMatcher.call;
import static org.wsemu.trace.EventMatcher.event;
import static org.wsemu.trace.EventMatcher.kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assertions on a hand-made trace: what passes, and the exact message of what fails. */
class TraceAssertionsTest {

  /** A task blocked in recv whose window procedure calls recv and send, then cancels. */
  static List<TraceEvent> nestedRecv() {
    List<TraceEvent> events = new ArrayList<>();
    add(events, 0, "0001:app", TraceKind.CALL, "socket", "af", 2, "ret", 1);
    add(events, 0, "0001:app", TraceKind.BLOCK, "recv", "s", 1, "level", 1);
    add(events, 5, "0001:app", TraceKind.PROC, "WndProc", "hwnd", "0x0100", "msg", "WM_USER", "depth", 1);
    add(events, 5, "0001:app", TraceKind.CALL, "recv", "s", 1, "ret", -1, "error", "WSAEINPROGRESS");
    add(events, 5, "0001:app", TraceKind.CALL, "WSACancelBlockingCall", "ret", 0);
    add(events, 5, "0001:app", TraceKind.PROC_END, "WndProc", "hwnd", "0x0100", "msg", "WM_USER", "ret", 0, "depth", 1);
    add(events, 9, "0001:app", TraceKind.PROC, "TimerProc", "hwnd", "0x0000", "id", "0x0001", "depth", 1);
    add(events, 9, "0001:app", TraceKind.UNBLOCK, "recv", "s", 1, "ret", -1, "error", "WSAEINTR", "cancelled", true);
    add(events, 9, "0001:app", TraceKind.CALL, "recv", "s", 1, "ret", -1, "error", "WSAEINTR");
    add(events, 9, "0002:peer", TraceKind.CALL, "send", "s", 2, "ret", 4);
    return events;
  }

  private static void add(List<TraceEvent> events, long time, String task, TraceKind kind, String name, Object... fields) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      map.put((String) fields[i], fields[i + 1]);
    }
    events.add(new TraceEvent(events.size() + 1, time, task, kind, name, map));
  }

  private static String failure(Runnable assertion) {
    return assertThrows(AssertionError.class, assertion::run).getMessage();
  }

  private final TraceAssertions trace = TraceAssertions.assertThat(nestedRecv());

  @Test
  void aCallNarrowedToItsErrorAndItsBlockingCallPasses() {
    List<TraceEvent> found = trace.call("recv").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").times(1).events();
    assertEquals(4, found.get(0).seq());
    assertEquals(9, trace.call("recv").failedWith("WSAEINTR").by("app").returned(-1).times(1).events().get(0).seq());
    assertEquals(10, trace.call("send").by("0002:peer").with("ret", 4).times(1).events().get(0).seq());
  }

  @Test
  void aCallThatFailedOtherwiseShowsTheCallsOfThatFunction() {
    assertEquals("""
        expected a CALL recv error=WSAEWOULDBLOCK
        but the CALL recv events were:
          000004 t=000005 0001:app CALL recv s=1 ret=-1 error=WSAEINPROGRESS
          000009 t=000009 0001:app CALL recv s=1 ret=-1 error=WSAEINTR""",
        failure(() -> trace.call("recv").failedWith("WSAEWOULDBLOCK")));
  }

  @Test
  void aFunctionNeverCalledSaysSo() {
    assertEquals("expected a CALL connect ret=0\nbut there was no CALL connect",
        failure(() -> trace.call("connect").returned(0)));
  }

  @Test
  void aCallNotMadeWhileBlockedShowsTheCallsAndTheBlocks() {
    assertEquals("""
        expected a CALL recv error=WSAEINTR while blocked in recv
        but the CALL recv error=WSAEINTR event was:
          000009 t=000009 0001:app CALL recv s=1 ret=-1 error=WSAEINTR
        and the blocks in recv were:
          000002 t=000000 0001:app BLOCK recv s=1 level=1
          000008 t=000009 0001:app UNBLOCK recv s=1 ret=-1 error=WSAEINTR cancelled=true""",
        failure(() -> trace.call("recv").failedWith("WSAEINTR").whileBlockedIn("recv")));
    assertEquals("""
        expected a CALL send while blocked in recv
        but the CALL send event was:
          000010 t=000009 0002:peer CALL send s=2 ret=4
        and the blocks in recv were:
          000002 t=000000 0001:app BLOCK recv s=1 level=1
          000008 t=000009 0001:app UNBLOCK recv s=1 ret=-1 error=WSAEINTR cancelled=true""",
        failure(() -> trace.call("send").whileBlockedIn("recv")));
  }

  @Test
  void timesCountsTheCallsLeft() {
    assertEquals("""
        expected 1 x CALL recv
        but found 2:
          000004 t=000005 0001:app CALL recv s=1 ret=-1 error=WSAEINPROGRESS
          000009 t=000009 0001:app CALL recv s=1 ret=-1 error=WSAEINTR""",
        failure(() -> trace.call("recv").times(1)));
  }

  @Test
  void anOrderedSubsequencePassesWithEventsBetween() {
    trace.containsSubsequence(event(TraceKind.BLOCK, "recv"), call("recv").with("error", "WSAEINPROGRESS"),
        call("WSACancelBlockingCall"), event(TraceKind.UNBLOCK, "recv").with("cancelled", true), call("recv").by("app"));
    trace.containsSubsequence();
  }

  @Test
  void aSubsequenceOutOfOrderShowsWhatMatchedAndWhereTheMissingEventIs() {
    assertEquals("""
        expected the trace to contain, in this order:
          [1] CALL WSACancelBlockingCall
          [2] CALL recv error=WSAEINPROGRESS
        matched:
          [1] 000005 t=000005 0001:app CALL WSACancelBlockingCall ret=0
        missing [2] CALL recv error=WSAEINPROGRESS after seq 5; events matching it elsewhere:
          000004 t=000005 0001:app CALL recv s=1 ret=-1 error=WSAEINPROGRESS""",
        failure(() -> trace.containsSubsequence(call("WSACancelBlockingCall"), call("recv").with("error", "WSAEINPROGRESS"))));
    assertEquals("""
        expected the trace to contain, in this order:
          [1] CALL closesocket
        matched:
          nothing
        missing [1] CALL closesocket; events matching it elsewhere: none""",
        failure(() -> trace.containsSubsequence(call("closesocket"))));
  }

  @Test
  void neverShowsTheEventsThatMatch() {
    trace.never(kind(TraceKind.EXCEPTION)).never(call("send").by("app"));
    assertEquals("""
        expected no event matching: CALL recv by 0001:app
        but found 2:
          000004 t=000005 0001:app CALL recv s=1 ret=-1 error=WSAEINPROGRESS
          000009 t=000009 0001:app CALL recv s=1 ret=-1 error=WSAEINTR""",
        failure(() -> trace.never(call("recv").by("0001:app"))));
  }

  @Test
  void messagesDispatchedCountsWindowAndTimerProcedures() {
    trace.messagesDispatched("WM_USER", "WM_TIMER").messagesDispatched("WM_TIMER").messagesDispatched();
    assertEquals("""
        expected messages dispatched in this order: [WM_TIMER, WM_USER]
        but WM_USER was not dispatched after WM_TIMER (seq 7); messages dispatched:
          000003 t=000005 0001:app PROC WndProc hwnd=0x0100 msg=WM_USER depth=1
          000007 t=000009 0001:app PROC TimerProc hwnd=0x0000 id=0x0001 depth=1""",
        failure(() -> trace.messagesDispatched("WM_TIMER", "WM_USER")));
    assertEquals("expected messages dispatched in this order: [WM_PAINT]\nbut WM_PAINT was not dispatched; messages dispatched: none",
        failure(() -> TraceAssertions.assertThat(List.of()).messagesDispatched("WM_PAINT")));
  }

  @Test
  void aLongListOfEventsIsCut() {
    List<TraceEvent> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      add(many, i, "0001:app", TraceKind.CALL, "Yield");
    }
    String message = failure(() -> TraceAssertions.assertThat(many).never(call("Yield")));
    assertEquals("  ... and 2 more", message.lines().reduce((a, b) -> b).orElseThrow());
    assertEquals(13, message.lines().count());
  }

  @Test
  void theRecorderIsReadWhenTheAssertionsAreMade() {
    TraceRecorder recorder = new TraceRecorder();
    nestedRecv().forEach(recorder::accept);
    TraceAssertions fromRecorder = TraceAssertions.assertThat(recorder);
    recorder.clear();
    fromRecorder.call("socket").returned(1).times(1);
  }
}
