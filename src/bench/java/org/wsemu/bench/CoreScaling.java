package org.wsemu.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scaling with cores, measured honestly: the same workload in two child JVMs (the same java binary
 * and class path), one pinned to one core with {@code taskset -c 0} and running one schedule at a
 * time, one on every core running as many schedules at once as there are cores. Running two
 * schedules at once in one JVM does not measure cores: one emulator alone already keeps both cores
 * of a two-core machine busy (task hand-offs wake threads on the other core, and the JVM's own
 * threads run there), so a pinned JVM is the only one-core baseline. Both children run this JVM's
 * garbage collector: left to itself, the pinned one, seeing one processor, would pick the serial
 * collector while the other picks G1. A second row runs two pinned children at once, one per core,
 * against the pinned one alone: what the machine gives when each schedule's threads stay on one
 * core, which one JVM cannot ask for. Linux only: without
 * {@code taskset}, or with a single core, the row says so and has no number.
 *
 * <p>Not thread-safe; run it alone.
 */
final class CoreScaling {
  /** What a child prints before its rate. */
  static final String RATE = "schedules/s=";
  private static final long CHILD_TIMEOUT_MINUTES = 10;

  private CoreScaling() {}

  /**
   * Two rows for {@code workload} ({@code "loop"} or {@code "explorer"}; {@code what} describes it):
   * {@code id} compares it on all cores, as many at a time as there are cores, in one JVM, with it
   * on one core; {@code perCoreId} compares two JVMs at once, each pinned to its own core and
   * running one at a time, with the one-core JVM alone, which shows what the machine gives when
   * each schedule's hand-offs stay on one core.
   */
  static List<Row> rows(String id, String perCoreId, String what, String workload, int schedules) {
    int cores = Runtime.getRuntime().availableProcessors();
    String gc = collector().substring("-XX:+Use".length());
    String figure = "schedules per second, " + what + ", " + cores + " cores at " + cores
        + " at a time vs 1 core (taskset -c 0) at 1, both " + gc;
    String perCore = "schedules per second, " + what + ", two JVMs at once, each pinned to its own core at 1,"
        + " vs 1 core alone, " + gc;
    String missing = cores < 2 ? "only one core" : taskset() == null ? "taskset not found (Linux only)" : null;
    if (missing != null) {
      return List.of(unmeasured(id, figure, missing), unmeasured(perCoreId, perCore, missing));
    }
    try {
      double one = rate(start("0", workload, schedules, 1));
      double all = rate(start(null, workload, schedules, cores));
      Child first = start("0", workload, schedules, 1);
      Child second = start("1", workload, schedules, 1);
      double pair = rate(first) + rate(second);
      return List.of(Row.ratio(id, figure, "/s", all, "1 core", one, true, 1.7),
          Row.absolute(perCoreId, perCore, "/s", pair, "1 core", one, "-", true));
    } catch (IOException e) {
      return List.of(unmeasured(id, figure, e.getMessage()), unmeasured(perCoreId, perCore, e.getMessage()));
    }
  }

  private static Row unmeasured(String id, String figure, String why) {
    return Row.absolute(id, figure + ": not measured, " + why, "/s", Double.NaN, "-", Double.NaN, "ratio >= 1.7",
        false);
  }

  /** A child JVM running, the file it prints to, and its command line. */
  private record Child(Process process, Path output, List<String> command) {}

  /** Starts one child JVM, pinned to processor {@code cpu} ({@code taskset -c}) unless null. */
  private static Child start(String cpu, String workload, int schedules, int parallelism) throws IOException {
    List<String> command = new ArrayList<>();
    if (cpu != null) {
      command.addAll(List.of(taskset().toString(), "-c", cpu));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), collector(),
        "-cp", System.getProperty("java.class.path"), ScheduleRate.class.getName(), ScheduleRate.CHILD, workload,
        Integer.toString(schedules), Integer.toString(parallelism)));
    Path output = Files.createTempFile("wsemu-core-scaling", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new Child(process, output, command);
  }

  /** Waits for a child; its schedules per second. */
  private static double rate(Child child) throws IOException {
    try {
      if (!child.process().waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES) || child.process().exitValue() != 0) {
        throw new IOException("child JVM failed or timed out: " + String.join(" ", child.command()));
      }
      String out = Files.readString(child.output(), StandardCharsets.UTF_8);
      for (String line : out.split("\n")) {
        if (line.startsWith(RATE)) {
          return Double.parseDouble(line.substring(RATE.length()).trim());
        }
      }
      throw new IOException("child JVM printed no rate: " + out.strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      child.process().destroyForcibly();
      Files.deleteIfExists(child.output());
    }
  }

  /** The child's side: prints the workload's rate after a warm-up. */
  static void childMain(String workload, int schedules, int parallelism) throws Exception {
    double rate = switch (workload) {
      case "loop" -> {
        ScheduleRate.measure(parallelism, schedules / 4, null);
        yield ScheduleRate.measure(parallelism, schedules, null);
      }
      case "explorer" -> {
        ScheduleRate.explore(parallelism, schedules / 4);
        yield ScheduleRate.explore(parallelism, schedules);
      }
      default -> throw new IllegalArgumentException("workload is loop or explorer: " + workload);
    };
    System.out.println(RATE + String.format(Locale.ROOT, "%.1f", rate));
  }

  /**
   * This JVM's garbage collector as a flag for the children. A JVM that sees one processor picks the
   * serial collector by itself and one that sees two picks G1, which costs the program differently
   * (G1's barriers and concurrent threads): the pinned child must run the same collector as the
   * other, or the ratio measures collectors as well as cores.
   */
  static String collector() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    for (String flag : List.of("UseG1GC", "UseSerialGC", "UseParallelGC", "UseZGC", "UseShenandoahGC")) {
      try {
        if (vm.getVMOption(flag).getValue().equals("true")) {
          return "-XX:+" + flag;
        }
      } catch (IllegalArgumentException unknownOnThisJvm) {
        // not a flag of this JVM: try the next
      }
    }
    return "-XX:+UseG1GC";
  }

  /** The taskset executable on the PATH, or null. */
  private static Path taskset() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "taskset");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
