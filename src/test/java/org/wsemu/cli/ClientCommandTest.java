package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

class ClientCommandTest {

  @Test
  @Timeout(30)
  void clientRunsTheQuoteClientTwiceAgainstItsOwnServer() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute("client", "--timeout", "400"));
    String text = out.toString();
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

  private static String runSimulated() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute("client", "--network", "SIMULATED", "--timeout", "400"));
    return out.toString();
  }
}
