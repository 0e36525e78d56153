package org.wsemu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.ScheduleFailure;
import org.wsemu.explore.ScheduleRun;
import org.wsemu.explore.ScheduledProgram;
import org.wsemu.explore.Strategy;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code wsemu explore}: runs a program under many schedules ({@link Explorer}) and reports the
 * first that fails, with its seed, its replay key, the key of its shrunk choices and the files of
 * its trace and sequence diagram; or, with {@code --replay KEY}, runs that one schedule again and
 * prints (or writes) its trace. The program is a demonstration of the catalogue, by name, or a
 * class implementing {@link ScheduledProgram} ({@link ProgramTarget}).
 *
 * <p>Exit code 0 when no schedule failed (the replayed one passed), 1 when one failed, 2 for a
 * usage error or files that cannot be written. The exploration's progress goes to standard error ({@link ExploreProgress}).
 *
 * <p>Not thread-safe; picocli calls it once on the main thread.
 */
@Command(name = "explore", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Run a program under many schedules of its Win16 tasks, network delays and timers, and report the first"
            + " schedule that fails: its seed, its replay key, the key of its shrunk choices and the files of its trace"
            + " and sequence diagram. Exit code 0 when no schedule failed, 1 when one did, 2 for a usage error.",
        "DEMO is a demonstration's name (wsemu demo --list); a schedule fails when it does not show its rule."
            + " CLASS is the fully qualified name of a class on the class path that implements"
            + " org.wsemu.explore.ScheduledProgram, with a public no-argument constructor: each schedule gets an"
            + " instance of its own.",
        "With --replay KEY: run that one schedule, print its trace (or write it to --output), exit 1 if it fails."})
final class ExploreCommand implements Callable<Integer> {
  /** Where the files of a failure go without {@code --output}: under the working directory. */
  static final String DEFAULT_OUTPUT = "wsemu-explore";

  @Parameters(index = "0", paramLabel = "DEMO|CLASS",
      description = "A demonstration's name, or the fully qualified name of a ScheduledProgram class.")
  String target;

  @Option(names = "--schedules", paramLabel = "N", defaultValue = "1000",
      description = "How many schedules to run at most. Default: ${DEFAULT-VALUE}.")
  int schedules;

