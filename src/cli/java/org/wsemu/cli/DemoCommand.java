package org.wsemu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.wsemu.Emulator;
import org.wsemu.samples.MessageLoopDemo;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wsemu demo}: lists the demonstrations of the catalogue ({@link Demonstrations}) or runs
 * one on the simulated network and prints what its program printed; then, as asked, its readable
 * trace, its sequence diagram as Mermaid text or as an HTML page, and the trace as JSON Lines.
 * Without a name it runs the message-loop sample as it always has. Exit code 0 when the run showed
 * its rule, 1 when not, 2 for a usage error (an unknown name comes with the nearest names).
 *
 * <p>A run longer than a second shows its progress on standard error ({@link Progress}).
 *
 * <p>Not thread-safe; picocli calls it once on the main thread.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Run a demonstration of a reentrancy rule (samples/java/org/wsemu/samples/demos/) on the simulated network:"
            + " its program's output, then as asked its trace, its sequence diagram and the trace as JSON Lines."
            + " Exit code 0 when the run showed the rule, 1 when not, 2 for a usage error.",
        "Without NAME: the message-loop sample (samples/java/org/wsemu/samples/MessageLoopDemo.java).",
        "A run longer than a second shows its progress on standard error. The trace is held in memory up to the"
            + " last " + DemoRun.CAP_TEXT + " events; earlier ones are dropped (and counted)."})
final class DemoCommand implements Callable<Integer> {
  /** How many names an unknown one is answered with. */
  static final int SUGGESTIONS = 3;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
      description = "The demonstration to run (wsemu demo --list names them).")
  String name;

  @Option(names = "--list", description = "List every demonstration with its rule, grouped as the catalogue is.")
  boolean list;

  @Option(names = "--mode", defaultValue = "WIN16",
      description = "WIN16 (cooperative, virtual time, deterministic) or WIN32 (preemptive, real time). Default: ${DEFAULT-VALUE}.")
  SchedulingMode mode;

  @Option(names = "--trace", description = "Print the trace after the run: repeated polling collapsed (--all: every event).")
  boolean trace;

  @Option(names = "--mermaid", description = "Print the run's sequence diagram as Mermaid text.")
  boolean mermaid;

  @Option(names = "--diagram", paramLabel = "FILE",
      description = "Write the run's sequence diagram to FILE as an HTML page (inline SVG, nothing to download).")
  Path diagram;

  @Option(names = "--jsonl", paramLabel = "FILE",
      description = "Write every event of the run to FILE as JSON Lines, one a line, as it comes (no cap).")
  Path jsonl;

  @Mixin
  TraceView view;

  @Spec
  CommandSpec spec;

  /** How many events the trace keeps in memory, the latest ones: {@link DemoRun#CAP}; tests make it smaller. */
  int cap = DemoRun.CAP;

  /** Makes the progress meter of a run: what it is called, standard error. Tests put their own clock in. */
  BiFunction<String, PrintWriter, Progress> progress = Progress::started;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      if (name != null) {
        throw new ParameterException(spec.commandLine(), "--list lists every demonstration: give it no NAME");
      }
      out.print(DemoList.text());
      out.flush();
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    Demonstration demo = name == null ? null : Demonstrations.find(name).orElseThrow(() -> unknown(name));
    for (Path file : new Path[] {diagram, jsonl}) {
      if (file != null && Files.isDirectory(file)) {           // before the run, not after it
        throw new ParameterException(spec.commandLine(), "cannot write " + file.toAbsolutePath().normalize() + ": it is a directory");
      }
    }
    DemoRun run = new DemoRun(view, cap);
    if (jsonl != null) {
      Path file = jsonl.toAbsolutePath().normalize();
      try {
        run.writeJsonLines(file);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot write " + file + ": " + DemoRun.reason(e));
      }
    }
    boolean shown;
    String title = demo == null ? "message-loop sample" : demo.name() + ": " + demo.rule();
    try {
      if (demo == null) {
        shown = runMessageLoopSample(out, run);
      } else {
        out.printf("wsemu demo %s (%s): %s%n", demo.name(), mode, demo.rule());
        try (Progress meter = progress.apply("wsemu demo " + demo.name(), err)) {
          shown = run.run(demo, mode, out, meter);
        }
        out.println(shown ? "the rule was shown" : "the rule was not shown (exit code 1)");
      }
    } catch (Exception e) {
      out.flush();
      err.println("wsemu demo" + (name == null ? "" : " " + name) + ": the program failed: " + e);
      shown = false;
    }
    int written = run.show(out, err, new DemoRun.Outputs(trace, mermaid, diagram), title);
    out.flush();
    return written != 0 ? written : shown ? 0 : 1;
  }

  /** {@code wsemu demo} without a name: the message-loop sample with its own first and last lines. */
  private boolean runMessageLoopSample(PrintWriter out, DemoRun run) throws InterruptedException {
    out.printf("wsemu demo: two applications, %s scheduling, %s clock%n", mode,
        mode == SchedulingMode.WIN16 ? "virtual" : "real");
    int ticks;
    try (Progress meter = progress.apply("wsemu demo", spec.commandLine().getErr());
        Emulator emu = Emulator.builder().name("demo").mode(mode).traceSink(run.sink(meter)).build()) {
      ticks = MessageLoopDemo.run(emu, out);
    }
    out.printf("clock quit after %d ticks; %d trace events%n", ticks, run.recorder().received());
    return ticks == 5;
  }

  /** A sink that passes each event to {@code first}, then to {@code second}. */
  static TraceSink both(TraceSink first, TraceSink second) {
    return event -> {
      first.accept(event);
      second.accept(event);
    };
  }

  /** The usage error for a name the catalogue does not have, with the nearest names. */
  private ParameterException unknown(String wanted) {
    List<String> nearest = Demonstrations.nearest(wanted, SUGGESTIONS);
    String suggestions = nearest.isEmpty() ? "" : "; did you mean: " + String.join(", ", nearest) + "?";
    return new ParameterException(spec.commandLine(), "unknown demonstration '" + wanted + "'" + suggestions
        + " (wsemu demo --list shows them all)");
  }
}
