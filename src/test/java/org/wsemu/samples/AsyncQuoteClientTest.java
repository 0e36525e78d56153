package org.wsemu.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.samples.QuoteClient.Outcome;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MessageNames;
import org.wsemu.winsock.WinSock;

/**
 * The asynchronous quote client against {@link QuoteServer} (real worlds) and
 * {@link QuoteServer#simulated} (simulated worlds): what it prints, what it returns, which window
 * messages drove it and how its timeout cancelled what was outstanding. WIN16_SIM is exact, times
 * included.
 */
@Timeout(30)
class AsyncQuoteClientTest {
  private static final int SIM_PORT = 17;
  private static final Duration NO_LATENCY = Duration.ZERO;
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
  private static final String HOST_RESOLVED = "WM_HOSTRESOLVED buflen=42 error=0";

  @World.AllWorlds
  void inTimeTheQuoteComesThroughFdConnectFdReadAndFdClose(World world) throws Exception {
    Run run = againstServer(world, 100, 5_000, NO_LATENCY);

    assertEquals(Outcome.QUOTE, run.outcome);
    if (world.virtualTime()) {
      assertEquals(List.of("[t=  100 ms] quote: The network is reliable. (Fallacy no. 1)"), run.lines);
      assertEquals(List.of(HOST_RESOLVED, "FD_CONNECT error=0", "FD_READ error=0", "FD_CLOSE error=0"), run.dispatched());
      assertEquals(List.of("ret=42", "ret=0"), run.calls("recv")); // FD_READ's, then FD_CLOSE's drain
    } else {
      assertLinesMatch(List.of("\\[t=\\s*\\d+ ms\\] quote: The network is reliable\\. \\(Fallacy no\\. 1\\)"), run.lines);
      List<String> dispatched = run.dispatched();
      assertEquals(List.of(HOST_RESOLVED, "FD_CONNECT error=0"), dispatched.subList(0, 2), dispatched.toString());
      assertEquals("FD_CLOSE error=0", dispatched.get(dispatched.size() - 1), dispatched.toString());
      assertTrue(dispatched.size() >= 4, dispatched.toString());
      assertEquals(Set.of("FD_READ error=0"), Set.copyOf(dispatched.subList(2, dispatched.size() - 1)), dispatched.toString());
    }
    List<String> connects = run.calls("connect");
    assertTrue(connects.equals(List.of("ret=-1 error=WSAEWOULDBLOCK")) || !world.simulated() && connects.equals(List.of("ret=0")),
        connects.toString());
    assertEquals(List.of("ret=0"), run.calls("WSAAsyncSelect"));
    assertEquals(List.of("ret=7"), run.calls("send"));
    assertEquals(List.of("ret=0"), run.calls("closesocket"));
    assertEquals(List.of(), run.calls("WSACancelAsyncRequest"));
  }

  @World.AllWorlds
  void tooSlowAnAnswerAndTheTimerClosesTheSocket(World world) throws Exception {
    Run run = againstServer(world, 60_000, 400, NO_LATENCY);

    assertEquals(Outcome.TIMED_OUT, run.outcome);
    if (world.virtualTime()) {
      assertEquals(List.of("[t=  400 ms] quote: no answer within 400 ms; the socket was closed (closesocket)"), run.lines);
    } else {
      assertLinesMatch(List.of("\\[t=\\s*\\d+ ms\\] quote: no answer within 400 ms; the socket was closed \\(closesocket\\)"),
          run.lines);
    }
    List<String> dispatched = run.dispatched();
    if (world.simulated()) {
      assertEquals(List.of(HOST_RESOLVED, "FD_CONNECT error=0", "WM_TIMER"), dispatched);
    } else { // on a loaded machine the connection might in theory still be on its way at 400 ms
      assertEquals(HOST_RESOLVED, dispatched.get(0), dispatched.toString());
      assertEquals("WM_TIMER", dispatched.get(dispatched.size() - 1), dispatched.toString());
      assertTrue(dispatched.stream().noneMatch(m -> m.startsWith("FD_READ") || m.startsWith("FD_CLOSE")), dispatched.toString());
    }
    assertEquals(List.of("ret=0"), run.calls("closesocket")); // once, by the timer
    assertEquals(List.of(), run.calls("recv"));
    assertEquals(List.of(), run.calls("WSACancelAsyncRequest"));
  }

  @World.AllWorlds
  void aSlowLookupIsCancelledByTheTimerAndNeverAnswers(World world) throws Exception {
    Run run = againstServer(world, 0, 400, ONE_MINUTE);

    assertEquals(Outcome.TIMED_OUT, run.outcome);
    if (world.virtualTime()) {
      assertEquals(List.of("[t=  400 ms] quote: no answer within 400 ms; the lookup was cancelled (WSACancelAsyncRequest)"),
          run.lines);
    } else {
      assertLinesMatch(List.of(
          "\\[t=\\s*\\d+ ms\\] quote: no answer within 400 ms; the lookup was cancelled \\(WSACancelAsyncRequest\\)"), run.lines);
    }
    assertEquals(List.of("WM_TIMER"), run.dispatched());
    assertEquals(List.of("ret=1"), run.calls("WSAAsyncGetHostByName"));
    assertEquals(List.of("ret=0"), run.calls("WSACancelAsyncRequest"));
    assertEquals(List.of(), run.calls("socket"));
    assertEquals(List.of(), run.trace.events(e -> e.kind() == TraceKind.ASYNC && e.name().equals("reply")));
  }

