package org.wsemu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.Emulator;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.Strategy;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.sim.Link;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Figure 10: schedules explored per second. One schedule is what schedule exploration does for
 * each run of a program: build a Win16 emulator on a freshly seeded simulated network, in checked
 * mode, with a random choice source and a trace recorder; run a two-task program (a server task
 * accepts, receives 64 bytes and echoes them; a client task connects, sends, receives the echo);
 * close the emulator. Measured one at a time in this JVM, and for scaling with cores in child JVMs
 * ({@link CoreScaling}): pinned to one core, and on every core with one schedule per core.
 *
 * <p>Not thread-safe; run it alone.
 */
final class ScheduleRate {
  private ScheduleRate() {}

  /** The first argument of a child JVM {@link CoreScaling} starts. */
  static final String CHILD = "--child";
  private static final int PORT = 7;
  private static final byte[] DATA = new byte[64];

  static List<Row> run(BenchMode mode) throws Exception {
    int schedules = mode.full() ? 20_000 : 4_000;
    String kind = SimScale.virtualThreads() != null && Runtime.version().feature() >= 24 ? "virtual" : "platform";
    measure(1, schedules / 4, null); // warm-up
    double one = measure(1, schedules, null);
    List<Row> rows = new ArrayList<>(List.of(
        Row.absolute("10a", "schedules per second, two-task socket program, 1 at a time (" + kind + " threads)", "/s",
            one, "-", Double.NaN, ">= 1,000 /s", one >= 1_000)));
    rows.addAll(CoreScaling.rows("10b", "10f", "the same loop", "loop", schedules));
    if (kind.equals("virtual")) {
      double platform = measure(1, schedules, SimScale::platformDaemon);
      rows.add(Row.absolute("10c", "schedules per second, 1 at a time (platform threads)", "/s", platform, "-",
          Double.NaN, "-", true));
    }
    double explorerOne = explore(1, schedules);
    rows.add(Row.absolute("10d", "schedules per second, the explorer's random walk, parallelism 1 (" + kind
        + " threads)", "/s", explorerOne, "-", Double.NaN, ">= 1,000 /s", explorerOne >= 1_000));
    rows.addAll(CoreScaling.rows("10e", "10g", "the explorer's random walk", "explorer", schedules));
    return rows;
  }

  /** The same program explored by {@link Explorer} (random walk, no shrinking); schedules per second. */
  static double explore(int parallelism, int schedules) {
    ExplorationResult result = Explorer.builder().strategy(Strategy.RANDOM_WALK).schedules(schedules)
        .parallelism(parallelism).shrink(false).build().explore(builder -> {
          SimulatedNetwork net = SimulatedNetwork.builder().host("client", "10.0.0.1").host("server", "10.0.0.2")
              .link(Link.latency(Duration.ofMillis(1))).build();
          try (Emulator emu = builder.network(net).build()) {
            runTasks(emu, net, -1);
          }
        });
    if (result.failed()) {
      throw new IllegalStateException(result.summary());
    }
    return result.schedulesRun() / (result.elapsed().toNanos() / 1e9);
  }

  /** Runs {@code schedules} schedules on {@code threads} threads; returns schedules per second. */
  static double measure(int threads, int schedules, ThreadFactory taskThreads) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < schedules; i = next.getAndIncrement()) {
            runOne(i, taskThreads);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return schedules / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One schedule: build, run, close; {@code taskThreads} null for the emulator's default. */
  static void runOne(long seed, ThreadFactory taskThreads) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(seed)
        .host("client", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(Duration.ofMillis(1))).build();
    TraceRecorder trace = new TraceRecorder();
    Emulator.Builder builder = Emulator.builder().mode(SchedulingMode.WIN16).network(net).checked(true)
        .failOnViolation(true).choices(new RandomChoices(seed)).traceSink(trace);
    if (taskThreads != null) {
      builder.threadFactory(taskThreads);
    }
    try (Emulator emu = builder.build()) {
      runTasks(emu, net, seed);
    }
  }

  private static void runTasks(Emulator emu, SimulatedNetwork net, long seed) throws InterruptedException {
    WinsockApi ws = emu.winsock();
    User user = emu.user();
    emu.createTask("server", net.onHost("server", () -> serve(ws)));
    emu.createTask("client", net.onHost("client", () -> client(ws, user)));
    emu.start();
    if (!emu.awaitTasks(Duration.ofSeconds(30))) {
      throw new IllegalStateException("schedule " + seed + " did not finish");
    }
  }

  private static int serve(WinsockApi ws) {
    ws.WSAStartup(0x0101, new WSADATA());
    int listener = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
    sockaddr_in any = new sockaddr_in(WinSock.htons(PORT), 0);
    if (ws.bind(listener, any, sockaddr_in.SIZE) != 0 || ws.listen(listener, 1) != 0) {
      throw new IllegalStateException("listen: " + ws.WSAGetLastError());
    }
    int s = ws.accept(listener, null, null);
    byte[] buf = new byte[DATA.length];
    int got = 0;
    while (got < buf.length) {
      int r = ws.recv(s, buf, got, buf.length - got, 0);
      if (r <= 0) {
        throw new IllegalStateException("server recv: " + r + " " + ws.WSAGetLastError());
      }
      got += r;
    }
    ws.send(s, buf, got, 0);
    ws.closesocket(s);
    ws.closesocket(listener);
    return ws.WSACleanup();
  }

  private static int client(WinsockApi ws, User user) {
    ws.WSAStartup(0x0101, new WSADATA());
    sockaddr_in server = new sockaddr_in(WinSock.htons(PORT), WinSock.htonl(0x0A000002));
    int s = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
    while (ws.connect(s, server, sockaddr_in.SIZE) != 0) { // the server may not listen yet
      ws.closesocket(s);
      user.Yield();
      s = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
    }
    ws.send(s, DATA, DATA.length, 0);
    byte[] back = new byte[DATA.length];
    int got = 0;
    while (got < back.length) {
      int r = ws.recv(s, back, got, back.length - got, 0);
      if (r <= 0) {
        throw new IllegalStateException("client recv: " + r + " " + ws.WSAGetLastError());
      }
      got += r;
    }
    ws.closesocket(s);
    return ws.WSACleanup();
  }

  /** A uniform random answer at every choice point, as a random walk makes. */
  private static final class RandomChoices implements ChoiceSource {
    private final SplittableRandom random;

    RandomChoices(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public int choose(ChoicePoint point, int options) {
      return options <= 1 ? 0 : random.nextInt(options);
    }
  }

  /**
   * Quick look: java -cp wsemu-bench.jar org.wsemu.bench.ScheduleRate [schedules] [threads] [platform]; or, as
   * {@link CoreScaling}'s child, {@code --child loop|explorer schedules parallelism}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals(CHILD)) {
      CoreScaling.childMain(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      System.exit(0);
    }
    int schedules = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    ThreadFactory taskThreads = args.length > 2 && args[2].equals("platform") ? SimScale::platformDaemon : null;
    measure(threads, schedules / 4, taskThreads);
    System.out.printf("%d at a time: %.0f schedules/s%n", threads, measure(threads, schedules, taskThreads));
    explore(threads, schedules / 4);
    System.out.printf("explorer, parallelism %d: %.0f schedules/s%n", threads, explore(threads, schedules));
    System.exit(0);
  }
}
