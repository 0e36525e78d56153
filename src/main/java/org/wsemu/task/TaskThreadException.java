package org.wsemu.task;

/**
 * Thrown when a task-only function is called from a thread that is not a task of the emulator
 * that owns the function: a Java programming error, not an emulated error.
 *
 * <p>The rule it enforces is the first one of wsemu: one thread per task. Window procedures,
 * blocking hooks and completion callbacks of a task run only on that task's thread, so the
 * functions that retrieve, dispatch or wait for a task's messages (GetMessage, PeekMessage,
 * DispatchMessage, CreateWindow, SetTimer, ...) must be called from it. Functions that only
 * enqueue (PostMessage, PostAppMessage, SendMessage) may be called from any thread.
 */
public final class TaskThreadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the function, the thread and the rule. */
  public TaskThreadException(String message) {
    super(message);
  }
}
