package org.wsemu.user;

import org.wsemu.kernel.KernelTask;

/**
 * A window: a handle, its owning task, its class (hence its procedure) and its parent. It lives
 * until DestroyWindow or the end of its task; after that its handle is stale.
 */
final class Window {
  final int handle;
  final KernelTask owner;
  final WindowClass windowClass;
  final String name;
  final int style;
  final Window parent;
  final Object param;
  volatile boolean alive = true;
  boolean destroying; // owner thread only

  Window(int handle, KernelTask owner, WindowClass windowClass, String name, int style, Window parent, Object param) {
    this.handle = handle;
    this.owner = owner;
    this.windowClass = windowClass;
    this.name = name;
    this.style = style;
    this.parent = parent;
    this.param = param;
  }

  WNDPROC proc() {
    return windowClass.wndClass().lpfnWndProc;
  }
}
