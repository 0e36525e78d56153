package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.samples.EndpointSession;
import org.wsemu.samples.EndpointSessionTranscript;
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
  @Timeout(60)
  void onTheSimulatedNetworkTheEndpointSessionPrintsExactlyTheSameEveryTime() {
    String text = runSimulated("--endpoint");
    assertEquals(text, runSimulated("--endpoint"));
    assertEquals(String.join("\n",
        "wsemu client: simulated line server on port 5000 sends a line every 100 ms, hangs on the first connection;"
            + " input time-out 400 ms (WIN16, endpoint)",
        String.join("\n", EndpointSessionTranscript.SIMULATED_400_MS),
        "outcomes: TIMED_OUT, BYE",
        ""), text);
  }

  @Test
  @Timeout(60)
  void onTheRealNetworkTheEndpointSessionCancelsInTheSameOrderAndReconnects() {
    for (String mode : List.of("WIN16", "WIN32")) {
      String text = run(0, "client", "--endpoint", "--mode", mode, "--timeout", "1000"); // room for a loaded machine
      String t = "\\[t=\\s*\\d+ ms\\] ";
      assertLinesMatch(List.of(
          "wsemu client: line server on 127\\.0\\.0\\.1:\\d+ sends a line every 250 ms, hangs on the first connection;"
              + " input time-out 1000 ms \\(" + mode + ", endpoint\\)",
          t + "connection 1: connected to 127\\.0\\.0\\.1:\\d+",
          ">> the list >>",
          t + "> PUT 16777216, the file, QUIT \\(three asynchronous Outputs\\)",
          // how much the operating system's buffers took varies; the order does not
          t + "Output of 16777216 bytes: -16005 \\(kCommErrRequestCanceled\\), \\d+ of 16777216 bytes sent",
          t + "Output \"QUIT\": -16005 \\(kCommErrRequestCanceled\\), 0 of 6 bytes sent",
          t + "input spec: no line within 1000 ms; the cancel completes: -16005 \\(kCommErrRequestCanceled\\)",
          t + "connection 1: disconnected",
          t + "connection 2: connected to 127\\.0\\.0\\.1:\\d+",
          ">> the list >>",
          t + "> PUT 16777216, the file, QUIT \\(three asynchronous Outputs\\)",
          t + "< OK 16777216 bytes received",
          t + "< BYE",
          t + "input spec: the server closed the connection: -16013 \\(kCommErrConnectionAborted\\)",
          t + "connection 2: the server has disconnected",
          "outcomes: TIMED_OUT, BYE"), text.lines().toList());
    }
  }

  @Test
  @Timeout(60)
  void theWorkedExampleOfTheEndpointGuideIsWhatTheSessionPrintsAndTraces() throws IOException {
    List<String> output = run(0, "client", "--endpoint", "--network", "SIMULATED", "--trace").lines().toList();
    List<List<String>> blocks = textBlocksAfter(Path.of("docs/endpoints.md"), "### A worked example");
    assertEquals(2, blocks.size(), blocks.toString());
    for (List<String> block : blocks) {
      int at = 0;
      for (String line : block) {                           // each line, in order, among the output's
        while (at < output.size() && !output.get(at).equals(line)) {
          at++;
        }
        assertTrue(at < output.size(), "docs/endpoints.md shows a line the session did not print (in this order): " + line);
      }
    }
  }

  /** The {@code ```text} blocks of a Markdown file's section that starts with {@code heading}. */
  private static List<List<String>> textBlocksAfter(Path file, String heading) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<List<String>> blocks = new ArrayList<>();
    int i = lines.indexOf(heading) + 1;
    assertTrue(i > 0, "no heading " + heading + " in " + file);
    for (; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      if (lines.get(i).equals("```text")) {
        int end = lines.subList(i, lines.size()).indexOf("```") + i;
        blocks.add(lines.subList(i + 1, end));
        i = end;
      }
    }
    return blocks;
  }

  @Test
  void asyncOverlappedAndEndpointAreDifferentClients() {
    for (List<String> options : List.of(List.of("--async", "--endpoint"), List.of("--overlapped", "--endpoint"))) {
      List<String> args = new ArrayList<>(List.of("client"));
      args.addAll(options);
      CommandLines.Result result = CommandLines.run(args.toArray(String[]::new));
      assertEquals(2, result.exit(), result.toString());
      assertTrue(result.err().startsWith("wsemu client: " + options.get(0) + " and --endpoint are two different clients:"
          + " choose one\n"), result.err());
    }
    CommandLines.Result all = CommandLines.run("client", "--endpoint", "--async", "--overlapped=EVENT");
    assertEquals(2, all.exit(), all.toString());
    assertTrue(all.err().startsWith("wsemu client: --async, --overlapped and --endpoint are different clients: choose one\n"),
        all.err());
  }

  @Test
  void anEndpointSessionsExitCodeOfOneComesWithTheReason() {
    assertEquals("expected TIMED_OUT, BYE (exit code 1): a request failed, as printed above",
        ClientCommand.whyEndpoint(List.of(EndpointSession.Outcome.FAILED), 250, 1000));
    assertEquals("expected TIMED_OUT, BYE (exit code 1): a line sent every 2 ms did not come within the 10 ms"
        + " time-out; a longer --timeout leaves the machine more time",
        ClientCommand.whyEndpoint(List.of(EndpointSession.Outcome.TIMED_OUT, EndpointSession.Outcome.TIMED_OUT), 2, 10));
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
