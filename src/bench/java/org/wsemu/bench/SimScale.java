package org.wsemu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.Emulator;
import org.wsemu.sim.Link;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Figure 7: the simulated network at scale. Each task connects to an echo peer on another host,
 * sends 10 KiB, reads the echo and closes. Platform threads: a Win16 emulator in virtual time.
 * Virtual threads (JDK 21 and later): a Win32 emulator on the real clock for the big run, because
 * Win16 task handles are 16-bit (at most 65,534 tasks alive at once), and the Win16 run again on
 * virtual threads.
 */
final class SimScale {
  private SimScale() {}

  private static final byte[] DATA = new byte[10 * 1024];

  static List<Row> run(BenchMode mode) throws Exception {
    List<Row> rows = new ArrayList<>();
    rows.addAll(measure("7a", mode.simPlatformTasks(), SchedulingMode.WIN16, SimScale::platformDaemon,
        "platform threads, Win16"));
    ThreadFactory virtual = virtualThreads();
    if (virtual == null) {
      rows.add(Row.absolute("7c", mode.simVirtualTasks() + " tasks on virtual threads", "-", Double.NaN,
          "needs JDK 21+, this is " + Runtime.version().feature(), Double.NaN, "-", true));
    } else {
      rows.addAll(measure("7c", mode.simVirtualTasks(), SchedulingMode.WIN32, virtual, "virtual threads, Win32"));
      rows.addAll(measure("7e", mode.simPlatformTasks(), SchedulingMode.WIN16, virtual, "virtual threads, Win16"));
    }
    rows.addAll(HandOffFloor.run(mode));
    return rows;
  }

  static List<Row> measure(String id, int n, SchedulingMode schedulingMode, ThreadFactory threads,
      String what) throws Exception {
    // a host has 16,384 ephemeral ports: one client host per 10,000 tasks
    int clientHosts = (n + 9_999) / 10_000;
    SimulatedNetwork.Builder network = SimulatedNetwork.builder().host("server", "10.0.0.2");
    for (int h = 0; h < clientHosts; h++) {
      network.host("clients" + h, "10.0.1." + (h + 1));
    }
    SimulatedNetwork net = network.link(Link.latency(Duration.ofMillis(1))).build();
    net.listen("server", 7, Peers.echo());
    Emulator.Builder builder = Emulator.builder().name("sim-" + id).mode(schedulingMode).slf4jTrace(false)
        .network(net).clock(schedulingMode == SchedulingMode.WIN16 ? Clock.virtual() : Clock.system())
        .maxSockets(Math.max(32_767, n + 1_000)); // Win32: one application holds every task's socket
    if (threads != null) {
      builder.threadFactory(threads);
    }
    long start = System.nanoTime();
    try (Emulator emu = builder.build()) {
      WinsockApi ws = emu.winsock();
      AtomicInteger failed = new AtomicInteger();
      for (int i = 0; i < n; i++) {
        emu.createTask("t" + i, net.onHost("clients" + (i % clientHosts), () -> {
          int r = echoOnce(ws);
          if (r != 0) {
            failed.incrementAndGet();
          }
          return r;
        }));
      }
      emu.start();
      if (!emu.awaitTasks(Duration.ofMinutes(20))) {
        throw new IllegalStateException("the simulation did not finish");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return List.of(
          Row.absolute(id, n + " tasks echo 10 KiB (" + what + "): wall time", "s", seconds, "-", Double.NaN,
              "all complete", failed.get() == 0),
          Row.absolute(nextId(id), "simulated packets per second (" + what + ")", "/s", net.packets() / seconds,
              "-", Double.NaN, "-", true));
    }
  }

  private static String nextId(String id) {
    return id.substring(0, id.length() - 1) + (char) (id.charAt(id.length() - 1) + 1);
  }

  static int echoOnce(WinsockApi ws) {
    if (ws.WSAStartup(0x0101, new org.wsemu.winsock.WSADATA()) != 0) {
      return 4;
    }
    int s = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
    sockaddr_in server = new sockaddr_in(WinSock.htons(7), WinSock.htonl(0x0A000002));
    if (ws.connect(s, server, sockaddr_in.SIZE) != 0) {
      return 1;
    }
    if (ws.send(s, DATA, DATA.length, 0) != DATA.length) {
      return 2;
    }
    byte[] back = new byte[DATA.length];
    int got = 0;
    while (got < back.length) {
      int r = ws.recv(s, back, got, back.length - got, 0);
      if (r <= 0) {
        return 3;
      }
      got += r;
    }
    ws.closesocket(s);
    return ws.WSACleanup();
  }

  static Thread platformDaemon(Runnable body) {
    Thread thread = new Thread(body);
    thread.setDaemon(true);
    return thread;
  }

  /** Thread.ofVirtual().factory() where the running JDK has it (21+), else null. */
  static ThreadFactory virtualThreads() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** One run alone: java -cp wsemu-bench.jar org.wsemu.bench.SimScale [tasks] [platform|virtual]. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean virtual = args.length > 1 && args[1].equals("virtual");
    ThreadFactory threads = virtual ? virtualThreads() : SimScale::platformDaemon;
    for (Row row : measure("7a", n, SchedulingMode.WIN16, threads, virtual ? "virtual threads" : "platform threads")) {
      System.out.printf("%s %s: %.2f %s%n", row.id(), row.figure(), row.value(), row.unit());
    }
    System.exit(0);
  }
}
