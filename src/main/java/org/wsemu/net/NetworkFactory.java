package org.wsemu.net;

/**
 * Makes the network of one emulator when it is built; see {@link Network#real()}.
 *
 * <p>Called once, on the building thread.
 */
@FunctionalInterface
public interface NetworkFactory {
  /**
   * Creates the network.
   *
   * @param emulatorName for thread names
   */
  Network create(String emulatorName);
}
