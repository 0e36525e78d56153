package org.wsemu.user;

/**
 * {@code MSG}: a message as GetMessage and PeekMessage return it, with the C field names.
 *
 * <pre>{@code
 * MSG msg = new MSG();                            // MSG msg;
 * while (user.GetMessage(msg, NULL, 0, 0) != 0) { // while (GetMessage(&msg, NULL, 0, 0)) {
 *   user.TranslateMessage(msg);                   //   TranslateMessage(&msg);
 *   user.DispatchMessage(msg);                    //   DispatchMessage(&msg);
 * }                                               // }
 * }</pre>
 *
 * <p>{@code hwnd} and (in Win16 mode) {@code message} and {@code wParam} are 16-bit values;
 * {@code lParam} is 32 bits; {@code time} is the {@code GetTickCount} value when the message was
 * posted (or, for WM_TIMER and WM_QUIT, retrieved).
 *
 * <p>A mutable structure like its C original; not thread-safe. Keep one per message loop.
 */
public final class MSG {
  /** The window the message is for, or 0 for a message to the task itself. */
  public int hwnd;
  /** The message number, e.g. {@code WM_TIMER}. */
  public int message;
  /** The word parameter. */
  public int wParam;
  /** The long parameter. */
  public int lParam;
  /** When it was posted, in {@code GetTickCount} milliseconds. */
  public int time;
  /** The cursor position (always 0, 0: no display). */
  public final POINT pt = new POINT();

  /** An empty message, to be filled by GetMessage or PeekMessage. */
  public MSG() {}

  /** A message with the given fields, for example to hand to DispatchMessage. */
  public MSG(int hwnd, int message, int wParam, int lParam) {
    this.hwnd = hwnd;
    this.message = message;
    this.wParam = wParam;
    this.lParam = lParam;
  }

  void set(int hwnd, int message, int wParam, int lParam, int time) {
    this.hwnd = hwnd;
    this.message = message;
    this.wParam = wParam;
    this.lParam = lParam;
    this.time = time;
    this.pt.x = 0;
    this.pt.y = 0;
  }

  @Override
  public String toString() {
    return "MSG{hwnd=" + Hex.word(hwnd) + ", message=" + MessageNames.of(message) + ", wParam="
        + Hex.word(wParam) + ", lParam=" + Hex.dword(lParam) + ", time=" + Integer.toUnsignedString(time) + "}";
  }
}
