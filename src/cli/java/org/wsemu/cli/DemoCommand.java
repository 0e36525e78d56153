package org.wsemu.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wsemu.Emulator;
import org.wsemu.samples.MessageLoopDemo;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wsemu demo}: runs the message-loop sample (two Win16 applications, timers, typing,
 * inter-task SendMessage) and prints what happened; with {@code --trace}, the full trace.
 *
 * <p>Not thread-safe; picocli calls it once on the main thread.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run the message-loop demonstration (samples/java/org/wsemu/samples/MessageLoopDemo.java).")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--mode", defaultValue = "WIN16",
      description = "WIN16 (cooperative, virtual time, deterministic) or WIN32 (preemptive, real time). Default: ${DEFAULT-VALUE}.")
  SchedulingMode mode;

  @Option(names = "--trace", description = "Print every trace event after the run.")
  boolean trace;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    TraceRecorder recorder = new TraceRecorder();
    out.printf("wsemu demo: two applications, %s scheduling, %s clock%n", mode,
        mode == SchedulingMode.WIN16 ? "virtual" : "real");
    int ticks;
    try (Emulator emu = Emulator.builder().name("demo").mode(mode).traceSink(recorder).build()) {
      ticks = MessageLoopDemo.run(emu, out);
    }
    out.printf("clock quit after %d ticks; %d trace events%n", ticks, recorder.events().size());
    if (trace) {
      out.print(recorder.render());
    }
    out.flush();
    return ticks == 5 ? 0 : 1;
  }
}
