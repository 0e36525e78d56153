package org.wsemu.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

@Timeout(30)
class QuoteClientTest {

  @BothModes
  void theClientGetsAQuoteInTimeAndCancelsASlowAnswerWithItsTimer(SchedulingMode mode) throws Exception {
    try (QuoteServer server = new QuoteServer(List.of(0, 60_000))) {
      StringWriter fast = new StringWriter();
      try (Emulator emu = Emus.builder(mode).clock(Clock.system()).build()) {
        assertEquals(QuoteClient.Outcome.QUOTE, QuoteClient.run(emu, new PrintWriter(fast, true), server.port(), 5_000));
      }
      assertTrue(fast.toString().contains("quote: The network is reliable. (Fallacy no. 1)"), fast.toString());

      StringWriter slow = new StringWriter();
      TraceRecorder trace = new TraceRecorder();
      try (Emulator emu = Emus.builder(mode).clock(Clock.system()).traceSink(trace).build()) {
        assertEquals(QuoteClient.Outcome.TIMED_OUT, QuoteClient.run(emu, new PrintWriter(slow, true), server.port(), 200));
      }
      assertTrue(slow.toString().contains("no answer within 200 ms; the call was cancelled (WSAEINTR)"), slow.toString());
      assertEquals(List.of("WSACancelBlockingCall"), trace.events(e -> e.kind() == TraceKind.CALL
          && e.name().equals("WSACancelBlockingCall")).stream().map(e -> e.name()).toList());
      assertTrue(trace.events(e -> e.kind() == TraceKind.HOOK && e.name().equals("BlockingHook")).size() >= 1,
          "the custom hook ran while recv blocked");
    }
  }

  @Test
  void itsTimesCountFromTheStartOfTheExchangeNotFromTheClocksOrigin() throws Exception {
    // a clock that reads 5000 ms when the client starts: the printed times must not include it
    for (int delay : List.of(100, 1_200)) {
      SimulatedNetwork net = SimulatedNetwork.builder().build();
      net.listen(net.defaultHost(), 17, QuoteServer.simulated(List.of(delay)));
      StringWriter out = new StringWriter();
      try (Emulator emu = Emus.builder(SchedulingMode.WIN16).clock(Clock.virtual(5_000)).network(net).build()) {
        QuoteClient.run(emu, new PrintWriter(out, true), 17, 400);
      }
      assertEquals(delay == 100
          ? "[t=  101 ms] quote: The network is reliable. (Fallacy no. 1)\n"
          : "[t=  401 ms] quote: no answer within 400 ms; the call was cancelled (WSAEINTR)\n", out.toString());
    }
  }

  @Test
  void aTimeoutBelowSetTimersMinimumIsRefusedRatherThanSilentlyLengthened() {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> QuoteClient.run(emu, new PrintWriter(new StringWriter()), 17, 9));
      assertEquals("timeoutMillis 9 is below SetTimer's minimum of 10 ms", e.getMessage());
    }
  }
}
