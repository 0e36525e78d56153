package org.wsemu.user;

/**
 * {@code WNDCLASS}: a window class, registered with RegisterClass, with the C field names.
 *
 * <pre>{@code
 * WNDCLASS wc = new WNDCLASS();
 * wc.lpfnWndProc = this::MainWndProc;           // wc.lpfnWndProc = MainWndProc;
 * wc.lpszClassName = "MainWClass";
 * if (user.RegisterClass(wc) == 0) return FALSE;
 * }</pre>
 *
 * <p>RegisterClass copies the structure, so it may be reused. Icons, cursors, brushes and menus are
 * accepted and ignored: wsemu has no display. A mutable structure; not thread-safe.
 */
public final class WNDCLASS {
  /** Class styles, {@code CS_*}; {@code CS_GLOBALCLASS} makes the class visible to every task. */
  public int style;
  /** The window procedure of every window of the class; required. */
  public WNDPROC lpfnWndProc;
  /** Extra class bytes (accepted, unused). */
  public int cbClsExtra;
  /** Extra window bytes (accepted, unused). */
  public int cbWndExtra;
  /** The instance handle (accepted, unused). */
  public int hInstance;
  /** The icon (accepted, unused). */
  public int hIcon;
  /** The cursor (accepted, unused). */
  public int hCursor;
  /** The background brush (accepted, unused). */
  public int hbrBackground;
  /** The menu name (accepted, unused). */
  public String lpszMenuName;
  /** The class name; required; compared case-insensitively, as Windows does. */
  public String lpszClassName;

  /** An empty class description: every field zero or {@code null}. */
  public WNDCLASS() {}

  WNDCLASS copy() {
    WNDCLASS copy = new WNDCLASS();
    copy.style = style;
    copy.lpfnWndProc = lpfnWndProc;
    copy.cbClsExtra = cbClsExtra;
    copy.cbWndExtra = cbWndExtra;
    copy.hInstance = hInstance;
    copy.hIcon = hIcon;
    copy.hCursor = hCursor;
    copy.hbrBackground = hbrBackground;
    copy.lpszMenuName = lpszMenuName;
    copy.lpszClassName = lpszClassName;
    return copy;
  }
}
