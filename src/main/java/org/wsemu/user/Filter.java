package org.wsemu.user;

/**
 * The retrieval filter of GetMessage and PeekMessage: a window ({@code 0} any, {@code -1} only
 * messages without a window, else the window or its descendants) and a message range
 * ({@code 0, 0} meaning all).
 */
record Filter(int hwnd, int min, int max, WindowManager windows) {
  static final int THREAD_MESSAGES_ONLY = -1;

  boolean matches(int messageHwnd, int message) {
    return matchesWindow(messageHwnd) && matchesRange(message);
  }

  boolean matchesRange(int message) {
    if (min == 0 && max == 0) {
      return true;
    }
    return Integer.compareUnsigned(message, min) >= 0 && Integer.compareUnsigned(message, max) <= 0;
  }

  private boolean matchesWindow(int messageHwnd) {
    if (hwnd == 0) {
      return true;
    }
    if (hwnd == THREAD_MESSAGES_ONLY) {
      return messageHwnd == 0;
    }
    return messageHwnd == hwnd || windows.isDescendant(messageHwnd, hwnd);
  }
}
