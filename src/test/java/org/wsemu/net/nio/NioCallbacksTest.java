package org.wsemu.net.nio;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.CapturedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The real network's selector thread runs readiness callbacks at the emulator's callback boundary:
 * one that throws is traced and handed to the handler, and every later wait is still served.
 */
@Timeout(20)
class NioCallbacksTest {
  private static final int LOOPBACK = 0x7F000001;

  private final TraceRecorder trace = new TraceRecorder();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final CapturedNetwork captured = new CapturedNetwork(new RealNetwork());

  private Emulator emulator(String name) {
    return Emus.builder(SchedulingMode.WIN32).name(name).clock(Clock.system()).network(captured).traceSink(trace)
        .callbackExceptionHandler((task, callback, error) ->
            handled.add((task == null ? "-" : task.name()) + " | " + callback + " | " + error.getMessage()))
        .build();
  }

  private List<String> exceptions() {
    return trace.events(e -> e.kind() == TraceKind.EXCEPTION).stream()
        .map(e -> e.task() + " " + e.name() + " " + e.field("error")).toList();
  }

  @Test
  void aReadinessCallbackThatThrowsIsReportedAndTheSelectorServesTheNextWait() throws Exception {
    try (Emulator emu = emulator("nio-throwing-callback")) {
      TcpEndpoint listener = captured.network().openTcp();
      assertEquals(0, listener.bind(LOOPBACK, 0));
      assertEquals(0, listener.listen(5));
      CountDownLatch threw = new CountDownLatch(1);
      listener.notifyWhen(Readiness.ACCEPT, () -> {
        threw.countDown();
        throw new IllegalStateException("bad callback");
      });
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.localPort())) {
        assertTrue(threw.await(10, SECONDS));
        CountDownLatch next = new CountDownLatch(1);
        listener.notifyWhen(Readiness.ACCEPT, next::countDown);
        assertTrue(next.await(10, SECONDS), "the selector thread still reports readiness");
        assertNotNull(listener.accept());
      }
      listener.close(true);
    }
    assertEquals(List.of("- | readiness callback | bad callback"), handled);
    assertEquals(List.of("- readiness callback java.lang.IllegalStateException"), exceptions());
  }

  @Test
  void theWaitersOfAClosingEndpointRunOnTheSelectorThreadAndOneThatThrowsStopsNoOther() throws Exception {
    List<String> ranOn = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);
    try (Emulator emu = emulator("nio-closing")) {
      TcpEndpoint endpoint = captured.network().openTcp();
      assertEquals(0, endpoint.bind(LOOPBACK, 0));
      endpoint.notifyWhen(Readiness.READ, () -> {
        ranOn.add(Thread.currentThread().getName());
        both.countDown();
        throw new IllegalStateException("bad waiter");
      });
      endpoint.notifyWhen(Readiness.READ, () -> {
        ranOn.add(Thread.currentThread().getName());
        both.countDown();
      });
      endpoint.close(false); // the closing thread runs neither waiter, so neither can throw here
      assertTrue(both.await(10, SECONDS), "both waiters ran");
    }
    assertEquals(List.of("wsemu-nio-closing-selector", "wsemu-nio-closing-selector"), ranOn);
    assertEquals(List.of("- | readiness callback | bad waiter"), handled);
    assertEquals(List.of("- readiness callback java.lang.IllegalStateException"), exceptions());
  }
}
