package org.wsemu.endpoint;

import static org.wsemu.user.WinUser.WM_USER;

import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.user.WNDPROC;

/**
 * The endpoint's hidden window, where everything that drives it arrives through the owning task's
 * message queue: the socket's WSAAsyncSelect notifications, the completions to deliver, the
 * asynchronous cancels to run, and the request time-outs (WM_TIMER, one timer per request, its id
 * the request's number).
 *
 * <p>Each endpoint registers a class of its own for the owning task, {@code WsemuEndpoint1},
 * {@code WsemuEndpoint2}... (the first name free), so that the window procedure is the endpoint's.
 *
 * <p>Confined to the owning task's thread.
 */
final class HiddenWindow {
  /** WSAAsyncSelect notifications: wParam the socket, lParam event and error. */
  static final int WM_EP_SOCKET = WM_USER + 0x0E01;
  /** Deliver the next completion of the queue. */
  static final int WM_EP_COMPLETE = WM_USER + 0x0E02;
  /** Run the next queued asynchronous cancel. */
  static final int WM_EP_CANCEL = WM_USER + 0x0E03;

  private static final int MAX_CLASSES = 4096;

  private final User user;
  final String className;
  final int hwnd;

  private HiddenWindow(User user, String className, int hwnd) {
    this.user = user;
    this.className = className;
    this.hwnd = hwnd;
  }

  /**
   * Registers a class and creates the window, on the calling task.
   *
   * @return the window, or null if no class or window could be made
   */
  static HiddenWindow create(User user, WNDPROC proc) {
    for (int n = 1; n <= MAX_CLASSES; n++) {
      WNDCLASS wc = new WNDCLASS();
      wc.lpszClassName = "WsemuEndpoint" + n;
      wc.lpfnWndProc = proc;
      if (user.RegisterClass(wc) != 0) {
        int hwnd = user.CreateWindow(wc.lpszClassName, "", 0, 0, 0, 0, 0, 0, 0, 0, null);
        if (hwnd == 0) {
          user.UnregisterClass(wc.lpszClassName, 0);
          return null;
        }
        return new HiddenWindow(user, wc.lpszClassName, hwnd);
      }
    }
    return null;
  }

  /** Destroys the window (its posted messages and timers go with it) and unregisters the class. */
  void destroy() {
    user.DestroyWindow(hwnd);
    user.UnregisterClass(className, 0);
  }
}
