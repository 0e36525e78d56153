package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.samples.QuoteClient;

class ClientCommandTest {

  @Test
  @Timeout(30)
  void clientRunsTheQuoteClientTwiceAgainstItsOwnServer() {
    String text = run(0, "client", "--timeout", "400");
    assertTrue(text.contains("-- first run"), text);
    assertTrue(text.contains("no answer within 400 ms; the call was cancelled (WSAEINTR)"), text);
    assertTrue(text.endsWith("outcomes: QUOTE, TIMED_OUT\n"), text);
  }

  @Test
  @Timeout(30)
  void onTheSimulatedNetworkTheClientRunsInVirtualTimeWithTheSameOutputEveryTime() {
    String text = runSimulated();
    assertEquals(text, runSimulated());
    assertTrue(text.contains("simulated quote server on port 17 answers in 100 ms, then in 1200 ms"), text);
    assertTrue(text.contains("] quote: The network is reliable. (Fallacy no. 1)"), text);
    // the WM_TIMER at 400 ms, plus the 1 ms quantum the default hook's yield lets pass
    assertTrue(text.contains("[t=  401 ms] quote: no answer within 400 ms; the call was cancelled (WSAEINTR)"), text);
    assertTrue(text.endsWith("outcomes: QUOTE, TIMED_OUT\n"), text);
  }

  @Test
  @Timeout(30)
  void theAsynchronousClientClosesItsSocketWhenTheAnswerIsTooSlow() {
    String text = run(0, "client", "--async", "--timeout", "400");
    assertTrue(text.contains("client timeout 400 ms (WIN16, async)"), text);
    assertTrue(text.contains("] quote: The network is reliable. (Fallacy no. 1)"), text);
    assertTrue(text.contains("] quote: no answer within 400 ms; the socket was closed (closesocket)"), text);
    assertTrue(text.endsWith("outcomes: QUOTE, TIMED_OUT\n"), text);
  }

  @Test
  @Timeout(30)
  void onTheSimulatedNetworkTheAsynchronousClientPrintsExactlyTheSameEveryTime() {
    String text = runSimulated("--async");
    assertEquals(text, runSimulated("--async"));
    assertEquals(String.join("\n",
        "wsemu client: simulated quote server on port 17 answers in 100 ms, then in 1200 ms; client timeout 400 ms (WIN16, async)",
        "-- first run",
        "[t=  100 ms] quote: The network is reliable. (Fallacy no. 1)",
        "-- second run",
        // the WM_TIMER at exactly 400 ms: no blocking hook, so no quantum
        "[t=  400 ms] quote: no answer within 400 ms; the socket was closed (closesocket)",
        "outcomes: QUOTE, TIMED_OUT",
        ""), text);
  }

  @Test
  @Timeout(30)
  void theOverlappedClientAbortsItsPendingReceiveWhenTheAnswerIsTooSlow() {
    String routine = run(0, "client", "--overlapped", "--timeout", "400");
    assertTrue(routine.contains("client timeout 400 ms (WIN16, overlapped, ROUTINE)"), routine);
    assertTrue(routine.contains("] quote: The network is reliable. (Fallacy no. 1)"), routine);
    assertTrue(routine.contains("] quote: no answer within 400 ms; the receive was aborted (WSA_OPERATION_ABORTED)"),
        routine);
    assertTrue(routine.endsWith("outcomes: QUOTE, TIMED_OUT\n"), routine);
    String event = run(0, "client", "--mode", "WIN32", "--overlapped=EVENT", "--timeout", "400");
    assertTrue(event.contains("client timeout 400 ms (WIN32, overlapped, EVENT)"), event);
    assertTrue(event.contains("] quote: no answer within 400 ms; the receive was cancelled (WSA_OPERATION_ABORTED)"),
        event);
    assertTrue(event.endsWith("outcomes: QUOTE, TIMED_OUT\n"), event);
  }

  @Test
  @Timeout(30)
  void onTheSimulatedNetworkTheOverlappedClientsPrintExactlyTheSameEveryTime() {
    for (String how : List.of("ROUTINE", "EVENT")) {
      String text = runSimulated("--overlapped=" + how);
      assertEquals(text, runSimulated("--overlapped=" + how));
      String cancel = how.equals("ROUTINE") ? "aborted" : "cancelled";
      assertEquals(String.join("\n",
          "wsemu client: simulated quote server on port 17 answers in 100 ms, then in 1200 ms; client timeout 400 ms"
              + " (WIN16, overlapped, " + how + ")",
          "-- first run",
          "[t=  100 ms] quote: The network is reliable. (Fallacy no. 1)",
          "-- second run",
          // the wait's timeout at exactly 400 ms: no hook, no quantum
          "[t=  400 ms] quote: no answer within 400 ms; the receive was " + cancel + " (WSA_OPERATION_ABORTED)",
          "outcomes: QUOTE, TIMED_OUT",
          ""), text);
    }
  }

  @Test
  void asyncAndOverlappedAreTwoClients() {
    CommandLines.Result result = CommandLines.run("client", "--async", "--overlapped");
    assertEquals(2, result.exit(), result.toString());
    assertTrue(result.err().startsWith("wsemu client: --async and --overlapped are two different clients: choose one\n"),
        result.err());
  }

  @Test
  void anExitCodeOfOneComesWithTheReason() {
    assertEquals("expected QUOTE, TIMED_OUT (exit code 1): the first answer, sent after 2 ms, came after the 10 ms"
        + " timeout; a longer --timeout leaves the machine more time",
        ClientCommand.why(QuoteClient.Outcome.TIMED_OUT, QuoteClient.Outcome.TIMED_OUT, 2, 10));
    assertEquals("expected QUOTE, TIMED_OUT (exit code 1): a call failed, as printed above",
        ClientCommand.why(QuoteClient.Outcome.QUOTE, QuoteClient.Outcome.FAILED, 250, 1000));
  }

  private static String runSimulated(String... extra) {
    List<String> args = new ArrayList<>(List.of("client", "--network", "SIMULATED", "--timeout", "400"));
    args.addAll(List.of(extra));
    return run(0, args.toArray(String[]::new));
  }
}
