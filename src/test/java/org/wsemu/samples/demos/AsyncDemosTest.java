package org.wsemu.samples.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The key fact of each demonstration of asynchronous calls, asserted on its Win16 trace, so that
 * what each one shows survives a rewrite of its golden trace.
 */
class AsyncDemosTest {

  /** One Win16 run of a demonstration: its trace and what it printed. */
  record Run(TraceRecorder trace, String printed) {
    TraceAssertions assertTrace() {
      return TraceAssertions.assertThat(trace);
    }
  }

  static Run run(String name) throws Exception {
    TraceRecorder recorder = new TraceRecorder();
    StringWriter printed = new StringWriter();
    boolean shown = Demonstrations.run(Demonstrations.find(name).orElseThrow(), SchedulingMode.WIN16, recorder,
        new PrintWriter(printed));
    assertTrue(shown, () -> name + " did not show its rule; it printed:\n" + printed);
    return new Run(recorder, printed.toString());
  }

  @Test
  void theGroupListsItsDemonstrationsInOrder() {
    assertEquals(List.of("async-select-no-inprogress", "fd-read-reenable", "connect-then-write",
        "cancel-async-already", "cancelled-lookup-silent",
        "overlapped-out-of-order", "endpoint-cancel-order"),
        AsyncDemos.all().stream().map(Demonstration::name).toList());
  }

  @Test
  @Timeout(30)
  void asyncSelectNoInProgress_onlyTheSendInsideTheBlockingRecvIsRefused() throws Exception {
    Run run = run("async-select-no-inprogress");

    run.assertTrace().call("send").whileBlockedIn("recv").failedWith("WSAEINPROGRESS").times(1);
    run.assertTrace().call("send").failedWith("WSAEINPROGRESS").times(1);
    run.assertTrace().call("send").returned(6).with("s", 2).times(3);
    run.assertTrace().containsSubsequence(
        call("WSAAsyncSelect").with("s", 2),
        call("connect").with("s", 2).with("error", "WSAEWOULDBLOCK"),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_USER+3").with("depth", 2),
        call("send").with("s", 2).with("ret", 6));
  }

  @Test
  @Timeout(30)
  void fdReadReenable_eachRecvThatLeavesDataPostsTheNextFdReadAndNoRecvMeansNoFdRead() throws Exception {
    Run run = run("fd-read-reenable");

    List<String> sequence = run.trace().events().stream()
        .filter(e -> e.kind() == TraceKind.ASYNC && e.name().equals("select")
            || e.kind() == TraceKind.CALL && e.name().equals("recv"))
        .map(e -> e.kind() == TraceKind.ASYNC ? e.time() + " " + e.fields().get("event") : e.time() + " recv=" + e.fields().get("ret"))
        .toList();
    // Inside the first two recvs the next FD_READ is posted (its ASYNC event comes before the CALL):
    // data was left. The third empties the socket; the fourth FD_READ gets no recv, so the record
    // at 200 ms posts nothing; the recv at 300 ms takes both records and leaves nothing.
    assertEquals(List.of("0 FD_READ", "0 FD_READ", "0 recv=10", "0 FD_READ", "0 recv=10", "0 recv=10",
        "100 FD_READ", "300 recv=20"), sequence);
  }

  @Test
  @Timeout(30)
  void connectThenWrite_fdConnectThenFdWriteThenTheFirstSend() throws Exception {
    Run run = run("connect-then-write");

    run.assertTrace().containsSubsequence(
        call("connect").with("error", "WSAEWOULDBLOCK"),
        event(TraceKind.ASYNC, "select").with("event", "FD_CONNECT").with("error", "0"),
        event(TraceKind.ASYNC, "select").with("event", "FD_WRITE"),
        call("send").with("ret", 7),
        event(TraceKind.ASYNC, "select").with("event", "FD_READ"));
    run.assertTrace().call("send").times(1);
    assertEquals(List.of("FD_CONNECT", "FD_WRITE", "FD_READ", "FD_CLOSE"), run.trace().events().stream()
        .filter(e -> e.kind() == TraceKind.ASYNC).map(e -> String.valueOf(e.fields().get("event"))).toList());
  }

