package org.wsemu.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.wsemu.Clock;
import org.wsemu.Emulator;
import org.wsemu.SchedulingMode;
import org.wsemu.samples.QuoteClient;
import org.wsemu.samples.QuoteServer;
import org.wsemu.trace.TraceRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wsemu client}: starts a quote server on a loopback port and runs the Win16 quote client
 * against it twice: once answered in time, once too slowly, so that its WM_TIMER timeout cancels
 * the blocked recv (WSAEINTR).
 *
 * <p>Not thread-safe; picocli calls it once on the main thread.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
    description = "Run the Win16 quote client (samples/java/org/wsemu/samples/QuoteClient.java) against a loopback server it starts.")
final class ClientCommand implements Callable<Integer> {

  @Option(names = "--mode", defaultValue = "WIN16",
      description = "WIN16 (cooperative) or WIN32 (preemptive); both on the real network and clock. Default: ${DEFAULT-VALUE}.")
  SchedulingMode mode;

  @Option(names = "--timeout", defaultValue = "1000", description = "The client's timeout in ms. Default: ${DEFAULT-VALUE}.")
  int timeoutMillis;

  @Option(names = "--trace", description = "Print every trace event of each run.")
  boolean trace;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int fast = timeoutMillis / 4;
    int slow = timeoutMillis * 3;
    try (QuoteServer server = new QuoteServer(List.of(fast, slow))) {
      out.printf("wsemu client: quote server on 127.0.0.1:%d answers in %d ms, then in %d ms; client timeout %d ms (%s)%n",
          server.port(), fast, slow, timeoutMillis, mode);
      QuoteClient.Outcome first = runOnce(out, server.port(), "first run");
      QuoteClient.Outcome second = runOnce(out, server.port(), "second run");
      out.printf("outcomes: %s, %s%n", first, second);
      out.flush();
      return first == QuoteClient.Outcome.QUOTE && second == QuoteClient.Outcome.TIMED_OUT ? 0 : 1;
    }
  }

  private QuoteClient.Outcome runOnce(PrintWriter out, int port, String title) throws InterruptedException {
    out.println("-- " + title);
    TraceRecorder recorder = new TraceRecorder();
    QuoteClient.Outcome outcome;
    try (Emulator emu = Emulator.builder().name("client").mode(mode).clock(Clock.system()).traceSink(recorder).build()) {
      outcome = QuoteClient.run(emu, out, port, timeoutMillis);
    }
    if (trace) {
      out.print(recorder.render());
    }
    return outcome;
  }
}
