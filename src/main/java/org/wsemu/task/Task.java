package org.wsemu.task;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An emulated task: one Win16 application (or, in {@link SchedulingMode#WIN32}, one thread of the
 * emulated process) with its own message queue and its own thread.
 *
 * <p>Threading: every method here may be called from any thread. The task's {@link #handle()} is
 * the {@code HTASK} that {@code PostAppMessage} and {@code GetCurrentTask} use.
 */
public interface Task {

  /** The task handle ({@code HTASK}): non-zero, never reused while the task is alive. */
  int handle();

  /** The name given at creation, used in traces and thread names. */
  String name();

  /** Whether the task's thread has not finished yet. */
  boolean isAlive();

  /**
   * Waits until the task has finished.
   *
   * @param timeout how long to wait at most
   * @return {@code true} if the task finished within the timeout
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean join(Duration timeout) throws InterruptedException;

  /** The value the task body returned; empty while it runs, or if it ended by an exception. */
  OptionalInt exitCode();

  /** The exception that ended the task body, if any. */
  Optional<Throwable> failure();
}
