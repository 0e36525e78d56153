package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimRuns.ascii;
import static org.wsemu.sim.SimRuns.at;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.Emulator;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.testing.CapturedNetwork;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Code the simulated network runs but does not own (readiness callbacks from its outbox, peers)
 * meets the emulator's callback boundary: what it throws is traced and handed to the handler, and
 * the network, and the task that happened to drive it, go on.
 */
@Timeout(20)
class SimCallbacksTest {

  /** Runs {@code body} as the only task of an emulator of {@code world} on {@code net}; returns what the handler got. */
  private static List<String> run(World world, SimulatedNetwork net, TraceRecorder trace, CapturedBody body) throws Exception {
    List<String> handled = new CopyOnWriteArrayList<>();
    CapturedNetwork captured = new CapturedNetwork(net);
    try (Emulator emu = world.builder(net).network(captured).traceSink(trace)
        .callbackExceptionHandler((task, callback, error) ->
            handled.add((task == null ? "-" : task.name()) + " | " + callback + " | " + error.getMessage()))
        .build()) {
      org.wsemu.testing.Emus.run(emu, () -> body.run(emu.winsock(), emu.user(), captured));
    }
    return handled;
  }

  @FunctionalInterface
  private interface CapturedBody {
    int run(WinsockApi ws, User user, CapturedNetwork network) throws Exception;
  }

  private static List<String> exceptions(TraceRecorder trace) {
    return trace.events(e -> e.kind() == TraceKind.EXCEPTION).stream()
        .map(e -> e.task() + " " + e.name() + " " + e.field("error")).toList();
  }

  @ParameterizedTest
  @EnumSource(value = World.class, names = {"WIN16_SIM", "WIN32_SIM"})
  void aReadinessCallbackThatThrowsInTheOutboxStopsNeitherTheOthersNorTheCaller(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> handled = run(world, SimulatedNetwork.builder().build(), trace, (ws, user, network) -> {
      int me = user.GetCurrentTask();
      TcpEndpoint endpoint = network.network().openTcp();
      endpoint.notifyWhen(Readiness.READ, () -> {
        throw new IllegalStateException("bad callback");
      });
      endpoint.notifyWhen(Readiness.READ, () -> user.PostAppMessage(me, WM_USER, 1, 0));
      endpoint.close(false); // both waiters are due: they run from the outbox once the lock is released
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(List.of(WM_USER, 1), List.of(msg.message, msg.wParam));
      return 0;
    });
    assertEquals(List.of("- | network callback | bad callback"), handled);
    assertEquals(List.of("- network callback java.lang.IllegalStateException"), exceptions(trace));
  }

  /**
   * A peer session that fails an assertion (an Error, not a RuntimeException) is reported, its
   * connection is reset, and the next connection to the same peer is served.
   */
  @ParameterizedTest
  @EnumSource(value = World.class, names = {"WIN16_SIM", "WIN32_SIM"})
  void aPeerSessionThatThrowsIsReportedAndItsConnectionResetAndTheNextOneIsServed(World world) throws Exception {
    SimulatedNetwork net = SimRuns.twoHosts(Duration.ofMillis(10)).build();
    int[] sessions = new int[1];
    net.listen("server", 7, connection -> {
      boolean first = ++sessions[0] == 1;
      return () -> {
        byte[] buffer = new byte[100];
        int n = connection.read(buffer, 0, buffer.length);
        if (first) {
          throw new AssertionError("peer bug");
        }
        if (n > 0) {
          connection.send(Arrays.copyOf(buffer, n));
        }
      };
    });
    TraceRecorder trace = new TraceRecorder();
    List<String> handled = run(world, net, trace, (ws, user, network) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 7);
      assertEquals(2, ws.send(s, ascii("hi"), 2, 0));
      assertEquals(SOCKET_ERROR, ws.recv(s, new byte[10], 10, 0));
      assertEquals(WSAECONNRESET, ws.WSAGetLastError());
      assertEquals(0, ws.closesocket(s));
      int again = connected(ws, "10.0.0.2", 7);
      assertEquals(2, ws.send(again, ascii("ok"), 2, 0));
      byte[] buffer = new byte[10];
      assertEquals(2, ws.recv(again, buffer, 10, 0));
      assertEquals("ok", ascii(Arrays.copyOf(buffer, 2)));
      return ws.closesocket(again);
    });
    assertEquals(1, handled.size(), handled.toString());
    assertTrue(handled.get(0).matches("- \\| Peer session at 10\\.0\\.0\\.2:7 \\| peer bug"), handled.get(0));
    assertEquals(List.of("- Peer session at 10.0.0.2:7 java.lang.AssertionError"), exceptions(trace));
    List<TraceEvent> failed = trace.events(e -> e.kind() == TraceKind.NET && e.name().equals("peer-failed"));
    assertEquals(1, failed.size());
  }

  @ParameterizedTest
  @EnumSource(value = World.class, names = {"WIN16_SIM", "WIN32_SIM"})
  void aDatagramPeerThatThrowsIsReportedAndGetsTheNextDatagram(World world) throws Exception {
    SimulatedNetwork net = SimRuns.twoHosts(Duration.ofMillis(10)).build();
    net.listenDatagrams("server", 7, (data, reply) -> {
      if (data[0] == 'x') {
        throw new AssertionError("datagram peer bug");
      }
      reply.send(data);
    });
    TraceRecorder trace = new TraceRecorder();
    List<String> handled = run(world, net, trace, (ws, user, network) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      sockaddr_in server = at("10.0.0.2", 7);
      assertEquals(1, ws.sendto(s, ascii("x"), 1, 0, server, sockaddr_in.SIZE));
      assertEquals(1, ws.sendto(s, ascii("y"), 1, 0, server, sockaddr_in.SIZE));
      byte[] buffer = new byte[10];
      assertEquals(1, ws.recvfrom(s, buffer, buffer.length, 0, null, null));
      assertEquals('y', buffer[0]);
      return ws.closesocket(s);
    });
    assertEquals(List.of("- | DatagramPeer at 10.0.0.2:7 | datagram peer bug"), handled);
    assertEquals(List.of("- DatagramPeer at 10.0.0.2:7 java.lang.AssertionError"), exceptions(trace));
  }
}
