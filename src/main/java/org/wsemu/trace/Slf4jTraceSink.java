package org.wsemu.trace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes trace events to SLF4J, category {@code org.wsemu.trace}, at DEBUG, one stable line per
 * event (see {@link TraceFormat}). An emulator has one when its builder is asked for it
 * ({@code Emulator.builder().slf4jTrace(true)}); it costs nothing while the category is disabled.
 *
 * <p>Thread-safe.
 */
public final class Slf4jTraceSink implements TraceSink {
  /** The logger category trace events are written to. */
  public static final String CATEGORY = "org.wsemu.trace";

  private final Logger log;

  /** A sink writing to {@link #CATEGORY}. */
  public Slf4jTraceSink() {
    this(LoggerFactory.getLogger(CATEGORY));
  }

  /** A sink writing to the given logger. */
  public Slf4jTraceSink(Logger log) {
    this.log = log;
  }

  @Override
  public boolean isEnabled() {
    return log.isDebugEnabled();
  }

  @Override
  public void accept(TraceEvent event) {
    if (log.isDebugEnabled()) {
      log.debug(TraceFormat.line(event));
    }
  }
}
