package org.wsemu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when a callback of an emulated program throws: a window procedure, a timer
 * procedure, and (in the Winsock layer) a blocking hook or a completion routine.
 *
 * <p>Before the handler is called the exception is recorded in the trace as an {@code EXCEPTION}
 * event. If the handler returns normally the emulated call that ran the callback goes on as if the
 * callback had returned 0, and the task keeps pumping, as AWT and JavaFX do with their event
 * handlers. If the handler throws, that exception propagates out of the emulated call into the
 * program (useful in tests: {@link #rethrow()}).
 *
 * <p>Threading: called on the thread of the task whose callback threw.
 */
@FunctionalInterface
public interface CallbackExceptionHandler {

  /**
   * Handles one exception.
   *
   * @param task the task whose callback threw
   * @param callback what was running, for example {@code "WndProc hwnd=0x0101 WM_TIMER"}
   * @param error what it threw
   */
  void handle(Task task, String callback, Throwable error);

  /** The default: log at WARN on {@code org.wsemu.callbacks} and keep pumping. */
  static CallbackExceptionHandler logAndContinue() {
    Logger log = LoggerFactory.getLogger("org.wsemu.callbacks");
    return (task, callback, error) ->
        log.warn("{} in task {} threw; the task keeps pumping", callback, task.name(), error);
  }

  /** Rethrows the exception out of the emulated call that ran the callback. */
  static CallbackExceptionHandler rethrow() {
    return (task, callback, error) -> {
      if (error instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (error instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(callback + " threw", error);
    };
  }
}
