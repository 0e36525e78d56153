package org.wsemu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.wsemu.Emulator;
import org.wsemu.sim.Link;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;

/**
 * Figure 7's floor: what one platform thread per task costs the operating system and the JVM when
 * no emulator runs at all. N platform threads are started, then pass a token round a ring
 * (unpark the next, park until it comes back) as many times as figure 7's program hands the
 * processor over per task; a small counting run of that program gives the hand-offs and packets per
 * task, and with them the most simulated packets per second platform threads could give if the
 * emulator cost nothing. The last two rows run the ring and figure 7a again in a child JVM whose
 * kernel futex hash (Linux 6.16 and later give each process a private one, sized from the number
 * of CPUs) has been enlarged with {@code prctl(PR_FUTEX_HASH)}: the difference is what the small
 * hash costs.
 *
 * <p>Not thread-safe; run it alone.
 */
final class HandOffFloor {
  /** What the child prints before its two figures. */
  private static final String START = "start-us=";
  private static final String HOP = "hop-us=";
  private static final String PACKETS = "packets-per-s=";
  private static final String CHILD = "--child";
  /** Slots the child asks for: more than the tasks, so each wake finds its sleeper at once. */
  private static final long SLOTS = 16_384;

  private HandOffFloor() {}

  /** Start and hand-off costs of a ring of platform threads, in microseconds. */
  record Ring(double startMicros, double hopMicros) {}

  /** Hand-offs and simulated packets per task of figure 7's program. */
  record PerTask(double handOffs, double packets) {}

  static List<Row> run(BenchMode mode) throws Exception {
    int n = mode.simPlatformTasks();
    PerTask perTask = perTask(Math.min(n, 1_000));
    int rounds = (int) Math.round(perTask.handOffs());
    ring(Math.min(n, 1_000), rounds); // warm-up
    Ring ring = ring(n, rounds);
    double ceiling = perTask.packets() * 1e6 / (ring.startMicros() + perTask.handOffs() * ring.hopMicros());
    List<Row> rows = new ArrayList<>();
    rows.add(Row.absolute("7g", "floor, no emulator: start of one platform thread with up to " + n + " alive", "us",
        ring.startMicros(), "-", Double.NaN, "-", true));
    rows.add(Row.absolute("7h", "floor, no emulator: hand-off between " + n + " parked platform threads", "us",
        ring.hopMicros(), "-", Double.NaN, "-", true));
    rows.add(Row.absolute("7i", String.format(Locale.ROOT,
        "ceiling on platform threads if wsemu cost nothing (%.1f hand-offs, %.1f packets a task)",
        perTask.handOffs(), perTask.packets()), "/s", ceiling, "-", Double.NaN, "-", true));
    rows.addAll(enlargedHashRows(n, rounds));
    return rows;
  }

