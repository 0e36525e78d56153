package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceRecorder;

/** What other tasks and the emulator's end do to a call that blocks. */
@Timeout(20)
class CrossTaskTest {

  /** A Win32 task blocked in a call on the server side of a connected pair. */
  private record Blocked(Task task, int[] pair, AtomicReference<List<Integer>> result) {
    /** Waits for the task; returns what the call returned and the error it set. */
    List<Integer> end() throws Exception {
      Emus.join(task);
      return result.get();
    }
  }

  /** Starts a Win32 task blocked in {@code call} ("recv" or "select") on a socket of a connected pair. */
  private static Blocked blockOn(Emulator emu, TraceRecorder trace, String call) {
    WinsockApi ws = emu.winsock();
    AtomicReference<int[]> pair = new AtomicReference<>();
    AtomicReference<List<Integer>> result = new AtomicReference<>();
    Task task = emu.createTask("blocked", () -> {
      startup(ws);
      pair.set(pair(ws));
      int s = pair.get()[1];
      if (call.equals("recv")) {
        result.set(List.of(ws.recv(s, new byte[10], 10, 0), ws.WSAGetLastError()));
      } else {
        fd_set readable = new fd_set();
        FD_SET(s, readable);
        result.set(List.of(ws.select(0, readable, null, null, null), ws.WSAGetLastError()));
      }
      return 0;
    });
    emu.start();
    Peer.awaitBlocked(trace, call);
    return new Blocked(task, pair.get(), result);
  }

  @World.Win32Worlds
  void closingASocketFromAnotherTaskInterruptsARecvBlockedOnIt(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = builder(world).traceSink(trace).build()) {
      Blocked blocked = blockOn(emu, trace, "recv");
      WinsockApi ws = emu.winsock();
      assertEquals(0, Emus.join(emu.createTask("closer", () -> ws.closesocket(blocked.pair()[1]))));
      assertEquals(List.of(SOCKET_ERROR, WSAEINTR), blocked.end());
    }
  }

  @World.Win32Worlds
  void closingASocketFromAnotherTaskInterruptsASelectWatchingIt(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = builder(world).traceSink(trace).build()) {
      Blocked blocked = blockOn(emu, trace, "select");
      WinsockApi ws = emu.winsock();
      assertEquals(0, Emus.join(emu.createTask("closer", () -> ws.closesocket(blocked.pair()[1]))));
      assertEquals(List.of(SOCKET_ERROR, WSAEINTR), blocked.end());
    }
  }

  @World.Win32Worlds
  void theLastWsaCleanupOfAnotherWin32TaskInterruptsTheBlockedCall(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = builder(world).traceSink(trace).build()) {
      Blocked blocked = blockOn(emu, trace, "recv");
      WinsockApi ws = emu.winsock();
      assertEquals(0, Emus.join(emu.createTask("cleaner", ws::WSACleanup)));
      assertEquals(List.of(SOCKET_ERROR, WSAEINTR), blocked.end());
      int[] pair = blocked.pair();
      assertEquals(SOCKET_ERROR, Emus.join(emu.createTask("late", () -> ws.recv(pair[0], new byte[1], 1, 0))));
    }
  }

  /**
   * A closesocket that lands while a send or recv is inside the network, after its check for a
   * closed socket: the call fails with WSAEINTR, as a call ended by closesocket does, never with
   * WSAENOTSOCK. The seam runs the closesocket at that point on the caller's thread (the call has
   * not entered its loop yet, so no WSAEINPROGRESS), where another task's would land only by chance.
   */
  @World.AllWorlds
  void aCallWhoseSocketIsClosedWhileItIsInTheNetworkFailsWithWsaeintr(World world) throws Exception {
    InterposedNetwork network = InterposedNetwork.of(world);
    List<Integer> results = new java.util.concurrent.CopyOnWriteArrayList<>();
    run(world.builder(null).network(network), (emu, ws, user) -> {
      startup(ws);
      for (String operation : new String[] {"write", "read"}) {
        int[] pair = pair(ws);
        network.beforeNext(operation, () -> results.add(ws.closesocket(pair[1])));
        results.add(operation.equals("write")
            ? ws.send(pair[1], ascii("data"), 4, 0)
            : ws.recv(pair[1], new byte[4], 4, 0));
        results.add(ws.WSAGetLastError());
      }
      return 0;
    });
    assertEquals(List.of(0, SOCKET_ERROR, WSAEINTR, 0, SOCKET_ERROR, WSAEINTR), results);
  }

  /**
   * A closesocket that lands after a call that does not block (bind here) found its socket, before
   * it asks the network anything: the call fails with WSAENOTSOCK, as one made after the close
   * would, on both networks; the closed endpoint is never asked (the simulated one would have
   * answered WSAEINVAL, the real one WSAEINTR). The seam runs the closesocket when bind asks
   * whether a connect attempt bound the socket, which opened its endpoint with setsockopt.
   */
  @World.AllWorlds
  void aCallThatDoesNotBlockWhoseSocketIsClosedMeanwhileFailsWithNotSock(World world) throws Exception {
    InterposedNetwork network = InterposedNetwork.of(world);
    List<Integer> results = new java.util.concurrent.CopyOnWriteArrayList<>();
    run(world.builder(null).network(network), (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      results.add(ws.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, new IntRef(1), 4));
      network.beforeNext("localPort", () -> results.add(ws.closesocket(s)));
      results.add(ws.bind(s, loopback(0), sockaddr_in.SIZE));
      results.add(ws.WSAGetLastError());
      return 0;
    });
    assertEquals(List.of(0, 0, SOCKET_ERROR, WSAENOTSOCK), results);
  }

  @World.AllWorlds
  void shuttingTheEmulatorDownEndsABlockedCallWithWsaeintr(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    int[] result = new int[2];
    Emulator emu = builder(world).traceSink(trace).build();
    WinsockApi ws = emu.winsock();
    Task task = emu.createTask("blocked", () -> {
      startup(ws);
      int[] pair = pair(ws);
      result[0] = ws.recv(pair[1], new byte[10], 10, 0);
      result[1] = ws.WSAGetLastError();
      return 42;
    });
    emu.start();
    Peer.awaitBlocked(trace, "recv");
    assertTrue(emu.shutdown());
    assertEquals(List.of(SOCKET_ERROR, WSAEINTR), List.of(result[0], result[1]));
    assertEquals(42, task.exitCode().getAsInt());
  }

  @World.Win16Worlds
  void aBlockedWin16TaskLetsTheOtherTasksRun(World world) throws Exception {
    int[] order = new int[2];
    int[] counter = {0};
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        emu.createTask("other", () -> {
          order[1] = ++counter[0]; // runs while "server" waits in recv
          return 0;
        });
        int n = ws.recv(s, new byte[10], 10, 0);
        order[0] = ++counter[0];
        return n;
      });
      try (Peer peer = server.connect()) {
        org.awaitility.Awaitility.await().until(() -> order[1] == 1);
        peer.send("go");
        assertEquals(2, Emus.join(server.task));
      }
    }
    assertEquals(2, order[0]);
  }
}
