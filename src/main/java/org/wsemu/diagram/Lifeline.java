package org.wsemu.diagram;

/**
 * One participant of a diagram: a task, the network, or the resolver.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the short identifier the Mermaid text uses ({@code T1}, {@code NET}, {@code RES})
 * @param label what the diagram shows ({@code 0001:main}, {@code network}, {@code resolver})
 * @param kind which sort of participant
 */
record Lifeline(String id, String label, Kind kind) {
  /** The sorts of participants, in the order the diagram places them, left to right. */
  enum Kind { TASK, NETWORK, RESOLVER }

  static final Lifeline NETWORK = new Lifeline("NET", "network", Kind.NETWORK);
  static final Lifeline RESOLVER = new Lifeline("RES", "resolver", Kind.RESOLVER);
}
