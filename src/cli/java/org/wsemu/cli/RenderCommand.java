package org.wsemu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wsemu render TRACE}: the sequence diagram of a trace file (the text of
 * {@code wsemu demo --trace} or of a client's {@code --trace}, a golden trace, or JSON Lines), as
 * Mermaid text or as an HTML page, to a file or to standard output. A file that is missing or has
 * a line that is not a trace event is a usage error (exit code 2) told in one line, with the line
 * number.
 *
 * <p>Not thread-safe; picocli calls it once on the main thread.
 */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Draw the sequence diagram of a trace file: the text of --trace, a golden trace"
            + " (src/test/resources/goldens/*.trace) or JSON Lines (wsemu demo --jsonl).",
        "Without --format: html when FILE ends with .html or .htm, else mermaid."})
final class RenderCommand implements Callable<Integer> {
  /** What {@code --format} can be. */
  enum Format { MERMAID, HTML }

  @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file.")
  Path trace;

  @Option(names = "--format", paramLabel = "mermaid|html",
      description = "mermaid (text for Markdown) or html (a page with inline SVG, nothing to download).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the diagram; - or none: standard output.")
  String output;

  @Option(names = "--title", description = "The HTML page's title. Default: the trace file's name.")
  String title;

  @Mixin
  TraceView view;

  @Spec
  CommandSpec spec;

  /** Makes the progress meter: what it is called, standard error. Tests put their own clock in. */
  BiFunction<String, PrintWriter, Progress> progress = Progress::started;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean toFile = output != null && !output.equals("-");
    Format chosen = format != null ? format : toFile && isHtml(output) ? Format.HTML : Format.MERMAID;
    String text;
    try (Progress meter = progress.apply("wsemu render " + trace, spec.commandLine().getErr())) {
      List<TraceEvent> events = read();
      events.forEach(meter::accept);
      text = chosen == Format.HTML
          ? view.html(events, title != null ? title : String.valueOf(trace.getFileName()))
          : view.mermaid(events);
    }
    if (!toFile) {
      out.print(text);
      out.flush();
      return 0;
    }
    Path file = Path.of(output).toAbsolutePath().normalize();
    try {
      DemoRun.write(file, text);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot write " + file + ": " + DemoRun.reason(e));
    }
    out.println("diagram: " + file);
    out.flush();
    return 0;
  }

  private static boolean isHtml(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    return lower.endsWith(".html") || lower.endsWith(".htm");
  }

  /** The trace file's events; a usage error when it is missing or not a trace. */
  private List<TraceEvent> read() {
    if (!Files.exists(trace)) {
      throw new ParameterException(spec.commandLine(), "no such trace file: " + trace.toAbsolutePath().normalize());
    }
    if (!Files.isRegularFile(trace)) {
      throw new ParameterException(spec.commandLine(), "not a trace file: " + trace.toAbsolutePath().normalize());
    }
    try {
      return TraceFiles.read(trace);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read " + trace + ": " + DemoRun.reason(e));
    } catch (IllegalArgumentException e) {                  // names the file and the line
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
