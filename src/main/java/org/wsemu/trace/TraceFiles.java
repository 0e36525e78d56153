package org.wsemu.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading and writing traces as files: the text format of {@link TraceFormat} (with or without
 * the sequence number, so golden traces too) and JSON Lines, one event per line, for tools.
 *
 * <p>Stateless and thread-safe.
 */
public final class TraceFiles {
  private TraceFiles() {}

  /** Reads a trace file in either format (told apart by its first non-blank character). */
  public static List<TraceEvent> read(Path file) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Writes {@code events} as JSON Lines to {@code file}. */
  public static void writeJsonLines(List<TraceEvent> events, Path file) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