  @World.AllWorlds
  void aRefusedConnectionIsReportedAndTheClientFails(World world) throws Exception {
    Run run;
    if (world.simulated()) {
      run = runClient(world, world.newNetwork(), SIM_PORT, 400, NO_LATENCY); // nothing listens on it
    } else {
      try (Socket bound = new Socket()) { // bound, never listening: connections to it are refused
        bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        run = runClient(world, null, bound.getLocalPort(), 5_000, NO_LATENCY);
      }
    }

    assertEquals(Outcome.FAILED, run.outcome);
    if (world.virtualTime()) {
      assertEquals(List.of("[t=    0 ms] quote: connect failed, error 10061"), run.lines);
    } else {
      assertLinesMatch(List.of("\\[t=\\s*\\d+ ms\\] quote: connect failed, error 10061"), run.lines);
    }
    if (world.simulated()) {
      assertEquals(List.of(HOST_RESOLVED, "FD_CONNECT error=" + WinSock.WSAECONNREFUSED), run.dispatched());
    }
    assertEquals(List.of("ret=0"), run.calls("closesocket"));
  }

  @Test
  void itsTimesCountFromTheStartOfTheExchangeNotFromTheClocksOrigin() throws Exception {
    // a clock that reads 5000 ms when the client starts: the printed times must not include it
    for (int delay : List.of(100, 1_200)) {
      SimulatedNetwork net = SimulatedNetwork.builder().build();
      net.listen(net.defaultHost(), SIM_PORT, QuoteServer.simulated(List.of(delay)));
      StringWriter out = new StringWriter();
      try (Emulator emu = Emus.builder(SchedulingMode.WIN16).clock(Clock.virtual(5_000)).network(net).build()) {
        AsyncQuoteClient.run(emu, new PrintWriter(out, true), SIM_PORT, 400);
      }
      assertEquals(delay == 100
          ? "[t=  100 ms] quote: The network is reliable. (Fallacy no. 1)\n"
          : "[t=  400 ms] quote: no answer within 400 ms; the socket was closed (closesocket)\n", out.toString());
    }
  }

  @Test
  void aTimeoutBelowSetTimersMinimumIsRefusedRatherThanSilentlyLengthened() {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AsyncQuoteClient.run(emu, new PrintWriter(new StringWriter()), SIM_PORT, 9));
      assertEquals("timeoutMillis 9 is below SetTimer's minimum of 10 ms", e.getMessage());
    }
  }

  // ---- helpers ----

  /** One run: its outcome, printed lines and trace. */
  private record Run(Outcome outcome, List<String> lines, TraceRecorder trace) {
    /** The ret (and error) of each Winsock or USER call named {@code name}, in order. */
    List<String> calls(String name) {
      return trace.events(e -> e.kind() == TraceKind.CALL && e.name().equals(name)).stream()
          .map(e -> "ret=" + e.field("ret") + (e.field("error") == null ? "" : " error=" + e.field("error")))
          .toList();
    }

    /** The messages DispatchMessage gave the window procedure, decoded. */
    List<String> dispatched() {
      return trace.events(e -> e.kind() == TraceKind.PROC && "DispatchMessage".equals(e.field("via"))).stream()
          .map(Run::decode)
          .toList();
    }

    private static String decode(TraceEvent e) {
      String msg = String.valueOf(e.field("msg"));
      int lParam = Integer.parseUnsignedInt(String.valueOf(e.field("lParam")).substring(2), 16);
      if (msg.equals(MessageNames.of(AsyncQuoteClient.WM_HOSTRESOLVED))) {
        return "WM_HOSTRESOLVED buflen=" + WinSock.WSAGETASYNCBUFLEN(lParam) + " error=" + WinSock.WSAGETASYNCERROR(lParam);
      }
      if (msg.equals(MessageNames.of(AsyncQuoteClient.WM_SOCKET))) {
        return eventName(WinSock.WSAGETSELECTEVENT(lParam)) + " error=" + WinSock.WSAGETSELECTERROR(lParam);
      }
      return msg;
    }

    private static String eventName(int event) {
      return switch (event) {
        case WinSock.FD_CONNECT -> "FD_CONNECT";
        case WinSock.FD_READ -> "FD_READ";
        case WinSock.FD_CLOSE -> "FD_CLOSE";
        default -> "event " + event;
      };
    }
  }

  /** Runs the client against a quote server answering after {@code delayMillis}. */
  private static Run againstServer(World world, int delayMillis, int timeoutMillis, Duration lookupLatency)
      throws Exception {
    if (world.simulated()) {
      SimulatedNetwork net = world.newNetwork();
      net.listen(net.defaultHost(), SIM_PORT, QuoteServer.simulated(List.of(delayMillis)));
      return runClient(world, net, SIM_PORT, timeoutMillis, lookupLatency);
    }
    try (QuoteServer server = new QuoteServer(List.of(delayMillis))) {
      return runClient(world, null, server.port(), timeoutMillis, lookupLatency);
    }
  }

  private static Run runClient(World world, SimulatedNetwork net, int port, int timeoutMillis, Duration lookupLatency)
      throws Exception {
    StringWriter out = new StringWriter();
    TraceRecorder trace = new TraceRecorder();
    Outcome outcome;
    try (Emulator emu = world.builder(net).lookupLatency(lookupLatency).traceSink(trace).build()) {
      outcome = AsyncQuoteClient.run(emu, new PrintWriter(out, true), port, timeoutMillis);
    }
    return new Run(outcome, out.toString().lines().toList(), trace);
  }
}
