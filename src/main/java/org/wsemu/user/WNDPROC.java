package org.wsemu.user;

/**
 * {@code WNDPROC}: a window procedure.
 *
 * <pre>{@code
 * WNDPROC proc = (hWnd, uMsg, wParam, lParam) -> {
 *   switch (uMsg) {
 *     case WM_DESTROY: user.PostQuitMessage(0); return 0;
 *     default: return user.DefWindowProc(hWnd, uMsg, wParam, lParam);
 *   }
 * };
 * }</pre>
 *
 * <p>Threading: always called on the thread of the task that created the window: by
 * DispatchMessage, by SendMessage (directly from the same task, or while the owning task waits in a
 * message function when another task sends), and by CreateWindow and DestroyWindow. It may run a
 * nested message loop. An exception it throws is caught by the emulator (see
 * {@link org.wsemu.task.CallbackExceptionHandler}).
 */
@FunctionalInterface
public interface WNDPROC {
  /**
   * Handles one message.
   *
   * @return the {@code LRESULT}, returned to SendMessage or DispatchMessage
   */
  int call(int hWnd, int uMsg, int wParam, int lParam);
}