  @Test
  @Timeout(30)
  void cancelAsyncAlready_theCancelAfterTheReplyWasQueuedFailsAndTheReplyIsDelivered() throws Exception {
    Run run = run("cancel-async-already");

    run.assertTrace().call("WSACancelAsyncRequest").with("hAsyncTaskHandle", 1).failedWith("WSAEALREADY").times(1);
    run.assertTrace().containsSubsequence(
        event(TraceKind.ASYNC, "reply").with("handle", 1).with("error", "0"),
        call("WSACancelAsyncRequest").with("ret", -1),
        event(TraceKind.PROC, "WndProc").with("msg", "WM_USER+1").with("wParam", "0x0001"));
    TraceEvent reply = run.trace().events().stream().filter(e -> e.kind() == TraceKind.ASYNC && e.name().equals("reply"))
        .findFirst().orElseThrow();
    assertEquals(100, reply.time(), "the reply is posted after the lookup latency");
  }

  @Test
  @Timeout(30)
  void cancelledLookupSilent_noReplyIsPostedAfterTheCancelNorPastTheLatency() throws Exception {
    Run run = run("cancelled-lookup-silent");

    run.assertTrace().call("WSACancelAsyncRequest").with("hAsyncTaskHandle", 1).returned(0).times(1);
    run.assertTrace().containsSubsequence(
        event(TraceKind.ASYNC, "queued").with("handle", 1),
        event(TraceKind.ASYNC, "cancel").with("handle", 1),
        call("GetMessage").with("msg", "WM_TIMER").with("wParam", "0x0002"));
    run.assertTrace().never(event(TraceKind.ASYNC, "reply"));
    run.assertTrace().never(call("PostMessage"));
    run.assertTrace().never(event(TraceKind.PROC, "WndProc").with("msg", "WM_USER+1"));
    assertEquals(300, run.trace().events().stream().filter(e -> e.name().equals("PostQuitMessage")).findFirst()
        .orElseThrow().time(), "the program waited three times the lookup's latency");
  }

  @Test
  @Timeout(30)
  void overlappedOutOfOrder_theFourReceivesAreIndicatedInTheDrawnOrderNotThePostedOne() throws Exception {
    Run run = run("overlapped-out-of-order");

    // Posted with 4, 5, 6 and 7 bytes of room, filled in that order: the byte counts name them.
    run.assertTrace().call("WSARecv").with("s", 1).failedWith("WSA_IO_PENDING").times(4);
    List<Object> indicated = run.trace().events().stream()
        .filter(e -> e.kind() == TraceKind.COMPLETION).map(e -> e.fields().get("bytes")).toList();
    assertEquals(List.of(5, 4, 6, 7), indicated);
    assertTrue(run.printed().contains("the buffers, in posted order, hold AAAA BBBBB CCCCCC DDDDDDD"), run.printed());
    run.assertTrace().containsSubsequence(
        event(TraceKind.ROUTINE, "CompletionRoutine").with("n", 4),
        call("SleepEx").with("bAlertable", true));
  }

  @Test
  @Timeout(30)
  void endpointCancelOrder_pendingOutputsInTheOrderMadeThenTheRequestThatTimedOut() throws Exception {
    Run run = run("endpoint-cancel-order");

    run.assertTrace().containsSubsequence(
        event(TraceKind.NOTE, "EndpointComplete").with("request", "Output#3").with("result", 0),
        event(TraceKind.NOTE, "EndpointCancel").with("by", "Input#6").with("why", "timeout").with("style", "async"),
        event(TraceKind.NOTE, "EndpointComplete").with("request", "Output#4").with("result", -16005),
        event(TraceKind.NOTE, "EndpointComplete").with("request", "Output#5").with("result", -16005),
        event(TraceKind.NOTE, "EndpointComplete").with("request", "Input#6").with("result", -16005)
            .with("endsCancel", true));
    List<String> completed = run.trace().events().stream()
        .filter(e -> e.kind() == TraceKind.NOTE && e.name().equals("EndpointComplete"))
        .map(e -> e.time() + " " + e.fields().get("request")).toList();
    assertEquals(List.of("0 Connect#2", "0 Output#3", "1000 Output#4", "1000 Output#5", "1000 Input#6"), completed);
  }
}
