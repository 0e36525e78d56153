package org.wsemu.task;

/**
 * The code a task runs: the emulated program's {@code WinMain}.
 *
 * <p>It runs on the task's own thread, the only thread on which that task's window procedures,
 * hooks and callbacks ever run. Its return value is the task's exit code, by convention the
 * {@code wParam} of the {@code WM_QUIT} that ended the message loop:
 *
 * <pre>{@code
 * Task app = emu.createTask("app", () -> {
 *   MSG msg = new MSG();
 *   while (user.GetMessage(msg, NULL, 0, 0) != 0) {
 *     user.TranslateMessage(msg);
 *     user.DispatchMessage(msg);
 *   }
 *   return msg.wParam;
 * });
 * }</pre>
 *
 * <p>An exception thrown by the body ends the task; it is recorded in the trace and in
 * {@link Task#failure()}.
 */
@FunctionalInterface
public interface TaskBody {
  /**
   * Runs the task.
   *
   * @return the task's exit code
   * @throws Exception anything the program throws; it ends the task
   */
  int run() throws Exception;
}
