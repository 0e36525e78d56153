package org.wsemu.net;

/**
 * Where a network records what happens on it: the emulator's trace, as events of kind
 * {@link Kind#NET} or {@link Kind#FAULT} (see the simulated network's documentation for the
 * names). A field whose value is a {@link NetError} is recorded as the Windows Sockets code the
 * program would see for it.
 *
 * <p>Thread-safe. Recording takes only the trace's own locks and calls no code of the network or
 * the program while the recording thread {@link #deferDelivery() defers delivery}, so a network
 * that defers while it holds its own lock may record under it: the events reach the trace's sinks
 * after the lock is released.
 */
public interface NetworkTrace {
  /** What an event records. */
  enum Kind {
    /** Something the network did: a connection set up or refused, a packet, a peer. */
    NET,
    /** A fault: one set up, or one acting. */
    FAULT
  }

  /** Whether anyone records events now; when not, building an event is wasted work. */
  boolean enabled();

  /**
   * Records one event.
   *
   * @param fields alternating names and values, in the order they are recorded
   */
  void event(Kind kind, String name, Object... fields);

  /**
   * The calling thread takes the network's lock: until the matching {@link #resumeDelivery()},
   * nothing it records is delivered on it. Calls nest. The default does nothing, for a trace that
   * runs no code outside the network when it records.
   */
  default void deferDelivery() {}

  /**
   * The calling thread has released the network's lock taken at the matching
   * {@link #deferDelivery()}; after the outermost, what it recorded is delivered. The default does
   * nothing.
   */
  default void resumeDelivery() {}
}
