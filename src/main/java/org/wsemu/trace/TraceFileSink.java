package org.wsemu.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wsemu.internal.GuardedBy;

/**
 * A sink that writes each event to a file as it comes, as JSON Lines or as the text of
 * {@link TraceFormat}, so that a long run can be traced whole without holding it in memory.
 *
 * <pre>{@code
 * import java.nio.file.Path;
 *
 * try (TraceFileSink file = TraceFileSink.jsonLines(Path.of("run.jsonl"))) {
 *   try (Emulator emu = Emulator.builder().traceSink(file).build()) {
 *     ...
 *   }
 * } // closed after the emulator: every event of the run is in the file
 * }</pre>
 *
 * <p>The file is replaced when the sink is created. Writes are buffered; {@link #flush()} pushes
 * them to the file, {@link #close()} too and closes it. Close the sink after the emulator, which
 * delivers every event before its {@code close()} returns; events that arrive after the sink is
 * closed are not written. A sink never throws at the emulator: when a write fails, the sink stops
 * writing ({@link #isEnabled()} turns false) and {@link #flush()} and {@link #close()} throw that
 * failure.
 *
 * <p>Thread-safe: the emulator delivers events one at a time; {@link #flush()} and
 * {@link #close()} may come from any thread.
 */
public final class TraceFileSink implements TraceSink, Closeable {
  private final Path file;
  private final Function<TraceEvent, String> format;
  private final Predicate<TraceEvent> filter;
  @GuardedBy("this") private final Writer out;
  @GuardedBy("this") private long written;
  @GuardedBy("this") private boolean closed;
  @GuardedBy("this") private IOException failure;
  private volatile boolean writing = true; // false once closed or failed

  /** A sink writing to {@code out}, named {@code file} (tests give a writer that fails). */
  TraceFileSink(Path file, Writer out, Function<TraceEvent, String> format, Predicate<TraceEvent> filter) {
    this.file = Objects.requireNonNull(file, "file");
    this.out = Objects.requireNonNull(out, "out");
    this.format = format;
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  private static Writer open(Path file, Predicate<TraceEvent> filter) throws IOException {
    Objects.requireNonNull(filter, "filter");
    return Files.newBufferedWriter(Objects.requireNonNull(file, "file"), StandardCharsets.UTF_8);
  }

  /** A sink writing every event to {@code file} as JSON Lines ({@link TraceFiles#jsonLine}). */
  public static TraceFileSink jsonLines(Path file) throws IOException {
    return jsonLines(file, GoldenFilter.all());
  }

  /** A sink writing the events that pass {@code filter} to {@code file} as JSON Lines. */
  public static TraceFileSink jsonLines(Path file, Predicate<TraceEvent> filter) throws IOException {
    return new TraceFileSink(file, open(file, filter), TraceJson::write, filter);
  }

  /** A sink writing every event to {@code file} as {@link TraceFormat#line} text. */
  public static TraceFileSink text(Path file) throws IOException {
    return text(file, GoldenFilter.all());
  }

  /** A sink writing the events that pass {@code filter} to {@code file} as {@link TraceFormat#line} text. */
  public static TraceFileSink text(Path file, Predicate<TraceEvent> filter) throws IOException {
    return new TraceFileSink(file, open(file, filter), TraceFormat::line, filter);
  }

  @Override
  public synchronized void accept(TraceEvent event) {
    if (!writing || !filter.test(event)) {
      return;
    }
    try {
      out.write(format.apply(event));
      out.write('\n');
      written++;
    } catch (IOException e) {
      failure = e;
      writing = false;
    }
  }

  /** False once the sink is closed or a write failed: the emulator then builds no event for it. */
  @Override
  public boolean isEnabled() {
    return writing;
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** How many events were written so far. */
  public synchronized long written() {
    return written;
  }

  /**
   * Pushes the buffered events to the file.
   *
   * @throws IOException the write that failed, if one did
   */
  public synchronized void flush() throws IOException {
    rethrow();
    if (!closed) {
      out.flush();
    }
  }

  /**
   * Writes what is buffered and closes the file; later events are not written. Closing again does
   * nothing.
   *
   * @throws IOException the write that failed, if one did (the file is closed all the same)
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    writing = false;
    try {
      out.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
    rethrow();
  }

  private void rethrow() throws IOException {
    if (failure != null) {
      throw new IOException("writing the trace to " + file + " failed", failure);
    }
  }
}
