package org.wsemu.user;

import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;

/**
 * Internal: the wiring entry of the USER layer, for {@link org.wsemu.Emulator} only; applications
 * call {@code Emulator.user()}. It is public because the emulator is in another package, but it is
 * not part of the API: it takes the kernel, whose package the module does not export, so on the
 * module path no code outside wsemu can call it, and on the class path it may change without
 * notice.
 *
 * <p>Thread-safe.
 */
public final class UserWiring {
  private UserWiring() {}

  /**
   * Installs USER on a kernel: every task created afterwards gets a message queue.
   *
   * @param kernel the emulator's kernel, before any task is created
   * @param postedMessageLimit how many posted messages a queue holds before PostMessage fails
   * @return the USER functions for that kernel's tasks
   * @throws IllegalArgumentException if {@code postedMessageLimit < 1}
   */
  @SuppressWarnings("exports") // Kernel is internal, and so is this method
  public static User install(Kernel kernel, int postedMessageLimit) {
    if (postedMessageLimit < 1) {
      throw new IllegalArgumentException("postedMessageLimit < 1: " + postedMessageLimit);
    }
    return new UserFunctions(kernel, postedMessageLimit);
  }

  /**
   * The message that the calling task's innermost running window procedure handles (a timer
   * procedure is not one), or null if none runs: for the Winsock layer's checked mode. The same
   * object for the whole of one call of the procedure, a new one for each call; it must not be
   * changed. Task thread only.
   *
   * @param task the calling task
   */
  @SuppressWarnings("exports") // KernelTask is internal, and so is this method
  public static MSG windowMessage(KernelTask task) {
    MessageQueue queue = UserFunctions.queueOf(task);
    return queue == null ? null : queue.windowMessage();
  }
}
