package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;

/**
 * The SLF4J sink, when the builder asks for it, writes the stable line of every event to
 * org.wsemu.trace at DEBUG, and costs nothing when that is off.
 */
class Slf4jTraceSinkTest {
  private final Logger category = (Logger) LoggerFactory.getLogger(Slf4jTraceSink.CATEGORY);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previous;

  @BeforeEach
  void capture() {
    previous = category.getLevel();
    appender.start();
    category.addAppender(appender);
  }

  @AfterEach
  void release() {
    category.detachAppender(appender);
    category.setLevel(previous);
  }

  @Test
  @Timeout(10)
  void everyEventIsLoggedAsItsStableLineAtDebug() throws Exception {
    category.setLevel(Level.DEBUG);
    TraceRecorder recorder = new TraceRecorder();
    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).slf4jTrace(true).traceSink(recorder).build()) {
      Emus.run(emu, () -> emu.user().GetTickCount());
    }
    List<String> logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(recorder.render().lines().toList(), logged);
    assertTrue(appender.list.stream().allMatch(e -> e.getLevel() == Level.DEBUG));
  }

  @Test
  void aDisabledCategoryDisablesTheSink() {
    category.setLevel(Level.INFO);
    Slf4jTraceSink sink = new Slf4jTraceSink();
    assertFalse(sink.isEnabled());
    Trace trace = new Trace(() -> 0);
    trace.addSink(sink);
    assertFalse(trace.enabled());
    category.setLevel(Level.DEBUG);
    assertTrue(trace.enabled());
  }
}
