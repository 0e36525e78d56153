package org.wsemu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.wsemu.Emulator;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.samples.AsyncQuoteClient;
import org.wsemu.samples.EndpointSession;
import org.wsemu.samples.LineServer;
import org.wsemu.samples.OverlappedQuoteClient;
import org.wsemu.samples.QuoteClient;
import org.wsemu.samples.QuoteServer;
import org.wsemu.sim.Peer;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.WinUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wsemu client}: runs the Win16 quote client twice against a quote server, once answered in
 * time and once too slowly, so that its WM_TIMER timeout cancels the blocked recv (WSAEINTR). On
 * the real network the server is a JDK server on a loopback port; on the simulated network it is a
 * peer on the emulator's own host (port 17, quote of the day), and in Win16 mode the run is in
 * virtual time: the same output every time, at once. With {@code --async} it runs the same client
 * written the asynchronous way ({@link AsyncQuoteClient}: WSAAsyncGetHostByName, WSAAsyncSelect,
 * a message loop), whose timeout closes the socket instead. With {@code --overlapped} it runs the
 * Winsock 2 client ({@link OverlappedQuoteClient}: an overlapped WSARecv reported by a completion
 * routine or an event), whose timeout aborts the pending receive (WSA_OPERATION_ABORTED). With
 * {@code --endpoint} it runs a terminal session on a Newton-style endpoint instead
 * ({@link EndpointSession}) against a line server whose first connection hangs: the input spec's
 * time-out cancels the pending Outputs (-16005) and then completes itself, the session reconnects,
 * and the second connection ends with BYE; exit code 0 for the outcomes TIMED_OUT, BYE.
 *
 * <p>The timeout is between SetTimer's minimum (10 ms: a shorter one would silently be 10 ms) and a
 * minute; the server answers after a quarter of it, then after three times it. Exit code 0 when
 * the runs end as designed (a quote, then a timeout), 1 otherwise, with a line that says why.
 *
 * <p>Not thread-safe; picocli calls it once on the main thread.
 */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run the Win16 quote client (samples/java/org/wsemu/samples/QuoteClient.java, with --async"
        + " AsyncQuoteClient.java, with --overlapped OverlappedQuoteClient.java) against a quote server it starts;"
        + " with --endpoint, the endpoint session (EndpointSession.java) against a line server it starts.")
final class ClientCommand implements Callable<Integer> {
  /** The simulated server's port: quote of the day (RFC 865). */
  static final int QOTD_PORT = 17;

  /** The simulated line server's port (for --endpoint). */
  static final int LINE_PORT = 5000;

  /** The shortest timeout: SetTimer's minimum, USER_TIMER_MINIMUM. */
  static final int MIN_TIMEOUT = WinUser.USER_TIMER_MINIMUM;
  /** The longest timeout: a demonstration of a timeout should not take longer. */
  static final int MAX_TIMEOUT = 60_000;

  /** Which network the client runs on. */
  enum NetworkChoice { REAL, SIMULATED }

  @Option(names = "--mode", defaultValue = "WIN16",
      description = "WIN16 (cooperative) or WIN32 (preemptive). Default: ${DEFAULT-VALUE}.")
  SchedulingMode mode;

  @Option(names = "--network", defaultValue = "REAL",
      description = "REAL (loopback sockets, real clock) or SIMULATED (virtual time in Win16 mode). Default: ${DEFAULT-VALUE}.")
  NetworkChoice network;

  int timeoutMillis;

  @Option(names = "--trace", description = "Print every trace event of each run.")
  boolean trace;

  @Option(names = "--async", description = "Run the asynchronous client (WSAAsyncGetHostByName, WSAAsyncSelect, a message loop).")
  boolean async;

  @Option(names = "--overlapped", arity = "0..1", fallbackValue = "ROUTINE", paramLabel = "ROUTINE|EVENT",
      description = "Run the Winsock 2 client with an overlapped WSARecv: its completion ROUTINE run in an"
          + " alertable SleepEx (the default), or an EVENT waited for with WSAWaitForMultipleEvents.")
  OverlappedQuoteClient.Notification overlapped;

