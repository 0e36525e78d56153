package org.wsemu.endpoint;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;

import java.util.function.BooleanSupplier;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.BlockingHook;
import org.wsemu.winsock.WinsockApi;

/**
 * The wait of a synchronous request, a pseudo-blocking loop of the owning task: it dispatches the
 * endpoint's own messages first, then the task's others through the blocking hook the task
 * installed with WSASetBlockingHook (as a Winsock blocking call would), or without one with
 * PeekMessage, TranslateMessage and DispatchMessage; when nothing is there it waits with
 * WaitMessage (in Win16 mode letting other tasks run), never spinning.
 *
 * <p>The installed hook is found through the public API: WSASetBlockingHook returns it when the
 * endpoint sets a probe, and the endpoint puts it back at once (with WSAUnhookBlockingHook when it
 * was the default behaviour, which it recognises by the hook WSASetBlockingHook returns right after
 * WSAUnhookBlockingHook). The probe runs once per wait, before the first message is dispatched.
 *
 * <p>Confined to the owning task's thread.
 */
final class SyncWait {
  private static final BlockingHook PROBE = () -> false;

  private final WinsockApi ws;
  private final User user;
  private final BlockingHook defaultHook; // null if it could not be learnt

  /** How a wait ended other than by its condition. */
  enum Interruption {
    /** A WM_QUIT arrived; it has been posted again for the application's loop. */
    QUIT,
    /** The emulator is shutting down. */
    SHUTDOWN
  }

  SyncWait(WinsockApi ws, User user) {
    this.ws = ws;
    this.user = user;
    BlockingHook before = ws.WSASetBlockingHook(PROBE);
    BlockingHook learnt = null;
    if (before != null) {
      ws.WSAUnhookBlockingHook();
      learnt = ws.WSASetBlockingHook(PROBE);
      if (before == learnt) {
        ws.WSAUnhookBlockingHook();
      } else {
        ws.WSASetBlockingHook(before);
      }
    }
    this.defaultHook = learnt;
  }

  /**
   * Dispatches until {@code done} holds.
   *
   * @return null when done, else why the wait ended early
   */
  Interruption until(int hwnd, BooleanSupplier done) {
    BlockingHook hook = null;
    boolean probed = false;
    MSG msg = new MSG();
    while (!done.getAsBoolean()) {
      if (user.PeekMessage(msg, hwnd, 0, 0, PM_REMOVE | PM_NOYIELD)) {
        if (msg.message == WM_QUIT) {
          user.PostQuitMessage(msg.wParam);
          return Interruption.QUIT;
        }
        user.DispatchMessage(msg);
        continue;
      }
      if (!probed) {
        hook = installedHook();
        probed = true;
      }
      if (hook != null) {
        if (hook.call()) {
          continue;
        }
      } else if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
        if (msg.message == WM_QUIT) {
          user.PostQuitMessage(msg.wParam);
          return Interruption.QUIT;
        }
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
        continue;
      }
      if (!done.getAsBoolean() && !user.WaitMessage()) {
        return Interruption.SHUTDOWN;
      }
    }
    return null;
  }

  /** The hook the task installed, or null for none (or when it cannot be asked: inside a blocking call). */
  private BlockingHook installedHook() {
    BlockingHook hook = ws.WSASetBlockingHook(PROBE);
    if (hook == null) {
      return null;
    }
    if (hook == defaultHook) {
      ws.WSAUnhookBlockingHook();
      return null;
    }
    ws.WSASetBlockingHook(hook);
    return hook;
  }
}
