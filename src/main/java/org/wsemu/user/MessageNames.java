package org.wsemu.user;

import java.util.Map;

/**
 * The name a trace gives a message number: a known message by name ({@code WM_TIMER}), a
 * program's own message as C code writes it ({@code WM_USER}, {@code WM_USER+2}: the offset in
 * decimal, up to 0x7FFF), anything else as {@code 0x} and four hex digits. Public so that a
 * program's own output can spell a message as its trace does:
 *
 * <pre>{@code
 * String name = MessageNames.of(WinUser.WM_USER + 2); // "WM_USER+2"
 * }</pre>
 *
 * <p>Stateless: may be called from any thread.
 */
public final class MessageNames {
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

  /** The name of {@code message}. */
  public static String of(int message) {
    String name = NAMES.get(message);
    if (name != null) {
      return name;
    }
    if (message == WinUser.WM_USER) {
      return "WM_USER";
    }
    if (message > WinUser.WM_USER && message < 0x8000) {
      return "WM_USER+" + (message - WinUser.WM_USER);
    }
    return Hex.word(message);
  }

  /**
   * A message filter of GetMessage or PeekMessage ({@code wMsgFilterMin}, {@code wMsgFilterMax}):
   * {@code 0} for none, otherwise the message's name ({@code WM_TIMER}).
   */
  public static String filter(int message) {
    return message == 0 ? "0" : of(message);
  }

  /**
   * PeekMessage's {@code wRemoveMsg} as C code writes it: {@code PM_NOREMOVE}, {@code PM_REMOVE},
   * with {@code |PM_NOYIELD} when set; bits with no name last, as {@code 0x} and four hex digits.
   */
  public static String peekFlags(int wRemoveMsg) {
    StringBuilder sb = new StringBuilder((wRemoveMsg & WinUser.PM_REMOVE) != 0 ? "PM_REMOVE" : "PM_NOREMOVE");
    if ((wRemoveMsg & WinUser.PM_NOYIELD) != 0) {
      sb.append("|PM_NOYIELD");
    }
    int unnamed = wRemoveMsg & ~(WinUser.PM_REMOVE | WinUser.PM_NOYIELD);
    if (unnamed != 0) {
      sb.append('|').append(Hex.word(unnamed));
    }
    return sb.toString();
  }
}