  @Option(names = "--endpoint", description = "Run a terminal session on a Newton-style endpoint (an input spec whose"
      + " time-out cancels the pending Outputs in a defined order, then a reconnection) against a line server.")
  boolean endpoint;

  @Spec
  CommandSpec spec;

  @Option(names = "--timeout", defaultValue = "1000", paramLabel = "<ms>",
      description = "The client's timeout in ms, " + MIN_TIMEOUT + " to " + MAX_TIMEOUT
          + "; the server answers after a quarter of it, then after three times it. Default: ${DEFAULT-VALUE}.")
  void timeoutMillis(int millis) {
    if (millis < MIN_TIMEOUT || millis > MAX_TIMEOUT) {
      throw new ParameterException(spec.commandLine(), String.format(
          "--timeout must be between %d and %d ms, not %d (SetTimer's minimum is %d ms)",
          MIN_TIMEOUT, MAX_TIMEOUT, millis, MIN_TIMEOUT));
    }
    timeoutMillis = millis;
  }

  @Override
  public Integer call() throws Exception {
    List<String> clients = new ArrayList<>();
    if (async) {
      clients.add("--async");
    }
    if (overlapped != null) {
      clients.add("--overlapped");
    }
    if (endpoint) {
      clients.add("--endpoint");
    }
    if (clients.size() > 1) {
      String named = String.join(", ", clients.subList(0, clients.size() - 1)) + " and " + clients.get(clients.size() - 1);
      throw new ParameterException(spec.commandLine(), named + (clients.size() == 2 ? " are two" : " are")
          + " different clients: choose one");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (endpoint) {
      return runEndpointSession(out);
    }
    int fast = timeoutMillis / 4;
    int slow = timeoutMillis * 3;
    QuoteClient.Outcome first;
    QuoteClient.Outcome second;
    if (network == NetworkChoice.SIMULATED) {
      Peer quotes = QuoteServer.simulated(List.of(fast, slow));
      out.printf("wsemu client: simulated quote server on port %d answers in %d ms, then in %d ms; client timeout %d ms (%s)%n",
          QOTD_PORT, fast, slow, timeoutMillis, flavour());
      first = runOnce(out, simulated(quotes), QOTD_PORT, "first run");
      second = runOnce(out, simulated(quotes), QOTD_PORT, "second run");
    } else {
      try (QuoteServer server = new QuoteServer(List.of(fast, slow))) {
        out.printf("wsemu client: quote server on 127.0.0.1:%d answers in %d ms, then in %d ms; client timeout %d ms (%s)%n",
            server.port(), fast, slow, timeoutMillis, flavour());
        first = runOnce(out, real(), server.port(), "first run");
        second = runOnce(out, real(), server.port(), "second run");
      }
    }
    out.printf("outcomes: %s, %s%n", first, second);
    boolean asDesigned = first == QuoteClient.Outcome.QUOTE && second == QuoteClient.Outcome.TIMED_OUT;
    if (!asDesigned) {
      out.println(why(first, second, fast, timeoutMillis));
    }
    out.flush();
    return asDesigned ? 0 : 1;
  }

  /**
   * {@code --endpoint}: one session, whose first connection hangs after its list (the input spec
   * times out and cancels) and whose second answers; lines every quarter of the timeout.
   */
  private int runEndpointSession(PrintWriter out) throws Exception {
    int interval = timeoutMillis / 4;
    List<Boolean> hangs = List.of(true, false);
    List<EndpointSession.Outcome> outcomes;
    if (network == NetworkChoice.SIMULATED) {
      out.printf("wsemu client: simulated line server on port %d sends a line every %d ms, hangs on the first"
          + " connection; input time-out %d ms (%s, endpoint)%n", LINE_PORT, interval, timeoutMillis, mode);
      SimulatedNetwork net = SimulatedNetwork.builder().build();
      net.listen(net.defaultHost(), LINE_PORT, LineServer.simulated(hangs, interval));
      Clock clock = mode == SchedulingMode.WIN16 ? Clock.virtual() : Clock.system();
      outcomes = runSession(out, Emulator.builder().name("client").mode(mode).clock(clock).network(net), LINE_PORT);
    } else {
      try (LineServer server = new LineServer(hangs, interval)) {
        out.printf("wsemu client: line server on 127.0.0.1:%d sends a line every %d ms, hangs on the first"
            + " connection; input time-out %d ms (%s, endpoint)%n", server.port(), interval, timeoutMillis, mode);
        outcomes = runSession(out, real(), server.port());
      }
    }
    out.printf("outcomes: %s%n", outcomes.stream().map(Enum::name).collect(Collectors.joining(", ")));
    boolean asDesigned = outcomes.equals(List.of(EndpointSession.Outcome.TIMED_OUT, EndpointSession.Outcome.BYE));
    if (!asDesigned) {
      out.println(whyEndpoint(outcomes, interval, timeoutMillis));
    }
    out.flush();
    return asDesigned ? 0 : 1;
  }

  private List<EndpointSession.Outcome> runSession(PrintWriter out, Emulator.Builder builder, int port)
      throws InterruptedException {
    TraceRecorder recorder = new TraceRecorder();
    List<EndpointSession.Outcome> outcomes;
    try (Emulator emu = builder.traceSink(recorder).build()) {
      outcomes = EndpointSession.run(emu, out, port, timeoutMillis);
    }
    if (trace) {
      out.print(recorder.render());
    }
    return outcomes;
  }

  /** The line that explains exit code 1 of {@code --endpoint}: the outcomes were not TIMED_OUT, BYE. */
  static String whyEndpoint(List<EndpointSession.Outcome> outcomes, int interval, int timeoutMillis) {
    String expected = "expected TIMED_OUT, BYE (exit code 1)";
    if (outcomes.contains(EndpointSession.Outcome.FAILED)) {
      return expected + ": a request failed, as printed above";
    }
    return expected + ": a line sent every " + interval + " ms did not come within the " + timeoutMillis
        + " ms time-out; a longer --timeout leaves the machine more time";
  }

  /** The line that explains exit code 1: the outcomes were not a quote then a timeout. */
  static String why(QuoteClient.Outcome first, QuoteClient.Outcome second, int fast, int timeoutMillis) {
    String expected = "expected QUOTE, TIMED_OUT (exit code 1)";
    if (first == QuoteClient.Outcome.TIMED_OUT) {
      return expected + ": the first answer, sent after " + fast + " ms, came after the " + timeoutMillis
          + " ms timeout; a longer --timeout leaves the machine more time";
    }
    if (first == QuoteClient.Outcome.FAILED || second == QuoteClient.Outcome.FAILED) {
      return expected + ": a call failed, as printed above";
    }
    return expected + ": the second answer came before the timeout";
  }

  /** The mode, and which client: "WIN16", "WIN16, async" or "WIN32, overlapped, ROUTINE". */
  private String flavour() {
    if (overlapped != null) {
      return mode + ", overlapped, " + overlapped;
    }
    return async ? mode + ", async" : mode.toString();
  }

  private Emulator.Builder real() {
    return Emulator.builder().name("client").mode(mode).clock(Clock.system()).network(new RealNetwork());
  }

  private Emulator.Builder simulated(Peer quotes) {
    SimulatedNetwork net = SimulatedNetwork.builder().build();
    net.listen(net.defaultHost(), QOTD_PORT, quotes);
    Clock clock = mode == SchedulingMode.WIN16 ? Clock.virtual() : Clock.system();
    return Emulator.builder().name("client").mode(mode).clock(clock).network(net);
  }

  private QuoteClient.Outcome runOnce(PrintWriter out, Emulator.Builder builder, int port, String title)
      throws InterruptedException {
    out.println("-- " + title);
    TraceRecorder recorder = new TraceRecorder();
    QuoteClient.Outcome outcome;
    try (Emulator emu = builder.traceSink(recorder).build()) {
      if (overlapped != null) {
        outcome = OverlappedQuoteClient.run(emu, out, port, timeoutMillis, overlapped);
      } else if (async) {
        outcome = AsyncQuoteClient.run(emu, out, port, timeoutMillis);
      } else {
        outcome = QuoteClient.run(emu, out, port, timeoutMillis);
      }
    }
    if (trace) {
      out.print(recorder.render());
    }
    return outcome;
  }
}
