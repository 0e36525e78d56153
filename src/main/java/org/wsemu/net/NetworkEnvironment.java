package org.wsemu.net;

import org.wsemu.kernel.CallbackBoundary;
import org.wsemu.kernel.KernelTimer;
import org.wsemu.time.Clock;
import org.wsemu.trace.Trace;

/**
 * What a network gets from the emulator it serves: its name, clock, timer queue and trace, and
 * which task is calling. A simulated network schedules every packet on the timer queue, so that in
 * Win16 mode with a virtual clock the network runs in virtual time and deterministically.
 *
 * <p>Thread-safe.
 */
public interface NetworkEnvironment {
  /** The emulator's name, for thread names. */
  String name();

  /** The emulator's clock. */
  Clock clock();

  /**
   * Runs {@code action} once the clock reaches {@code due}: on the timer thread, or with a virtual
   * clock inside the Win16 scheduler when no task can run. It must only enqueue and wake.
   */
  KernelTimer schedule(long due, Runnable action);

  /** The emulator's trace. */
  Trace trace();

  /** The handle of the task whose thread is calling, or 0 on any other thread. */
  int currentTask();

  /**
   * Where the network runs code it does not own (readiness callbacks, simulated peers): an
   * exception is recorded as an EXCEPTION trace event and handed to the emulator's
   * {@link org.wsemu.task.CallbackExceptionHandler}, and the network goes on; only fatal errors pass
   * (see {@link CallbackBoundary}). The default records in {@link #trace()} and logs.
   */
  default CallbackBoundary callbacks() {
    return new CallbackBoundary(trace(), org.wsemu.task.CallbackExceptionHandler.logAndContinue());
  }
}
