package org.wsemu.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when code that an emulator runs but does not own throws: a callback of a
 * task's program (a window procedure, a timer procedure, a blocking hook), or code run for the
 * emulator itself (a timer action, a network readiness callback, a simulated peer).
 *
 * <p>Before the handler is called the exception is recorded in the trace as an {@code EXCEPTION}
 * event. If the handler returns normally the emulated call that ran the callback goes on as if the
 * callback had returned 0, and the task keeps pumping, as AWT and JavaFX do with their event
 * handlers; code run for the emulator is skipped and the emulator goes on. If the handler throws
 * for a task's callback, that exception propagates out of the emulated call into the program
 * (useful in tests: {@link #rethrow()}); for code run for no task there is no program to reach,
 * so what the handler throws is logged and the emulator goes on.
 *
 * <p>Fatal errors never reach the handler: a {@code VirtualMachineError} other than
 * {@code StackOverflowError}, and {@link TaskTerminatedException}.
 *
 * <p>Threading: called on the thread that ran the code: the task's own thread for its callbacks;
 * for code run for no task, the timer thread, the network's selector thread, or whichever thread
 * was driving the Win16 scheduler or the simulated network at that moment (possibly another task's
 * thread). It must not block.
 */
@FunctionalInterface
public interface CallbackExceptionHandler {

  /**
   * Handles one exception.
   *
   * @param task the task whose callback threw, or {@code null} for code run for no task
   * @param callback what was running, for example {@code "WndProc hwnd=0x0101 WM_TIMER"} or
   *     {@code "timer action"}
   * @param error what it threw
   */
  void handle(Task task, String callback, Throwable error);

  /**
   * The default: log at WARN on {@code org.wsemu.callbacks} and keep pumping. The logger is asked
   * for at the first exception, so that an emulator whose callbacks never throw never starts SLF4J.
   */
  static CallbackExceptionHandler logAndContinue() {
    return (task, callback, error) -> {
      Logger log = LoggerFactory.getLogger("org.wsemu.callbacks");
      if (task == null) {
        log.warn("{} threw; the emulator goes on", callback, error);
      } else {
        log.warn("{} in task {} threw; the task keeps pumping", callback, task.name(), error);
      }
    };
  }

  /**
   * Rethrows the exception out of the emulated call that ran the callback (for code run for no
   * task, the emulator logs it instead).
   */
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
