package org.wsemu.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The figures that are rates (1, 3, 8, 9): JMH benchmarks, each measuring wsemu and its baseline
 * as two values of one parameter, in the same run; turned into table rows here.
 */
final class JmhFigures {
  private JmhFigures() {}

  /** Runs the JMH benchmarks of {@code figures} (some of "1", "3", "8", "9"). */
  static List<Row> run(BenchMode mode, List<String> figures) throws RunnerException {
    List<String> classes = new ArrayList<>();
    if (figures.contains("1")) {
      classes.add(ThroughputBench.class.getSimpleName());
    }
    if (figures.contains("3")) {
      classes.add(DispatchBench.class.getSimpleName());
    }
    if (figures.contains("8")) {
      classes.add(SwitchBench.class.getSimpleName());
    }
    if (figures.contains("9")) {
      classes.add(LookupBench.class.getSimpleName());
    }
    if (classes.isEmpty()) {
      return List.of();
    }
    Options options = new OptionsBuilder()
        .include("org\\.wsemu\\.bench\\.(" + String.join("|", classes) + ")\\.")
        .forks(mode.jmhForks())
        .warmupIterations(mode.jmhWarmups())
        .warmupTime(TimeValue.seconds(mode.jmhSeconds()))
        .measurementIterations(mode.jmhIterations())
        .measurementTime(TimeValue.seconds(mode.jmhSeconds()))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> score = new HashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
      owner = owner.substring(owner.lastIndexOf('.') + 1);
      score.put(owner + ":" + result.getParams().getParam("impl"), result.getPrimaryResult().getScore());
    }
    List<Row> rows = new ArrayList<>();
    if (score.containsKey("ThroughputBench:socket")) {
      double mib = ThroughputBench.BATCH / (1024.0 * 1024.0);
      double win16 = score.get("ThroughputBench:wsemu-win16") * mib;
      double win32 = score.get("ThroughputBench:wsemu-win32") * mib;
      double socket = score.get("ThroughputBench:socket") * mib;
      double nio = score.get("ThroughputBench:nio") * mib;
      rows.add(Row.ratio("1a", "stream throughput, 64 KiB, Win16 tasks", "MiB/s", win16, "Socket pair", socket, true, 0.9));
      rows.add(Row.ratio("1b", "stream throughput, 64 KiB, Win16 tasks", "MiB/s", win16, "SocketChannel pair", nio, true, 0.9));
      rows.add(Row.ratio("1c", "stream throughput, 64 KiB, Win32 tasks", "MiB/s", win32, "Socket pair", socket, true, 0.9));
      double overlapped = score.get("ThroughputBench:wsemu-overlapped") * mib;
      rows.add(Row.ratio("1d", "overlapped stream throughput, 64 KiB, Win32 tasks", "MiB/s", overlapped, "Socket pair",
          socket, true, 0.9));
    }
    if (score.containsKey("DispatchBench:queue")) {
      rows.add(Row.ratio("3", "messages dispatched while blocked in recv", "msg/s", score.get("DispatchBench:wsemu"),
          "LinkedBlockingQueue hand-off", score.get("DispatchBench:queue"), true, 0.5));
    }
    if (score.containsKey("SwitchBench:park")) {
      rows.add(Row.ratio("8", "Win16 task switches (Yield)", "/s", score.get("SwitchBench:win16"),
          "park/unpark hand-off", score.get("SwitchBench:park"), true, 0.5));
    }
    if (score.containsKey("LookupBench:async")) {
      double async = score.get("LookupBench:async");
      rows.add(Row.absolute("9", "WSAAsyncGetHostByName + reply", "/s", async, "gethostbyname",
          score.get("LookupBench:sync"), ">= 100,000 /s", async >= 100_000));
    }
    return rows;
  }
}
