package org.wsemu.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Golden traces: a test compares the trace of a deterministic run with a file it keeps, one event
 * per line, and a mismatch shows which events are missing, extra or changed, with a few events
 * around them.
 *
 * <pre>{@code
 * TraceRecorder recorder = new TraceRecorder(); // the emulator's trace sink; run a Win16 program
 * Goldens.assertMatchesGolden(recorder, "echo-session");
 * }</pre>
 *
 * <p>The file is {@code src/test/resources/goldens/<name>.trace} under the working directory (the
 * project's directory when Maven or Gradle runs the tests), or under the directory the system
 * property {@code wsemu.goldens.dir} names. Run the tests with {@code -Dwsemu.updateGoldens=true}
 * to write the files from the runs instead (the assertion then passes and prints which file it
 * wrote); review them as any other change. The rendering of an event is its
 * {@link TraceFormat#line} without the {@code seq} number, which a filter would shift.
 *
 * <p>Only a deterministic run (Win16 mode, simulated network or no network) gives the same trace
 * every time. Stateless and thread-safe.
 */
public final class Goldens {
  /** The system property that makes {@link #assertMatchesGolden} write the file. */
  public static final String UPDATE_PROPERTY = "wsemu.updateGoldens";
  /** The system property naming the directory of the golden files. */
  public static final String DIR_PROPERTY = "wsemu.goldens.dir";

  private Goldens() {}

  /**
   * Compares the recorder's events, through {@link GoldenFilter#defaults()}, with the golden file {@code name}.
   *
   * @throws AssertionError also if the recorder dropped events (it holds only the end of the run)
   */
  public static void assertMatchesGolden(TraceRecorder recorder, String name) {
    assertMatchesGolden(recorder, name, GoldenFilter.defaults());
  }

  /**
   * Compares the recorder's events, through {@code filter}, with the golden file {@code name}.
   *
   * @throws AssertionError also if the recorder dropped events (it holds only the end of the run)
   */
  public static void assertMatchesGolden(TraceRecorder recorder, String name, GoldenFilter filter) {
    assertMatchesGolden(whole(recorder), name, filter);
  }

  /** The recorder's events, if it holds all it received. */
  static List<TraceEvent> whole(TraceRecorder recorder) {
    List<TraceEvent> events = recorder.events();
    long dropped = recorder.dropped();
    if (dropped > 0) {
      throw new AssertionError("the recorder dropped the first " + dropped + " event" + (dropped == 1 ? "" : "s")
          + " of the run and holds only its last " + events.size()
          + "; record the run with a new TraceRecorder(capacity) large enough for all of them");
    }
    return events;
  }

  /**
   * Compares the events that pass {@code filter} with the golden file {@code name}.
   *
   * @throws AssertionError if they differ, or if the file does not exist (and the update property is not set)
   * @throws IllegalArgumentException if {@code name} is not a plain file name ({@code [A-Za-z0-9._-]+}, no {@code ..})
   */
  public static void assertMatchesGolden(List<TraceEvent> events, String name, GoldenFilter filter) {
    check(events, file(name), filter, Boolean.getBoolean(UPDATE_PROPERTY));
  }

  /** Compares with (or, when {@code update}, writes) the golden file {@code file}. */
  static void check(List<TraceEvent> events, Path file, GoldenFilter filter, boolean update) {
    Objects.requireNonNull(filter, "filter");
    String actual = render(events.stream().filter(filter).toList());
    if (update) {
      write(file, actual);
      System.err.println("wsemu: wrote golden trace " + file.toAbsolutePath() + " (" + UPDATE_PROPERTY + "=true)");
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no golden trace " + file + "; run with -D" + UPDATE_PROPERTY + "=true to write it");
    }
    String expected = read(file);
    if (!expected.equals(actual)) {
      throw new AssertionError("the trace differs from the golden trace " + file + " (run with -D" + UPDATE_PROPERTY
          + "=true to rewrite it):\n" + TraceDiff.describe(expected.lines().toList(), actual.lines().toList()));
    }
  }

  /** The path of the golden file {@code name}. */
  public static Path file(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9._-]+") || name.contains("..")) {
      throw new IllegalArgumentException("a golden trace name is a plain file name ([A-Za-z0-9._-]+, no '..'): " + name);
    }
    return Path.of(System.getProperty(DIR_PROPERTY, "src/test/resources/goldens")).resolve(name + ".trace");
  }

  /** The golden rendering: each event's {@link TraceFormat#line} without its {@code seq}, one per line. */
  public static String render(List<TraceEvent> events) {
    StringBuilder sb = new StringBuilder();
    for (TraceEvent event : events) {
      String line = TraceFormat.line(event);
      sb.append(line, line.indexOf(' ') + 1, line.length()).append('\n');
    }
    return sb.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the golden trace " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the golden trace " + file, e);
    }
  }
}
