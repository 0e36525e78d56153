package org.wsemu.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;

/**
 * Writes a failing schedule's trace ({@code NAME.txt}, {@code NAME.jsonl}) and sequence diagram
 * ({@code NAME.html}) into the output directory. Stateless.
 */
final class FailureFiles {
  private FailureFiles() {}

  /** The paths written. */
  record Written(Path trace, Path diagram) {}

  /**
   * Writes the files, creating the directory if needed.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  static Written write(Path directory, String name, String title, List<TraceEvent> trace) {
    try {
      Files.createDirectories(directory);
      Path text = directory.resolve(name + ".txt");
      TraceFiles.writeText(trace, text);
      TraceFiles.writeJsonLines(trace, directory.resolve(name + ".jsonl"));
      Path html = directory.resolve(name + ".html");
      Files.writeString(html, SequenceDiagram.html(trace, title), StandardCharsets.UTF_8);
      return new Written(text, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the failing schedule's files into " + directory, e);
    }
  }
}
