package org.wsemu.sim;

import static org.wsemu.sim.SimRuns.at;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.testing.CapturedNetwork;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.sockaddr_in;
import org.wsemu.winsock.timeval;

/**
 * A multi-task program on a lossy, jittery simulated network with drawn faults, whose whole trace
 * must come out the same, byte for byte, on every run with the same seed, in this JVM or another.
 * {@link #main} prints the trace's SHA-256, for the run in a second JVM.
 */
public final class DeterminismProgram {
  private DeterminismProgram() {}

  /** Runs the program and returns its trace, one event per line. */
  static String run(long seed) throws Exception {
    return run(seed, null);
  }

  /**
   * Runs the program and returns its trace; {@code attach}, if not null, is given the emulator and
   * its network once built, before any task runs.
   */
  static String run(long seed, BiConsumer<Emulator, SimNetworkState> attach) throws Exception {
    return record(seed, attach).render();
  }

  /** Runs the program and returns the recorder that holds its whole trace. */
  static TraceRecorder record(long seed, BiConsumer<Emulator, SimNetworkState> attach) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(seed)
        .host("client", "10.0.0.1").host("server", "10.0.0.2").host("far", "10.0.1.1")
        .link(Link.latency(Duration.ofMillis(5)).withJitter(Duration.ofMillis(7)).withDatagramLoss(0.2))
        .link("client", "far", Link.latency(Duration.ofMillis(40)).withJitter(Duration.ofMillis(20))
            .withBandwidth(50_000).withDatagramLoss(0.3))
        .randomFaults(RandomFaults.NONE.withRefuse(0.1).withReset(0.2, 100, 3000))
        .build();
    net.listen("far", 7, Peers.echo());
    net.listen("far", 19, Peers.chargen());
    net.listenDatagrams("far", 7, Peers.datagramEcho());
    net.after(Duration.ofMillis(400), () -> net.partition("client", "far"));
    net.after(Duration.ofMillis(700), () -> net.heal("client", "far"));
    TraceRecorder trace = new TraceRecorder();
    CapturedNetwork network = new CapturedNetwork(net);
    try (Emulator emu = SimRuns.emulator(net, trace).network(network).name("determinism").build()) {
      if (attach != null) {
        attach.accept(emu, (SimNetworkState) network.network());
      }
      WinsockApi ws = emu.winsock();
      Task server = emu.createTask("server", net.onHost("server", () -> serve(emu, ws)));
      for (int i = 0; i < 3; i++) {
        int index = i;
        emu.createTask("client" + i, () -> client(emu, ws, index));
      }
      emu.createTask("datagrams", () -> datagrams(ws));
      emu.start();
      if (!emu.awaitTasks(Duration.ofSeconds(30))) {
        throw new IllegalStateException("the program did not finish");
      }
      server.join(Duration.ofSeconds(1));
    }
    return trace;
  }

  /** Echoes three connections on port 80, one after the other, with a message loop in between. */
  private static int serve(Emulator emu, WinsockApi ws) {
    ws.WSAStartup(0x0101, new WSADATA());
    int l = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(l, at("0.0.0.0", 80), sockaddr_in.SIZE);
    ws.listen(l, 5);
    for (int i = 0; i < 3; i++) {
      int s = ws.accept(l, null, null);
      byte[] buffer = new byte[700];
      int n;
      while ((n = ws.recv(s, buffer, buffer.length, 0)) > 0) {
        ws.send(s, buffer, n, 0);
      }
      ws.closesocket(s);
      MSG msg = new MSG();
      while (emu.user().PeekMessage(msg, 0, 0, 0, org.wsemu.user.WinUser.PM_REMOVE)) {
        emu.user().DispatchMessage(msg);
      }
    }
    ws.closesocket(l);
    return ws.WSACleanup();
  }

  private static int client(Emulator emu, WinsockApi ws, int index) {
    ws.WSAStartup(0x0101, new WSADATA());
    int[] hooks = new int[1];
    ws.WSASetBlockingHook(() -> ++hooks[0] % 5 == 0);
    exchange(ws, "10.0.0.2", 80, 1500 + 500 * index);
    exchange(ws, "10.0.1.1", 7, 4000);
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (ws.connect(s, at("10.0.1.1", 19), sockaddr_in.SIZE) == 0) {
      byte[] lines = new byte[1000];
      ws.recv(s, lines, lines.length, 0);
    }
    ws.closesocket(s);
    return ws.WSACleanup();
  }

  /** Connects, sends {@code size} bytes, reads the echo as far as it comes, closes. */
  private static void exchange(WinsockApi ws, String host, int port, int size) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (ws.connect(s, at(host, port), sockaddr_in.SIZE) == SOCKET_ERROR) {
      ws.closesocket(s);
      return;
    }
    byte[] data = new byte[size];
    int sent = ws.send(s, data, size, 0);
    ws.shutdown(s, 1);
    byte[] back = new byte[size];
    int got = 0;
    int n;
    while (sent > 0 && got < size && (n = ws.recv(s, back, got, size - got, 0)) > 0) {
      got += n;
    }
    ws.closesocket(s);
  }

  private static int datagrams(WinsockApi ws) {
    ws.WSAStartup(0x0101, new WSADATA());
    int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
    byte[] data = "ping".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 20; i++) {
      ws.sendto(s, data, data.length, 0, at("10.0.1.1", 7), sockaddr_in.SIZE);
    }
    for (;;) {
      fd_set read = new fd_set();
      FD_SET(s, read);
      if (ws.select(0, read, null, null, new timeval(1, 0)) <= 0) {
        break;
      }
      ws.recvfrom(s, new byte[16], 16, 0, null, null);
    }
    ws.closesocket(s);
    return ws.WSACleanup();
  }

  /** SHA-256 of a trace, in hex. */
  static String hash(String trace) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(trace.getBytes(StandardCharsets.UTF_8)));
  }

  /** Prints the hash of the trace of the run with the seed given as the only argument. */
  public static void main(String[] args) throws Exception {
    System.out.println(hash(run(Long.parseLong(args[0]))));
    System.exit(0);
  }

}
