package org.wsemu.winsock;

/**
 * How a registration ({@link AsyncSelect}) reports a network event, and under which
 * {@link ReportGates}: WSAAsyncSelect posts a message ({@link MessageDelivery}), WSAEventSelect
 * records the event in the socket and signals an event object ({@link EventDelivery}).
 *
 * <p>Called by the registration while it holds its gates' monitor, from whatever thread evaluates;
 * implementations never call user code and never block.
 */
interface SelectDelivery {
  /** The gates the registration reports under. */
  ReportGates gates();

  /**
   * Reports {@code event} with {@code error}; false if it could not be reported now (a full message
   * queue), in which case the delivery may arrange for {@code evaluateAgain} to run later.
   */
  boolean deliver(int event, int error, Runnable evaluateAgain);

  /** The same delivery for a socket that accept() made from the registered one (which inherits it). */
  SelectDelivery forAccepted(EmulatedSocket accepted);
}
