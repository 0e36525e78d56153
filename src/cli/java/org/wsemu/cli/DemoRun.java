package org.wsemu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceRecorder;

/**
 * One run of {@code wsemu demo}: the recorder that keeps its trace (bounded: the last
 * {@link #CAP} events), and what is shown of it afterwards: the readable trace, the Mermaid text,
 * the JSON Lines file, the HTML diagram (whose absolute path is the last line printed).
 *
 * <p>Not thread-safe: the main thread runs and shows; the recorder itself takes events from any
 * thread.
 */
final class DemoRun {
  /** How many events of a run the command keeps in memory, the latest ones. */
  static final int CAP = 100_000;
  /** {@link #CAP} as the help prints it. */
  static final String CAP_TEXT = "100,000";

  /** What to show after the run. */
  record Outputs(boolean trace, boolean mermaid, Path diagram, Path jsonl) {}

  private final TraceView view;
  private final TraceRecorder recorder = new TraceRecorder();

  DemoRun(TraceView view) {
    this.view = view;
  }

  /** The recorder of the run's trace. */
  TraceRecorder recorder() {
    return recorder;
  }

  /** Runs {@code demo} (see {@link Demonstrations#run}), its events to the recorder and {@code meter}. */
  boolean run(Demonstration demo, SchedulingMode mode, PrintWriter out, Progress meter) throws Exception {
    return Demonstrations.run(demo, mode, DemoCommand.both(recorder, meter), out);
  }

  /**
   * Prints and writes what {@code outputs} asks for, in this order: the trace, the Mermaid text,
   * the JSON Lines file's path, the diagram's path.
   *
   * @return 0, or 2 when a file cannot be written (said in one line on {@code err})
   */
  int show(PrintWriter out, PrintWriter err, Outputs outputs, String title) {
    List<TraceEvent> events = recorder.events();
    if (outputs.trace()) {
      out.print(view.text(events));
    }
    if (outputs.mermaid()) {
      out.print(view.mermaid(events));
    }
    Path file = null;
    try {
      if (outputs.jsonl() != null) {
        file = outputs.jsonl().toAbsolutePath().normalize();
        prepare(file);
        TraceFiles.writeJsonLines(events, file);
        out.printf("trace: %s (%d events)%n", file, events.size());
      }
      if (outputs.diagram() != null) {
        file = outputs.diagram().toAbsolutePath().normalize();
        write(file, view.html(events, title));
        out.println("diagram: " + file);
      }
    } catch (IOException e) {
      out.flush();
      err.println("wsemu demo: cannot write " + file + ": " + reason(e));
      err.flush();
      return 2;
    }
    return 0;
  }

  /** Writes {@code text} to {@code file}, creating its directory. */
  static void write(Path file, String text) throws IOException {
    prepare(file);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Creates the directory of {@code file}; refuses a directory. */
  private static void prepare(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.isDirectory(file)) {
      throw new IOException("it is a directory");
    }
  }

  /** Why a file could not be written, in a few words. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fse) {
      String why = fse.getReason() != null ? fse.getReason()
          : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
      return fse.getFile() != null && fse.getOtherFile() == null ? why + " (" + fse.getFile() + ")" : why;
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
