package org.wsemu.user;

/**
 * {@code TIMERPROC}: a timer callback given to SetTimer. When DispatchMessage sees the WM_TIMER of
 * such a timer it calls the procedure instead of the window procedure.
 *
 * <p>Threading: called on the thread of the task that set the timer, from DispatchMessage.
 */
@FunctionalInterface
public interface TIMERPROC {
  /**
   * Handles one timer tick.
   *
   * @param hWnd the timer's window, or 0
   * @param uMsg {@code WM_TIMER}
   * @param idEvent the timer id
   * @param dwTime {@code GetTickCount()} at dispatch
   */
  void call(int hWnd, int uMsg, int idEvent, int dwTime);
}
