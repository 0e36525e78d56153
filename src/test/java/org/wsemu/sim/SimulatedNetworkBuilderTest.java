package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.hostent;

/** Building a simulated network, and choosing it for an emulator. */
class SimulatedNetworkBuilderTest {

  @Test
  void hostAddressesMustBeUsableAndNamesAndAddressesUnique() {
    var builder = SimulatedNetwork.builder().host("a", "10.0.0.1", "alpha");
    assertThrows(IllegalArgumentException.class, () -> builder.host("b", "127.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> builder.host("b", "0.0.0.0"));
    assertThrows(IllegalArgumentException.class, () -> builder.host("b", "224.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> builder.host("b", "10.0.0.256"));
    assertThrows(IllegalArgumentException.class, () -> builder.host("b", "10.0.0"));
    assertThrows(IllegalArgumentException.class, () -> builder.host("b", "10.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> builder.host("ALPHA", "10.0.0.2"));
    assertThrows(IllegalArgumentException.class, () -> builder.link("a", "a", Link.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ZERO));
    builder.link("a", "nowhere", Link.DEFAULT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals("link names an unknown host: nowhere", e.getMessage());
  }

  @Test
  void linksAndDrawnFaultsRejectImpossibleValues() {
    assertThrows(IllegalArgumentException.class, () -> Link.latency(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> Link.DEFAULT.withBandwidth(-1));
    assertThrows(IllegalArgumentException.class, () -> Link.DEFAULT.withDatagramLoss(1.5));
    assertThrows(IllegalArgumentException.class, () -> RandomFaults.NONE.withRefuse(-0.1));
    assertThrows(IllegalArgumentException.class, () -> RandomFaults.NONE.withReset(0.5, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> RandomFaults.NONE.withSlowReader(0.5, 0));
  }

  @Test
  void runtimeCallsNameUnknownHostsAndBadPortsClearly() {
    SimulatedNetwork net = SimulatedNetwork.builder().host("a", "10.0.0.1").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.refuse("b", 80));
    assertTrue(e.getMessage().startsWith("no simulated host named b"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> net.listen("a", 0, Peers.echo()));
    assertEquals("port not in 1..65535: 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> net.partition("a", "a"));
  }

  @Test
  void aNetworkServesOneEmulator() {
    SimulatedNetwork net = SimulatedNetwork.builder().build();
    try (Emulator first = Emus.builder(SchedulingMode.WIN16).network(net).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Emus.builder(SchedulingMode.WIN16).network(net).build());
      assertEquals("a SimulatedNetwork serves one emulator; build another for this one", e.getMessage());
    }
  }

  @Test
  void aPortTakenTwiceFailsWhenTheEmulatorIsBuilt() {
    SimulatedNetwork net = SimulatedNetwork.builder().build();
    net.listen("local", 7, Peers.echo());
    net.listen("local", 7, Peers.discard());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Emus.builder(SchedulingMode.WIN16).network(net).build());
    assertEquals("cannot listen on local:7: ADDRESS_IN_USE", e.getMessage());
  }

  @Test
  void theRealNetworkStillNeedsTheRealClock() {
    assertThrows(IllegalArgumentException.class,
        () -> Emus.builder(SchedulingMode.WIN16).clock(Clock.virtual()).network(new RealNetwork()).build());
  }

  @Test
  void onHostBodiesMustRunAsTasks() throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().host("a", "10.0.0.1").build();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).network(net).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.onHost("a", () -> 0).run());
      assertEquals("onHost bodies run as tasks of the emulator this network serves", e.getMessage());
    }
  }

  @Test
  @Timeout(20)
  void aVirtualClockEmulatorGetsADefaultSimulatedNetworkWhoseHostsAreInTheHostsTable() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      var ws = emu.winsock();
      assertEquals(0, Emus.run(emu, () -> {
        WSADATA data = new WSADATA();
        assertEquals(0, ws.WSAStartup(0x0101, data));
        assertTrue(data.szSystemStatus.contains("Simulated network, seed 0"), data.szSystemStatus);
        int s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertTrue(s != INVALID_SOCKET);
        hostent local = ws.gethostbyname("local");
        assertEquals("local", local.h_name);
        assertArrayEquals(new byte[] {10, 0, 0, 1}, local.h_addr());
        return ws.closesocket(s);
      }));
    }
  }

  @Test
  @Timeout(20)
  void hostAliasesReachTheHostsTable() throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().host("client", "10.0.0.1")
        .host("server", "192.168.7.9", "www", "mail").build();
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      hostent www = ws.gethostbyname("www");
      assertEquals("server", www.h_name);
      assertArrayEquals(new String[] {"www", "mail"}, www.h_aliases);
      assertArrayEquals(new byte[] {(byte) 192, (byte) 168, 7, 9}, www.h_addr());
      assertEquals("192.168.7.9", net.address("mail"));
      assertEquals("client", net.defaultHost());
      return 0;
    });
  }
}
