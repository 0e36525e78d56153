package org.wsemu.user;

/**
 * Basic Windows types and macros, after {@code windef.h}: the values and word-packing helpers that
 * ported C code uses everywhere. Import statically: {@code import static org.wsemu.user.WinDef.*;}.
 *
 * <p>Java mapping: {@code WORD}, {@code UINT} (Win16), {@code HWND}, {@code HTASK} and
 * {@code WPARAM} are {@code int} holding an unsigned 16-bit value; {@code DWORD}, {@code LONG},
 * {@code LPARAM} and {@code LRESULT} are {@code int} holding 32 bits (use
 * {@link Integer#toUnsignedLong(int)} where C would treat them as unsigned).
 *
 * <p>Stateless; thread-safe.
 */
public final class WinDef {
  private WinDef() {}

  /** {@code FALSE}. */
  public static final int FALSE = 0;
  /** {@code TRUE}. */
  public static final int TRUE = 1;
  /** {@code NULL} for handles: no window, no task. Pointer arguments take Java {@code null}. */
  public static final int NULL = 0;

  /** {@code MAKELONG(low, high)}: two 16-bit words into a 32-bit long. */
  public static int MAKELONG(int low, int high) {
    return (low & 0xFFFF) | ((high & 0xFFFF) << 16);
  }

  /** {@code MAKELPARAM(low, high)}, the same as {@link #MAKELONG}. */
  public static int MAKELPARAM(int low, int high) {
    return MAKELONG(low, high);
  }

  /** {@code MAKELRESULT(low, high)}, the same as {@link #MAKELONG}. */
  public static int MAKELRESULT(int low, int high) {
    return MAKELONG(low, high);
  }

  /** {@code LOWORD(l)}: the low 16 bits, unsigned. */
  public static int LOWORD(int l) {
    return l & 0xFFFF;
  }

  /** {@code HIWORD(l)}: the high 16 bits, unsigned. */
  public static int HIWORD(int l) {
    return (l >>> 16) & 0xFFFF;
  }

  /** {@code MAKEWORD(low, high)}: two bytes into a 16-bit word. */
  public static int MAKEWORD(int low, int high) {
    return (low & 0xFF) | ((high & 0xFF) << 8);
  }

  /** {@code LOBYTE(w)}: the low 8 bits, unsigned. */
  public static int LOBYTE(int w) {
    return w & 0xFF;
  }

  /** {@code HIBYTE(w)}: bits 8 to 15, unsigned. */
  public static int HIBYTE(int w) {
    return (w >>> 8) & 0xFF;
  }
}
