package org.wsemu.task;

/**
 * Thrown when a task would nest callbacks deeper than the emulator's cap (see
 * {@link org.wsemu.Emulator.Builder#maxNestingDepth(int)}): a window procedure that dispatches or
 * sends a message whose window procedure does the same, and so on, long before the Java stack
 * overflows.
 *
 * <p>It is thrown out of the call that would have entered the next level (DispatchMessage,
 * SendMessage, ...) into the window procedure at the deepest allowed level. If that procedure does
 * not catch it, the dispatch that called the procedure catches it like any exception from a window
 * procedure: recorded in the trace, handed to the emulator's {@link CallbackExceptionHandler}, and
 * the task keeps pumping.
 */
public final class NestingLimitException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message carrying the task, depth and cap. */
  public NestingLimitException(String message) {
    super(message);
  }
}
