package org.wsemu.task;

/**
 * Thrown into a task that did not finish during the soft phase of emulator shutdown, from the next
 * emulated call it makes, to unwind its stack.
 *
 * <p>Shutdown first asks politely: GetMessage and PeekMessage return {@code WM_QUIT} at every loop
 * level, innermost first, and blocking calls fail with their documented codes. A task that keeps
 * running past the grace period gets this error instead. It extends {@link Error}, like the JDK's
 * old {@code ThreadDeath}, so that emulated programs that catch {@code Exception} do not swallow
 * it; wsemu's own exception handling around window procedures lets it through.
 */
public final class TaskTerminatedException extends Error {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the task. */
  public TaskTerminatedException(String message) {
    super(message);
  }
}
