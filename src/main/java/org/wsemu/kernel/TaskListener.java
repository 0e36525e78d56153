package org.wsemu.kernel;

/**
 * Lets a layer (USER, Winsock) keep per-task state: called when a task is created and when it is
 * about to exit.
 *
 * <p>Threading: {@link #created} runs on the thread that creates the task; {@link #exiting} runs
 * on the task's own thread after its body returned, while the task still holds the processor in
 * Win16 mode, so cleanup is deterministic.
 */
public interface TaskListener {
  /** A task was created; its thread has not run the body yet. */
  default void created(KernelTask task) {}

  /** A task's body has returned (or thrown); release its resources. */
  default void exiting(KernelTask task) {}
}
