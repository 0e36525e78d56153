package org.wsemu;

import java.util.function.Consumer;

/**
 * Test-side access to {@link Emulator}'s package-private build listener, for
 * {@link org.wsemu.testing.LeakCheck}.
 *
 * <p>Thread-safe: the listener is a volatile field, and is told on each building thread.
 */
public final class EmulatorBuilds {
  private EmulatorBuilds() {}

  /** Makes {@code listener} hear of every emulator built from now on, in place of any other; null for none. */
  public static void listen(Consumer<Emulator> listener) {
    Emulator.buildListener = listener;
  }
}
