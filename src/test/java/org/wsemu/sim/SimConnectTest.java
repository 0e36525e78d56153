package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.sim.SimRuns.at;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.sim.SimRuns.stream;
import static org.wsemu.sim.SimRuns.twoHosts;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAETIMEDOUT;
import static org.wsemu.winsock.WinSock.ntohl;
import static org.wsemu.winsock.WinSock.ntohs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.hostent;
import org.wsemu.winsock.in_addr;
import org.wsemu.winsock.sockaddr_in;

/** Connection set-up on the simulated network, in virtual time: exact durations and errors. */
@Timeout(20)
class SimConnectTest {
  private static final Duration LATENCY = Duration.ofMillis(20);
  /**
   * What the default blocking hook adds to a blocking call: its PeekMessage yields, and a task that
   * yields alone lets one quantum (1 ms) of virtual time pass, once more after the wake-up.
   */
  static final int HOOK = 1;

  @Test
  void aConnectTakesOneRoundTripAndNamesBothEnds() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 7, Peers.echo());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int start = user.GetTickCount();
      int s = connected(ws, "10.0.0.2", 7);
      assertEquals(40 + HOOK, user.GetTickCount() - start);
      sockaddr_in name = new sockaddr_in();
      assertEquals(0, ws.getsockname(s, name, new IntRef(sockaddr_in.SIZE)));
      assertEquals(0x0A000001, ntohl(name.sin_addr.s_addr));
      assertEquals(PortSpace.FIRST_EPHEMERAL, ntohs(name.sin_port));
      assertEquals(0, ws.getpeername(s, name, new IntRef(sockaddr_in.SIZE)));
      assertEquals(0x0A000002, ntohl(name.sin_addr.s_addr));
      assertEquals(7, ntohs(name.sin_port));
      return ws.closesocket(s);
    });
  }

  @Test
  void nobodyListeningRefusesAfterOneRoundTrip() throws Exception {
    SimRuns.run(twoHosts(LATENCY).build(), new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, at("10.0.0.2", 7), sockaddr_in.SIZE));
      assertEquals(WSAECONNREFUSED, ws.WSAGetLastError());
      assertEquals(40 + HOOK, user.GetTickCount() - start);
      return ws.closesocket(s);
    });
  }

  @Test
  void anAddressNobodyHasTimesOutAfterTheConnectTimeout() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).connectTimeout(Duration.ofSeconds(5)).build();
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, at("10.9.9.9", 7), sockaddr_in.SIZE));
      assertEquals(WSAETIMEDOUT, ws.WSAGetLastError());
      assertEquals(5000 + HOOK, user.GetTickCount() - start);
      return ws.closesocket(s);
    });
  }

  @Test
  void aRefuseRuleRefusesDespiteTheListenerUntilItIsLifted() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 7, Peers.echo());
    net.refuse("server", 7);
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      assertEquals(SOCKET_ERROR, ws.connect(s, at("10.0.0.2", 7), sockaddr_in.SIZE));
      assertEquals(WSAECONNREFUSED, ws.WSAGetLastError());
      net.stopRefusing("server", 7);
      assertEquals(0, ws.connect(s, at("10.0.0.2", 7), sockaddr_in.SIZE));
      return ws.closesocket(s);
    });
    assertEquals(List.of("refuse-rule", "refuse", "refuse-rule-off"),
        trace.events(e -> e.kind() == TraceKind.FAULT).stream().map(e -> e.name()).toList());
  }

  @Test
  void aFullBacklogRefusesAndA11ApplicationsBacklogIsClampedToFive() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    try (Emulator emu = SimRuns.emulator(net, new TraceRecorder()).build()) {
      var ws = emu.winsock();
      var user = emu.user();
      Task server = emu.createTask("server", net.onHost("server", () -> {
        startup(ws);
        int s = stream(ws);
        assertEquals(0, ws.bind(s, at("0.0.0.0", 80), sockaddr_in.SIZE));
        assertEquals(0, ws.listen(s, 100)); // never accepts
        MSG msg = new MSG();
        while (user.GetMessage(msg, 0, 0, 0) > 0) {
          user.DispatchMessage(msg);
        }
        return ws.closesocket(s);
      }));
      Task client = emu.createTask("client", () -> {
        startup(ws);
        List<Integer> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          int s = stream(ws);
          results.add(ws.connect(s, at("10.0.0.2", 80), sockaddr_in.SIZE) == 0 ? 0 : ws.WSAGetLastError());
        }
        assertEquals(List.of(0, 0, 0, 0, 0, WSAECONNREFUSED), results);
        user.PostAppMessage(server.handle(), WinUser.WM_QUIT, 0, 0);
        return 0;
      });
      emu.start();
      assertEquals(0, Emus.join(client));
      assertEquals(0, Emus.join(server));
    }
  }

  @Test
  void aPartitionHoldsTheSynUntilItHeals() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).connectTimeout(Duration.ofSeconds(5)).build();
    net.listen("server", 7, Peers.echo());
    net.partition("client", "server");
    net.after(Duration.ofSeconds(3), () -> net.heal("client", "server"));
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int start = user.GetTickCount();
      int s = connected(ws, "10.0.0.2", 7);
      assertEquals(3040 + HOOK, user.GetTickCount() - start);
      return ws.closesocket(s);
    });
  }

  @Test
  void aPartitionThatOutlastsTheConnectTimeoutTimesOut() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).connectTimeout(Duration.ofSeconds(5)).build();
    net.listen("server", 7, Peers.echo());
    net.partition("client", "server");
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = stream(ws);
      int start = user.GetTickCount();
      assertEquals(SOCKET_ERROR, ws.connect(s, at("10.0.0.2", 7), sockaddr_in.SIZE));
      assertEquals(WSAETIMEDOUT, ws.WSAGetLastError());
      assertEquals(5000 + HOOK, user.GetTickCount() - start);
      net.heal("client", "server"); // the held SYN is stale: nobody gets a connection from it
      return ws.closesocket(s);
    });
    assertEquals(0, trace.events(e -> e.kind() == TraceKind.NET && e.name().equals("queued")).size());
  }

  @Test
  void aTaskOnAnotherHostServesUnderThatHostsNameAndAddress() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    try (Emulator emu = SimRuns.emulator(net, new TraceRecorder()).build()) {
      var ws = emu.winsock();
      int[] seen = new int[4];
      Task server = emu.createTask("server", net.onHost("server", () -> {
        startup(ws);
        int l = stream(ws);
        assertEquals(0, ws.bind(l, at("0.0.0.0", 80), sockaddr_in.SIZE));
        assertEquals(0, ws.listen(l, 5));
        sockaddr_in from = new sockaddr_in();
        int s = ws.accept(l, from, new IntRef(sockaddr_in.SIZE));
        seen[0] = ntohl(from.sin_addr.s_addr);
        seen[1] = ntohs(from.sin_port);
        sockaddr_in mine = new sockaddr_in();
        assertEquals(0, ws.getsockname(s, mine, new IntRef(sockaddr_in.SIZE)));
        seen[2] = ntohl(mine.sin_addr.s_addr);
        seen[3] = ntohs(mine.sin_port);
        ws.closesocket(s);
        return ws.closesocket(l);
      }));
      Task client = emu.createTask("client", () -> {
        startup(ws);
        hostent host = ws.gethostbyname("server");
        in_addr address = new in_addr();
        address.set(host.h_addr());
        int s = stream(ws);
        assertEquals(0, ws.connect(s, new sockaddr_in(org.wsemu.winsock.WinSock.htons(80), address.s_addr),
            sockaddr_in.SIZE));
        return ws.closesocket(s);
      });
      emu.start();
      assertEquals(0, Emus.join(client));
      assertEquals(0, Emus.join(server));
      assertEquals(List.of(0x0A000001, PortSpace.FIRST_EPHEMERAL, 0x0A000002, 80),
          List.of(seen[0], seen[1], seen[2], seen[3]));
    }
  }
}
