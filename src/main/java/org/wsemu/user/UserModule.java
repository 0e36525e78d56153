package org.wsemu.user;

import org.wsemu.kernel.Kernel;

/**
 * Wiring entry of the USER layer, used by {@link org.wsemu.Emulator}; applications call
 * {@code Emulator.user()} instead.
 *
 * <p>Thread-safe.
 */
public final class UserModule {
  private UserModule() {}

  /**
   * Installs USER on a kernel: every task created afterwards gets a message queue.
   *
   * @param kernel the emulator's kernel, before any task is created
   * @param postedMessageLimit how many posted messages a queue holds before PostMessage fails
   * @return the USER functions for that kernel's tasks
   * @throws IllegalArgumentException if {@code postedMessageLimit < 1}
   */
  public static User install(Kernel kernel, int postedMessageLimit) {
    if (postedMessageLimit < 1) {
      throw new IllegalArgumentException("postedMessageLimit < 1: " + postedMessageLimit);
    }
    return new RealUser(kernel, postedMessageLimit);
  }
}
