package org.wsemu.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reading and writing traces as files: the text format of {@link TraceFormat} (with or without
 * the sequence number, so golden traces too) and JSON Lines, one event per line, for tools.
 *
 * <pre>{@code
 * import java.nio.file.Path;
 * import java.util.List;
 *
 * TraceRecorder recorder = new TraceRecorder(); // the emulator's trace sink; run, close
 * TraceFiles.writeJsonLines(recorder.events(), Path.of("run.jsonl"));
 * List<TraceEvent> again = TraceFiles.read(Path.of("run.jsonl"));
 * }</pre>
 *
 * <p>Reading takes either format, line by line: a line starting with <code>'&#123;'</code> is a JSON object,
 * one starting with {@code t=} a golden line (numbered by its place among the events, from 1),
 * one starting with digits a {@link TraceFormat#line}. Blank lines and lines starting with
 * {@code '#'} are skipped. From JSON, field values keep their type (numbers, booleans, null,
 * strings); from text, every value is the string the line shows, and a value holding
 * {@code " key="} or a line break cannot be read back as it was (see docs/trace-schema.md, "Trace
 * files"), but for the free text of an {@code EXCEPTION} and a {@code ROUTINE}: keep a trace for
 * tools as JSON Lines.
 *
 * <p>Files are UTF-8, each line ends with {@code '\n'}. Stateless and thread-safe.
 */
public final class TraceFiles {
  private TraceFiles() {}

  /**
   * Reads a trace file in either format.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and the line, if a line is not a trace event
   */
  public static List<TraceEvent> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    try {
      return parse(lines);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " " + e.getMessage(), e);
    }
  }

  /**
   * Reads trace lines in either format (see the class comment).
   *
   * @throws IllegalArgumentException naming the line ({@code "line 7: ..."}), if one is not a trace event
   */
  public static List<TraceEvent> parse(List<String> lines) {
    List<TraceEvent> events = new ArrayList<>(lines.size());
    int number = 0;
    for (String line : lines) {
      number++;
      String text = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      try {
        events.add(text.stripLeading().startsWith("{") ? TraceJson.read(text) : TraceText.read(text, events.size() + 1));
      } catch (IllegalArgumentException e) {
        String hint = text.strip().startsWith("...") ? " (a collapsed run of TraceFormat.readable cannot be read back)" : "";
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage() + hint, e);
      }
    }
    return events;
  }

  /** One event as one JSON object, without a line terminator (schema in docs/trace-schema.md, "Trace files"). */
  public static String jsonLine(TraceEvent event) {
    return TraceJson.write(event);
  }

  /** Writes {@code events} as JSON Lines to {@code file}, replacing it. */
  public static void writeJsonLines(List<TraceEvent> events, Path file) throws IOException {
    write(events, file, true);
  }

  /** Writes {@code events} as {@link TraceFormat#line} text to {@code file}, one per line, replacing it. */
  public static void writeText(List<TraceEvent> events, Path file) throws IOException {
    write(events, file, false);
  }

  private static void write(List<TraceEvent> events, Path file, boolean json) throws IOException {
    Objects.requireNonNull(events, "events");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (TraceEvent event : events) {
        out.write(json ? TraceJson.write(event) : TraceFormat.line(event));
        out.write('\n');
      }
    }
  }
}
