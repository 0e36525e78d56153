package org.wsemu.trace;

/**
 * Receives trace events.
 *
 * <p>Threading: {@link #accept(TraceEvent)} is called one event at a time and in {@code seq} order:
 * the emulator serialises delivery. It is called on a thread that holds none of the emulator's
 * task locks (so not the Win16 scheduler's), not the simulated network's lock, and no monitor of
 * an asynchronous selection or lookup: the thread that emitted the event (a task thread, the timer
 * thread, or any thread that posted a message) when it held none of them, or else the first such
 * thread to emit or release one of them afterwards, which may be another. It may be called holding
 * a Winsock socket's monitor or a simulated peer's. An event's {@code seq} and {@code time} are
 * those of its emission, whenever it is delivered.
 *
 * <p>A sink may call back into the emulator on its own thread (read its state, call the network,
 * emit events of its own, which reach every sink after the event it was given, once it returns).
 * It must not wait for another thread that uses the emulator: that thread may be waiting for the
 * delivery under way. It should be quick: delivery waits for it. What it throws goes to the
 * delivering thread. See {@code docs/scheduling.md}, section "Locking".
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
