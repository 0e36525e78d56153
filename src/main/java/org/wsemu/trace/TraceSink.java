package org.wsemu.trace;

/**
 * Receives trace events.
 *
 * <p>Threading: {@link #accept(TraceEvent)} is called on the thread that emitted the event (a task
 * thread, the timer thread, or any thread that posted a message), one event at a time and in
 * {@code seq} order: the emulator serialises delivery. Implementations must be quick and must not
 * call back into the emulator.
 */
@FunctionalInterface
public interface TraceSink {

  /** Receives one event. */
  void accept(TraceEvent event);

  /**
   * Whether this sink wants events at the moment. When no sink does, the emulator skips building
   * events altogether; the SLF4J sink uses this to cost nothing while its logger is disabled.
   */
  default boolean isEnabled() {
    return true;
  }
}
