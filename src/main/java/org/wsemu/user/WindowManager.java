package org.wsemu.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.HandleTable;
import org.wsemu.kernel.KernelTask;

/**
 * The windows and window classes of one emulator. Window handles are 16-bit, from 0x0100 to
 * 0xFFFE (0xFFFF is HWND_BROADCAST), handed out cyclically so that a stale handle stays invalid as
 * long as possible. Class names are per task unless registered with {@code CS_GLOBALCLASS}, and
 * compared case-insensitively.
 *
 * <p>Thread-safe.
 */
final class WindowManager {
  static final int FIRST_HWND = 0x0100;
  static final int LAST_HWND = 0xFFFE;

  private final HandleTable<Window> windows = new HandleTable<>(FIRST_HWND, LAST_HWND);
  private final HandleTable<WindowClass> atoms = new HandleTable<>(0xC000, 0xFFFF);
  @GuardedBy("this") private final Map<String, WindowClass> globalClasses = new HashMap<>();
  @GuardedBy("this") private final Map<KernelTask, Map<String, WindowClass>> taskClasses = new HashMap<>();

  /** The live window {@code hwnd}, or {@code null}. */
  Window get(int hwnd) {
    if (hwnd < FIRST_HWND || hwnd > LAST_HWND) {
      return null;
    }
    Window window = windows.get(hwnd);
    return window != null && window.alive ? window : null;
  }

  /** Whether {@code hwnd} is a descendant of {@code ancestor} (IsChild). */
  boolean isDescendant(int hwnd, int ancestor) {
    Window window = windows.get(hwnd);
    for (Window up = window == null ? null : window.parent; up != null; up = up.parent) {
      if (up.handle == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Creates a window; {@code null} if no handle is free. */
  Window create(KernelTask owner, WindowClass windowClass, String name, int style, Window parent, Object param) {
    return windows.allocate(handle -> new Window(handle, owner, windowClass, name, style, parent, param));
  }

  /** Forgets a destroyed window; its handle becomes stale. */
  void remove(Window window) {
    window.alive = false;
    windows.free(window.handle);
  }

  List<Window> ownedBy(KernelTask task) {
    List<Window> owned = new ArrayList<>();
    for (Window window : windows.values()) {
      if (window.owner == task) {
        owned.add(window);
      }
    }
    return owned;
  }

  List<Window> childrenOf(Window parent) {
    List<Window> children = new ArrayList<>();
    for (Window window : windows.values()) {
      if (window.parent == parent && window.alive) {
        children.add(window);
      }
    }
    return children;
  }

  List<Window> topLevel() {
    List<Window> top = new ArrayList<>();
    for (Window window : windows.values()) {
      if (window.parent == null && window.alive) {
        top.add(window);
      }
    }
    return top;
  }

  // ---- classes ----

  /**
   * Registers a class; returns its atom, or 0 if the name is taken or no atom is free. A task-local
   * class may shadow a global one; a global class may not reuse a name the task already sees.
   */
  synchronized int register(KernelTask owner, WNDCLASS wndClass) {
    String key = key(wndClass.lpszClassName);
    boolean global = (wndClass.style & WinUser.CS_GLOBALCLASS) != 0;
    Map<String, WindowClass> own = taskClasses.computeIfAbsent(owner, t -> new HashMap<>());
    if (own.containsKey(key) || (global && globalClasses.containsKey(key))) {
      return 0;
    }
    WindowClass windowClass = atoms.allocate(atom -> new WindowClass(atom, wndClass, owner, global));
    if (windowClass == null) {
      return 0;
    }
    (global ? globalClasses : own).put(key, windowClass);
    return windowClass.atom();
  }

  /** The class the task sees under {@code name}: its own first, then a global one. */
  synchronized WindowClass findClass(KernelTask task, String name) {
    if (name == null) {
      return null;
    }
    String key = key(name);
    Map<String, WindowClass> own = taskClasses.get(task);
    WindowClass found = own == null ? null : own.get(key);
    return found != null ? found : globalClasses.get(key);
  }

  /** Removes a class the task registered, unless a live window uses it. */
  synchronized boolean unregister(KernelTask task, String name) {
    WindowClass windowClass = findClass(task, name);
    if (windowClass == null || windowClass.registrant() != task) {
      return false;
    }
    for (Window window : windows.values()) {
      if (window.windowClass == windowClass && window.alive) {
        return false;
      }
    }
    forget(windowClass);
    return true;
  }

  /** Drops every class a task registered, global ones included: they end with their application. */
  synchronized void forgetClassesOf(KernelTask task) {
    taskClasses.remove(task);
    for (WindowClass windowClass : List.copyOf(globalClasses.values())) {
      if (windowClass.registrant() == task) {
        globalClasses.remove(key(windowClass.wndClass().lpszClassName));
      }
    }
    atoms.values().stream().filter(c -> c.registrant() == task).forEach(c -> atoms.free(c.atom()));
  }

  private void forget(WindowClass windowClass) {
    String key = key(windowClass.wndClass().lpszClassName);
    if (windowClass.global()) {
      globalClasses.remove(key);
    } else {
      taskClasses.get(windowClass.registrant()).remove(key);
    }
    atoms.free(windowClass.atom());
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