  /** Counts figure 7's hand-offs and packets with {@code n} tasks (a trace sink counts the switches). */
  static PerTask perTask(int n) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().host("server", "10.0.0.2").host("clients", "10.0.1.1")
        .link(Link.latency(Duration.ofMillis(1))).build();
    net.listen("server", 7, Peers.echo());
    AtomicLong switches = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    try (Emulator emu = Emulator.builder().name("floor-count").mode(SchedulingMode.WIN16).clock(Clock.virtual())
        .slf4jTrace(false).network(net).maxSockets(32_767).threadFactory(SimScale::platformDaemon)
        .traceSink(event -> {
          if (event.kind() == TraceKind.SWITCH) {
            switches.incrementAndGet();
          }
        }).build()) {
      for (int i = 0; i < n; i++) {
        emu.createTask("t" + i, net.onHost("clients", () -> {
          int r = SimScale.echoOnce(emu.winsock());
          if (r != 0) {
            failed.incrementAndGet();
          }
          return r;
        }));
      }
      emu.start();
      if (!emu.awaitTasks(Duration.ofMinutes(10)) || failed.get() != 0) {
        throw new IllegalStateException("the counting run did not complete");
      }
    }
    return new PerTask(switches.get() / (double) n, net.packets() / (double) n);
  }

  /** Starts {@code n} platform threads, then passes a token round them {@code rounds} times. */
  static Ring ring(int n, int rounds) throws InterruptedException {
    Thread[] threads = new Thread[n];
    AtomicInteger turn = new AtomicInteger(-1);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int me = i;
      threads[i] = new Thread(() -> {
        for (int r = 0; r < rounds; r++) {
          while (turn.get() != me) {
            LockSupport.park();
          }
          int next = (me + 1) % n;
          turn.set(next);
          LockSupport.unpark(threads[next]);
        }
      }, "floor-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    long t1 = System.nanoTime();
    turn.set(0);
    LockSupport.unpark(threads[0]);
    for (Thread thread : threads) {
      thread.join();
    }
    long t2 = System.nanoTime();
    return new Ring((t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / ((long) n * rounds));
  }

  /**
   * 7j and 7k: the ring, then figure 7a itself, in a child JVM whose futex hash was enlarged first;
   * rows without a number where that cannot be done.
   */
  private static List<Row> enlargedHashRows(int n, int rounds) {
    String hop = "floor, no emulator: hand-off between " + n + " parked platform threads, futex hash enlarged to "
        + SLOTS + " slots";
    String scale = "simulated packets per second (platform threads, Win16), futex hash enlarged to " + SLOTS
        + " slots";
    String why = Runtime.version().feature() < 22 ? "the kernel call needs JDK 22+" : null;
    if (why == null) {
      try {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            HandOffFloor.class.getName(), CHILD, Integer.toString(n), Integer.toString(rounds));
        Path output = Files.createTempFile("wsemu-floor", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
          boolean ended = process.waitFor(10, TimeUnit.MINUTES);
          String out = Files.readString(output, StandardCharsets.UTF_8);
          if (ended && process.exitValue() == 0) {
            String slots = " (default " + field(out, "default-slots=") + ")";
            return List.of(
                Row.absolute("7j", hop + slots, "us", Double.parseDouble(field(out, HOP)), "-", Double.NaN, "-", true),
                Row.absolute("7k", scale + slots, "/s", Double.parseDouble(field(out, PACKETS)), "-", Double.NaN, "-",
                    true));
          }
          why = !ended ? "the child JVM timed out" : out.isBlank() ? "the child JVM failed" : out.strip();
        } finally {
          process.destroyForcibly();
          Files.deleteIfExists(output);
        }
      } catch (Exception e) {
        why = e.toString();
      }
    }
    return List.of(Row.absolute("7j", hop + ": not measured, " + why, "us", Double.NaN, "-", Double.NaN, "-", true),
        Row.absolute("7k", scale + ": not measured, " + why, "/s", Double.NaN, "-", Double.NaN, "-", true));
  }

  private static String field(String out, String name) {
    for (String line : out.split("\n")) {
      if (line.startsWith(name)) {
        return line.substring(name.length()).trim();
      }
    }
    throw new IllegalStateException("the child printed no " + name + ": " + out.strip());
  }

  /**
   * {@code HandOffFloor [N [ROUNDS]]}: the ring alone in this JVM; {@code --child N ROUNDS}: the same
   * after enlarging the futex hash (JDK 22+, Linux 6.16+), then figure 7a with N tasks; exit 1 with
   * the reason where the hash cannot be enlarged.
   */
  public static void main(String[] args) throws Throwable {
    boolean child = args.length > 0 && args[0].equals(CHILD);
    int first = child ? 1 : 0;
    int n = args.length > first ? Integer.parseInt(args[first]) : 10_000;
    int rounds = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 8;
    if (child) {
      int before = FutexHash.slots();
      if (before < 0 || FutexHash.setSlots(SLOTS) != 0 || FutexHash.slots() != SLOTS) {
        System.out.println(Runtime.version().feature() < 22 ? "the kernel call needs JDK 22+"
            : "this kernel has no private futex hash to enlarge (Linux 6.16+)");
        System.exit(1);
      }
      System.out.println("default-slots=" + before);
    }
    ring(Math.min(n, 1_000), rounds);
    Ring ring = ring(n, rounds);
    System.out.printf(Locale.ROOT, "%s%.1f%n%s%.1f%n", START, ring.startMicros(), HOP, ring.hopMicros());
    if (child) {
      List<Row> scale = SimScale.measure("7a", n, SchedulingMode.WIN16, SimScale::platformDaemon, "platform threads");
      System.out.printf(Locale.ROOT, "%s%.1f%n", PACKETS, scale.get(1).value());
    }
    System.exit(0);
  }
}
