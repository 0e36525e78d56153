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
}
