package org.wsemu.user;

import java.util.Map;

/** Names of well-known messages, for traces: {@code WM_TIMER}, {@code WM_USER+0x0002}, or hex. */
final class MessageNames {
  private MessageNames() {}

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(WinUser.WM_NULL, "WM_NULL"),
      Map.entry(WinUser.WM_CREATE, "WM_CREATE"),
      Map.entry(WinUser.WM_DESTROY, "WM_DESTROY"),
      Map.entry(WinUser.WM_PAINT, "WM_PAINT"),
      Map.entry(WinUser.WM_CLOSE, "WM_CLOSE"),
      Map.entry(WinUser.WM_QUIT, "WM_QUIT"),
      Map.entry(WinUser.WM_KEYDOWN, "WM_KEYDOWN"),
      Map.entry(WinUser.WM_KEYUP, "WM_KEYUP"),
      Map.entry(WinUser.WM_CHAR, "WM_CHAR"),
      Map.entry(WinUser.WM_DEADCHAR, "WM_DEADCHAR"),
      Map.entry(WinUser.WM_SYSKEYDOWN, "WM_SYSKEYDOWN"),
      Map.entry(WinUser.WM_SYSKEYUP, "WM_SYSKEYUP"),
      Map.entry(WinUser.WM_SYSCHAR, "WM_SYSCHAR"),
      Map.entry(WinUser.WM_COMMAND, "WM_COMMAND"),
      Map.entry(WinUser.WM_TIMER, "WM_TIMER"));

  static String of(int message) {
    String name = NAMES.get(message);
    if (name != null) {
      return name;
    }
    if (message >= WinUser.WM_USER && message < 0x8000) {
      return String.format("WM_USER+0x%04X", message - WinUser.WM_USER);
    }
    return Hex.word(message);
  }
}
