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
import org.wsemu.trace.TraceFileSink;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.trace.TraceSink;

/**
 * One run of {@code wsemu demo}: where its trace goes and what is shown of it afterwards. The
 * recorder keeps the latest {@link #CAP} events in memory, for the readable trace and the
 * diagrams; with {@code --jsonl} every event is also written to the file as it comes, so that a
 * long run is traced whole in bounded memory. After the run: the readable trace, the Mermaid
 * text, the JSON Lines file's path, the HTML diagram's path (the last line printed).
 *
 * <p>Not thread-safe: the main thread opens, runs and shows; the sinks themselves take events
 * from any thread.
 */
final class DemoRun {
  /** How many events of a run the command keeps in memory, the latest ones. */
  static final int CAP = TraceRecorder.DEFAULT_CAPACITY;
  /** {@link #CAP} as the help prints it (a test checks they agree). */
  static final String CAP_TEXT = "100,000";

  /** What to show after the run. */
  record Outputs(boolean trace, boolean mermaid, Path diagram) {}

  private final TraceView view;
  private final TraceRecorder recorder;
  private TraceFileSink jsonl;

  /** A run whose recorder keeps the latest {@code cap} events ({@link #CAP} but in tests). */
  DemoRun(TraceView view, int cap) {
    this.view = view;
    this.recorder = new TraceRecorder(cap);
  }

  /**
   * Writes every event of the run to {@code file} as JSON Lines, as it comes (call before the run).
   *
   * @throws IOException if the file cannot be created
   */
  void writeJsonLines(Path file) throws IOException {
    prepare(file);
    jsonl = TraceFileSink.jsonLines(file);
  }

  /** Where the run's events go: the recorder, {@code meter}, and the JSON Lines file if there is one. */
  TraceSink sink(Progress meter) {
    TraceSink both = DemoCommand.both(recorder, meter);
    return jsonl == null ? both : DemoCommand.both(both, jsonl);
  }

  /** The recorder of the run's trace. */
  TraceRecorder recorder() {
    return recorder;
  }

  /** Runs {@code demo} (see {@link Demonstrations#run}), its events to {@link #sink}. */
  boolean run(Demonstration demo, SchedulingMode mode, PrintWriter out, Progress meter) throws Exception {
    return Demonstrations.run(demo, mode, sink(meter), out);
  }

  /**
   * Prints and writes what {@code outputs} asks for, in this order: the trace (after a line that
   * says how many events the cap dropped, if any), the Mermaid text, the JSON Lines file's path,
   * the diagram's path.
   *
   * @return 0, or 2 when a file cannot be written (said in one line on {@code err})
   */
  int show(PrintWriter out, PrintWriter err, Outputs outputs, String title) {
    List<TraceEvent> events = recorder.events();
    if (outputs.trace()) {
      if (recorder.dropped() > 0) {
        out.printf(Locale.ROOT, "# %,d earlier events dropped (the trace keeps the latest %,d; --jsonl FILE writes them all)%n",
            recorder.dropped(), recorder.capacity());
      }
      out.print(view.text(events));
    }
    if (outputs.mermaid()) {
      out.print(view.mermaid(events));
    }
    Path file = null;
    try {
      if (jsonl != null) {
        file = jsonl.file();
        jsonl.close();
        out.printf("trace: %s (%d events)%n", file, jsonl.written());
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
  static void prepare(Path file) throws IOException {
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
