package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.trace.TraceFilesTest.event;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming sink: JSON Lines or text written as events come, a filter, flush, close, a failed write. */
class TraceFileSinkTest {
  @TempDir Path dir;

  private static final List<TraceEvent> EVENTS = TraceAssertionsTest.nestedRecv();

  @Test
  void jsonLinesAreWrittenAsEventsComeAndReadBack() throws IOException {
    Path file = dir.resolve("run.jsonl");
    TraceFileSink sink = TraceFileSink.jsonLines(file);
    assertEquals("", Files.readString(file), "created empty, replacing what was there");
    assertEquals(file, sink.file());
    EVENTS.subList(0, 3).forEach(sink::accept);
    sink.flush();
    assertEquals(3, Files.readAllLines(file).size());
    EVENTS.subList(3, EVENTS.size()).forEach(sink::accept);
    assertEquals(EVENTS.size(), sink.written());
    assertTrue(sink.isEnabled());
    sink.close();
    assertFalse(sink.isEnabled());
    sink.accept(EVENTS.get(0)); // after close: not written
    sink.close(); // again: nothing
    sink.flush();
    assertEquals(EVENTS.size(), sink.written());
    assertEquals(EVENTS, TraceFiles.read(file));
    assertEquals(EVENTS.stream().map(e -> TraceFiles.jsonLine(e) + "\n").reduce("", String::concat), Files.readString(file));
  }

  @Test
  void textThroughAFilterKeepsWhatPasses() throws IOException {
    Path file = dir.resolve("run.trace");
    Files.writeString(file, "old content\n");
    try (TraceFileSink sink = TraceFileSink.text(file, GoldenFilter.all().kinds(TraceKind.BLOCK, TraceKind.UNBLOCK))) {
      EVENTS.forEach(sink::accept);
      assertEquals(2, sink.written());
    }
    assertEquals("""
        000002 t=000000 0001:app BLOCK recv s=1 level=1
        000008 t=000009 0001:app UNBLOCK recv s=1 ret=-1 error=WSAEINTR cancelled=true
        """, Files.readString(file));
    try (TraceFileSink sink = TraceFileSink.text(file)) {
      EVENTS.forEach(sink::accept);
    }
    assertEquals(TraceFormat.lines(EVENTS), Files.readString(file));
    assertThrows(NullPointerException.class, () -> TraceFileSink.jsonLines(dir.resolve("never"), null));
    assertFalse(Files.exists(dir.resolve("never")), "nothing created for a bad argument");
  }

  @Test
  void aFailedWriteStopsTheSinkAndSurfacesAtFlushAndClose() {
    IOException full = new IOException("No space left on device");
    Writer writer = new Writer() { // a disk that fills up at the fifth event
      private final StringBuilder sb = new StringBuilder();

      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        String text = new String(buf, off, len);
        if (text.contains("WSACancelBlockingCall")) {
          throw full;
        }
        sb.append(text);
      }

      @Override
      public void write(String text) throws IOException {
        write(text.toCharArray(), 0, text.length());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}

      @Override
      public String toString() {
        return sb.toString();
      }
    };
    Path file = dir.resolve("full.jsonl");
    TraceFileSink sink = new TraceFileSink(file, writer, TraceFormat::line, GoldenFilter.all());
    EVENTS.forEach(sink::accept); // never throws at the emulator
    assertEquals(4, sink.written(), "written before the failure");
    assertFalse(sink.isEnabled());
    IOException flushed = assertThrows(IOException.class, sink::flush);
    assertEquals("writing the trace to " + file + " failed", flushed.getMessage());
    assertSame(full, flushed.getCause());
    IOException closed = assertThrows(IOException.class, sink::close);
    assertSame(full, closed.getCause());
    assertEquals(TraceFormat.lines(EVENTS.subList(0, 4)), writer.toString());
  }
}
