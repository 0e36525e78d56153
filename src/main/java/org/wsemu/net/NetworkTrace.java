package org.wsemu.net;

/**
 * Where a network records what happens on it: the emulator's trace, as events of kind
 * {@link Kind#NET} or {@link Kind#FAULT} (see the simulated network's documentation for the
 * names). A field whose value is a {@link NetError} is recorded as the Windows Sockets code the
 * program would see for it.
 *
 * <p>Thread-safe. Recording takes only the trace's own lock and calls no code of the network or the
 * program (trace sinks must not call back into the emulator), so a network may record while it
 * holds its own lock.
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
}
