package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.samples.AsyncQuoteClient;
import org.wsemu.samples.QuoteClient.Outcome;
import org.wsemu.samples.QuoteServer;
import org.wsemu.testing.CapturedNetwork;
import org.wsemu.testing.LockProbe;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;

/**
 * The asynchronous client's trace (WSAAsyncGetHostByName, WSAAsyncSelect) reaches the sinks on
 * threads that hold no task lock, not the network's, and no monitor of the asynchronous selection,
 * the resolver or a request.
 */
@Timeout(30)
class AsyncClientTraceLocksTest {
  private static final int PORT = 17;
  private static final Set<String> ASYNC_MONITORS = Set.of("org.wsemu.winsock.AsyncSelect",
      "org.wsemu.winsock.ReportGates", "org.wsemu.winsock.AsyncResolver", "org.wsemu.winsock.AsyncRequest");

  @World.SimWorlds
  void asyncEventsAreDeliveredOutsideTheAsyncMonitorsAndEveryLock(World world) throws Exception {
    SimulatedNetwork net = world.newNetwork();
    net.listen(net.defaultHost(), PORT, QuoteServer.simulated(List.of(100)));
    LockProbe probe = new LockProbe();
    Outcome outcome;
    CapturedNetwork network = new CapturedNetwork(net);
    try (Emulator emu = world.builder(net).network(network).lookupLatency(Duration.ofMillis(20)).traceSink(probe).build()) {
      TraceSinkLocksTest.watching(probe, emu, (SimNetworkState) network.network());
      outcome = AsyncQuoteClient.run(emu, new PrintWriter(new StringWriter(), true), PORT, 5_000);
    }
    assertEquals(Outcome.QUOTE, outcome);
    assertTrue(probe.kinds().containsAll(Set.of(TraceKind.ASYNC, TraceKind.NET)), probe.kinds().toString());
    assertEquals(List.of(), probe.violations());
    Set<String> held = new TreeSet<>(probe.monitors());
    held.retainAll(ASYNC_MONITORS);
    assertEquals(Set.of(), held);
  }
}
