package org.wsemu.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.Clock;
import org.wsemu.Emulator;
import org.wsemu.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

@Timeout(30)
class QuoteClientTest {

  @ParameterizedTest
  @EnumSource(SchedulingMode.class)
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
}
