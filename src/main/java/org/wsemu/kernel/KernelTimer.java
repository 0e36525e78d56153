package org.wsemu.kernel;

/**
 * A one-shot action scheduled on the emulator's timer queue with
 * {@link Kernel#schedule(long, Runnable)}.
 *
 * <p>Thread-safe.
 */
@FunctionalInterface
public interface KernelTimer {
  /** Prevents the action from running if it has not run yet; returns whether it was pending. */
  boolean cancel();
}
