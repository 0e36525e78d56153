package org.wsemu.user;

/**
 * TranslateMessage's keyboard table: which virtual keys make a character. There is no keyboard
 * state (no Shift, no Caps Lock), so letters translate to lower case.
 */
final class Keyboard {
  private Keyboard() {}

  static boolean isKeyMessage(int message) {
    return message == WinUser.WM_KEYDOWN || message == WinUser.WM_KEYUP
        || message == WinUser.WM_SYSKEYDOWN || message == WinUser.WM_SYSKEYUP;
  }

  /** WM_CHAR for WM_KEYDOWN, WM_SYSCHAR for WM_SYSKEYDOWN. */
  static int charMessageFor(int keyMessage) {
    return keyMessage == WinUser.WM_SYSKEYDOWN ? WinUser.WM_SYSCHAR : WinUser.WM_CHAR;
  }

  /** The character a key-down makes, or 0. */
  static int translate(int message, int virtualKey) {
    if (message != WinUser.WM_KEYDOWN && message != WinUser.WM_SYSKEYDOWN) {
      return 0;
    }
    if (virtualKey >= 'A' && virtualKey <= 'Z') {
      return virtualKey + ('a' - 'A');
    }
    if (virtualKey >= '0' && virtualKey <= '9') {
      return virtualKey;
    }
    switch (virtualKey) {
      case WinUser.VK_SPACE:
      case WinUser.VK_RETURN:
      case WinUser.VK_BACK:
      case WinUser.VK_TAB:
      case WinUser.VK_ESCAPE:
        return virtualKey;
      default:
        return 0;
    }
  }
}
