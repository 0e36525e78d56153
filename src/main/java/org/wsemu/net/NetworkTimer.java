package org.wsemu.net;

/**
 * A timed action a network asked for with {@link NetworkEnvironment#schedule}.
 *
 * <p>Thread-safe.
 */
@FunctionalInterface
public interface NetworkTimer {
  /** Prevents the action from running if it has not run yet; returns whether it was pending. */
  boolean cancel();
}
