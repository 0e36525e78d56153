package org.wsemu.kernel;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.Task;
import org.wsemu.task.TaskTerminatedException;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * The one place where an emulator runs code it does not own, with one policy for exceptions.
 * Code of a task's program (window and timer procedures, blocking hooks) and code run for the
 * emulator itself (timer actions, network readiness callbacks, simulated peers) may throw; then
 *
 * <ol>
 *   <li>the exception is recorded as an {@link TraceKind#EXCEPTION} trace event, on the task's
 *       label, or on {@code "-"} for code that runs for no task;
 *   <li>it is handed to the emulator's {@link CallbackExceptionHandler} (with a {@code null} task
 *       for code that runs for no task);
 *   <li>the caller goes on: the callback counts as having returned normally (0).
 * </ol>
 *
 * <p>Only fatal errors pass through untouched: a {@link VirtualMachineError} other than
 * {@link StackOverflowError} (whose stack has unwound by the time it is caught), and
 * {@link TaskTerminatedException}, which forces a task out at shutdown. The handler may rethrow a
 * task's callback exception into that task's program ({@link CallbackExceptionHandler#rethrow()});
 * for code run for no task there is no program to rethrow into, so what the handler throws is
 * logged and the emulator goes on.
 *
 * <p>Threading: thread-safe. The task entry points are called on the task's own thread; the
 * others on whatever thread runs the code (the timer thread, the selector thread, the Win16
 * scheduler).
 */
public final class CallbackBoundary {
  /** Asked for when there is something to log: an emulator that logs nothing never starts SLF4J. */
  private static Logger log() {
    return LoggerFactory.getLogger(CallbackBoundary.class);
  }

  private final Trace trace;
  private final CallbackExceptionHandler handler;

  /**
   * A boundary that records in {@code trace} and reports to {@code handler}.
   *
   * @param trace where EXCEPTION events go; {@code null} for none
   */
  public CallbackBoundary(Trace trace, CallbackExceptionHandler handler) {
    this.trace = trace;
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** A boundary with no trace that logs what it catches: for code used without an emulator. */
  public static CallbackBoundary loggingOnly() {
    return new CallbackBoundary(null, CallbackExceptionHandler.logAndContinue());
  }

  /**
   * Whether {@code error} must not be caught at the boundary: a {@link VirtualMachineError} other
   * than {@link StackOverflowError}, or a {@link TaskTerminatedException}.
   */
  public static boolean isFatal(Throwable error) {
    return error instanceof TaskTerminatedException
        || error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
  }

  /**
   * Runs {@code code} for no task (a timer action, a network callback, a simulated peer) and
   * reports what it throws.
   *
   * @param what what runs, for the trace and the handler, for example {@code "timer action"}
   * @return whether it returned normally
   * @throws Error only a fatal one (see {@link #isFatal})
   */
  public boolean run(String what, Runnable code) {
    try {
      code.run();
      return true;
    } catch (Throwable e) {
      failed(what, e);
      return false;
    }
  }

  /**
   * Reports that code run for no task threw {@code error}: traced, handed to the handler with a
   * {@code null} task; what the handler throws is logged.
   *
   * @throws Error {@code error} itself if it is fatal
   */
  public void failed(String what, Throwable error) {
    rethrowIfFatal(error);
    record(null, what, error);
    try {
      handler.handle(null, what, error);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      log().error("the callback exception handler threw for {}; going on", what, e);
    }
  }

  /**
   * Reports that a callback of {@code task}'s program threw {@code error}: traced and handed to
   * the handler, which may rethrow it into the program. Call it on the task's thread.
   *
   * @throws Error {@code error} itself if it is fatal
   */
  public void failed(KernelTask task, String what, Throwable error) {
    Objects.requireNonNull(task, "task");
    rethrowIfFatal(error);
    record(task, what, error);
    handler.handle(task, what, error);
  }

  private void record(Task task, String what, Throwable error) {
    if (trace != null && trace.enabled()) {
      trace.event(TraceKind.EXCEPTION, task instanceof KernelTask control ? control.label() : "-", what)
          .with("error", error.getClass().getName())
          .with("message", String.valueOf(error.getMessage()))
          .emit();
    }
  }

  private static void rethrowIfFatal(Throwable error) {
    if (isFatal(error)) {
      throw (Error) error;
    }
  }
}
