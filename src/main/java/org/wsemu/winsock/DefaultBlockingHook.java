package org.wsemu.winsock;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;

import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * The default blocking hook of the 1.1 specification: take one message of the calling task with
 * {@code PeekMessage(&msg, NULL, 0, 0, PM_REMOVE)}, translate and dispatch it, and say whether
 * there was one. In Win16 mode the PeekMessage also lets other tasks run when the queue is empty.
 *
 * <p>A WM_QUIT it takes is dispatched (to no window) and lost, as the specification's hook does.
 * With the TwinSock option instead, the blocking call is cancelled and WM_QUIT posted again for the
 * application's own loop.
 *
 * <p>One object per emulator; it acts for the calling task. Threading: called on a task's thread.
 */
final class DefaultBlockingHook implements BlockingHook {
  private final User user;
  private final Runnable cancelCurrentCall;
  private final boolean repostQuit;

  DefaultBlockingHook(User user, Runnable cancelCurrentCall, boolean repostQuit) {
    this.user = user;
    this.cancelCurrentCall = cancelCurrentCall;
    this.repostQuit = repostQuit;
  }

  @Override
  public boolean call() {
    MSG msg = new MSG();
    if (!user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
      return false;
    }
    if (msg.message == WM_QUIT && repostQuit) {
      cancelCurrentCall.run();
      user.PostQuitMessage(msg.wParam);
      return false;
    }
    user.TranslateMessage(msg);
    user.DispatchMessage(msg);
    return true;
  }

  @Override
  public String toString() {
    return "DefaultBlockingHook";
  }
}