  @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "random-walk", converter = StrategyName.class,
      description = "random-walk, pct or exhaustive. Default: ${DEFAULT-VALUE}.")
  Strategy strategy;

  @Option(names = "--depth", paramLabel = "D", defaultValue = "3",
      description = "PCT's bug depth: how many ordering constraints a bug needs. Default: ${DEFAULT-VALUE}.")
  int depth;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The base seed: schedule i uses seed S + i. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--jobs", paramLabel = "J",
      description = "How many schedules run at once (exhaustive: one). Default: the number of processors.")
  Integer jobs;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Where the failing schedule's trace (text and JSON Lines) and diagram go; with --replay, where the"
          + " replayed trace goes instead of standard output. Default for a failure: " + DEFAULT_OUTPUT + "/NAME.")
  Path output;

  @Option(names = "--replay", paramLabel = "KEY|SEED",
      description = "Run only the schedule of this replay key, or of this seed with --strategy and --depth (as a failure"
          + " prints them).")
  String replay;

  @Option(names = "--no-shrink", description = "Report the failing schedule as found, without shrinking its choices.")
  boolean noShrink;

  @Spec
  CommandSpec spec;

  /** Makes the progress line: what it is called, standard error. Tests put their own clock in. */
  BiFunction<String, PrintWriter, ExploreProgress> progress = (what, err) -> new ExploreProgress(what, err, System::nanoTime);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    check(schedules >= 1, "--schedules must be at least 1: " + schedules);
    check(depth >= 1, "--depth must be at least 1: " + depth);
    check(jobs == null || jobs >= 1, "--jobs must be at least 1: " + jobs);
    if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
      throw usage("--output must be a directory: " + output.toAbsolutePath().normalize() + " is a file");
    }
    ProgramTarget program = ProgramTarget.resolve(target, spec.commandLine());
    int exit = replay != null ? replay(program, out, err) : explore(program, out, err);
    out.flush();
    err.flush();
    return exit;
  }

  private int explore(ProgramTarget program, PrintWriter out, PrintWriter err) {
    Path dir = (output != null ? output : Path.of(DEFAULT_OUTPUT, program.name())).toAbsolutePath().normalize();
    int threads = strategy == Strategy.EXHAUSTIVE ? 1                   // each schedule follows from the last
        : jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "wsemu explore %s: %s, %,d schedules, seed %d%s, %d job%s%n", program.name(), name(strategy),
        schedules, seed, strategy == Strategy.PCT ? ", depth " + depth : "", threads, threads == 1 ? "" : "s");
    out.flush();
    ExplorationResult result;
    try (ExploreProgress meter = progress.apply("wsemu explore " + program.name(), err)) {
      Explorer explorer = Explorer.builder().strategy(strategy).schedules(schedules).seed(seed).depth(depth)
          .parallelism(threads).shrink(!noShrink).output(dir).progress(meter).build();
      result = explorer.explore(program.program());
    } catch (UncheckedIOException e) {                      // the failure's files
      out.flush();
      err.println("wsemu explore: " + e.getMessage() + ": " + DemoRun.reason(e.getCause()));
      return 2;
    }
    if (result.failure().isEmpty()) {
      out.printf(Locale.ROOT, "no failure in %s%s (%s, %.1f s)%n", count(result.schedulesRun(), "schedule"),
          result.exhausted() ? ", every schedule of the bounded tree" : "", count(result.distinctTraces(), "distinct trace"),
          result.elapsed().toMillis() / 1000.0);
      return 0;
    }
    ScheduleFailure failure = result.failure().get();
    out.printf(Locale.ROOT, "schedule %d failed (%s run): %s%n", failure.schedule(), count(result.schedulesRun(), "schedule"),
        failure.cause());
    out.println("seed: " + failure.seed());
    out.println("replay key: " + failure.replayKey());
    out.println("shrunk key: " + failure.shrunkReplayKey() + " (" + nonZero(failure) + " of "
        + failure.shrunkChoices().size() + " choices not the default)");
    failure.traceFile().ifPresent(f -> out.println("trace: " + f));
    failure.diagramFile().ifPresent(f -> out.println("diagram: " + f));
    out.println("replay with: wsemu explore " + target + " --replay " + failure.shrunkReplayKey());
    return 1;
  }

  /** {@code "1 schedule"}, {@code "1,200 schedules"}. */
  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static long nonZero(ScheduleFailure failure) {
    return failure.shrunkChoices().stream().filter(c -> c.chosen() != 0).count();
  }

  private int replay(ProgramTarget program, PrintWriter out, PrintWriter err) {
    ScheduleRun run;
    try {
      run = Explorer.replay(replay, strategy, depth, program.program());
    } catch (IllegalArgumentException e) {
      throw usage("not a replay key or seed: " + replay + " (" + e.getMessage() + ")");
    }
    if (output == null) {
      out.print(TraceFormat.readable(run.trace()));
    } else {
      Path dir = output.toAbsolutePath().normalize();
      try {
        for (Path file : writeReplay(dir, program.name(), run)) {
          out.println((file.toString().endsWith(".html") ? "diagram: " : "trace: ") + file);
        }
      } catch (IOException e) {
        out.flush();
        err.println("wsemu explore: cannot write to " + dir + ": " + DemoRun.reason(e));
        return 2;
      }
    }
    if (run.failure().isPresent()) {
      out.println("the schedule failed: " + run.failure().get());
      return 1;
    }
    out.println("the schedule passed");
    return 0;
  }

  /**
   * Writes the replayed run's trace to {@code dir} as {@code NAME-replay.txt} (one
   * {@link TraceFormat#line} each, as the explorer writes a failure's), {@code NAME-replay.jsonl}
   * and its sequence diagram {@code NAME-replay.html}; returns the files.
   */
  static List<Path> writeReplay(Path dir, String name, ScheduleRun run) throws IOException {
    Files.createDirectories(dir);
    Path text = dir.resolve(name + "-replay.txt");
    Path jsonl = dir.resolve(name + "-replay.jsonl");
    Path html = dir.resolve(name + "-replay.html");
    TraceFiles.writeText(run.trace(), text);
    TraceFiles.writeJsonLines(run.trace(), jsonl);
    DemoRun.write(html, SequenceDiagram.html(run.trace(), name + " replayed: " + run.replayKey()));
    return List.of(text, jsonl, html);
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw usage(message);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** {@code random-walk} for {@link Strategy#RANDOM_WALK}: how the command line writes a strategy. */
  static String name(Strategy strategy) {
    return strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads {@code random-walk}, {@code pct}, {@code exhaustive} (any case; {@code _} for {@code -} too). */
  static final class StrategyName implements ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String value) {
      for (Strategy strategy : Strategy.values()) {
        if (name(strategy).equalsIgnoreCase(value.replace('_', '-'))) {
          return strategy;
        }
      }
      throw new TypeConversionException("unknown strategy '" + value + "' (random-walk, pct or exhaustive)");
    }
  }
}
