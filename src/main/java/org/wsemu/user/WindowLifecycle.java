package org.wsemu.user;

import java.util.function.Function;
import org.wsemu.kernel.KernelTask;

/**
 * Creation and destruction of windows: WM_CREATE on creation (-1 fails it), WM_DESTROY to the
 * window and then to its children on destruction, and the cleanup Windows does then: the window's
 * posted messages and timers go, and its handle becomes stale.
 */
final class WindowLifecycle {
  private final WindowManager windows;
  private final Dispatcher dispatcher;
  private final Function<KernelTask, MessageQueue> queues;

  WindowLifecycle(WindowManager windows, Dispatcher dispatcher, Function<KernelTask, MessageQueue> queues) {
    this.windows = windows;
    this.dispatcher = dispatcher;
    this.queues = queues;
  }

  /** CreateWindow: the new handle, or 0. */
  int create(KernelTask me, String className, String windowName, int style, int hWndParent, Object param) {
    WindowClass windowClass = windows.findClass(me, className);
    if (windowClass == null) {
      return 0;
    }
    Window parent = null;
    if (hWndParent != 0) {
      parent = windows.get(hWndParent);
      if (parent == null) {
        return 0;
      }
    }
    Window window = windows.create(me, windowClass, windowName, style, parent, param);
    if (window == null) {
      return 0;
    }
    int result;
    try {
      result = dispatcher.callWindowProc(me, window, WinUser.WM_CREATE, 0, 0, "CreateWindow", null);
    } catch (RuntimeException | Error e) {
      finish(window);
      throw e;
    }
    if (result == -1) {
      if (window.alive && !window.destroying) {
        destroyTree(me, window);
      }
      return 0;
    }
    return window.alive ? window.handle : 0; // it may have destroyed itself during WM_CREATE
  }

  /** DestroyWindow: false unless {@code hWnd} is a live window of {@code me} not already being destroyed. */
  boolean destroy(KernelTask me, int hWnd) {
    Window window = windows.get(hWnd);
    if (window == null || window.owner != me || window.destroying) {
      return false;
    }
    destroyTree(me, window);
    return true;
  }

  private void destroyTree(KernelTask me, Window window) {
    window.destroying = true;
    try {
      dispatcher.callWindowProc(me, window, WinUser.WM_DESTROY, 0, 0, "DestroyWindow", null);
      for (Window child : windows.childrenOf(window)) {
        if (child.owner == me && !child.destroying) {
          destroyTree(me, child);
        } else if (child.owner != me) {
          finish(child);
        }
      }
    } finally {
      finish(window);
    }
  }

  /** The window is gone: purge its messages and timers, free its handle. */
  private void finish(Window window) {
    windows.remove(window);
    KernelTask owner = window.owner;
    MessageQueue queue = queues.apply(owner);
    owner.lock().lock();
    try {
      queue.purgeWindow(window.handle);
      for (UserTimer timer : queue.timersOf(window.handle)) {
        queue.removeTimer(timer, false);
      }
    } finally {
      owner.lock().unlock();
    }
  }

  /** The task ended: its windows disappear without messages (its thread is leaving). */
  void forgetWindowsOf(KernelTask task) {
    for (Window window : windows.ownedBy(task)) {
      windows.remove(window);
    }
  }
}
