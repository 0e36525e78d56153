package org.wsemu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the benchmarks and prints one table: each figure for wsemu, its baseline measured in the
 * same run on the same machine, the ratio and the target.
 *
 * <pre>
 * java -jar target/wsemu-bench.jar [--quick | --full] [--only 1,2,...]
 * </pre>
 *
 * <p>Figures 1, 3, 8 and 9 are JMH benchmarks (forked JVMs); 2, 4, 5, 6, 7 and 10 are a plain harness
 * in this JVM (percentiles, CPU while idle, scale), because JMH measures its own threads and the
 * emulator's calls run on task threads. Not thread-safe; run it alone on a quiet machine.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchMode mode = BenchMode.QUICK;
    List<String> figures = new ArrayList<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> mode = BenchMode.QUICK;
        case "--full" -> mode = BenchMode.FULL;
        case "--only" -> figures = Arrays.asList(args[++i].split(","));
        default -> {
          System.err.println("usage: java -jar wsemu-bench.jar [--quick | --full] [--only 1,2,...]");
          System.exit(2);
        }
      }
    }
    System.out.printf("wsemu benchmarks, %s mode; JDK %s (%s), %s %s, %d cores, max heap %d MiB%n%n", mode.name(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    List<Row> rows = new ArrayList<>(JmhFigures.run(mode, figures));
    if (figures.contains("2")) {
      rows.addAll(PingPong.run(mode));
    }
    if (figures.contains("4")) {
      rows.addAll(BlockedCpu.run(mode));
    }
    if (figures.contains("5")) {
      rows.addAll(CancelLatency.run(mode));
    }
    if (figures.contains("6")) {
      rows.addAll(RealScale.run(mode));
    }
    if (figures.contains("7")) {
      rows.addAll(SimScale.run(mode));
    }
    if (figures.contains("10")) {
      rows.addAll(ScheduleRate.run(mode));
    }
    rows.sort(Comparator.comparingInt((Row row) -> figureNumber(row.id())).thenComparing(Row::id));
    System.out.println();
    Table.print(System.out, rows);
    System.exit(0); // daemon threads of the harness figures may linger
  }

  /** The figure's number of a row id ("10a" is 10), so that 10 sorts after 9. */
  private static int figureNumber(String id) {
    int end = 0;
    while (end < id.length() && Character.isDigit(id.charAt(end))) {
      end++;
    }
    return end == 0 ? Integer.MAX_VALUE : Integer.parseInt(id.substring(0, end));
  }
}
