package org.wsemu.user;

/** Fixed-width hexadecimal renderings for traces and toString ("0x002A", "0x0000002A"). */
final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  static String word(int value) {
    return digits(value & 0xFFFF, 4);
  }

  static String dword(int value) {
    return digits(value, 8);
  }

  /** A handle: 4 digits when it fits 16 bits, 8 otherwise. */
  static String handle(int value) {
    return (value & 0xFFFF0000) == 0 ? word(value) : dword(value);
  }

  private static String digits(int value, int count) {
    char[] text = new char[count + 2];
    text[0] = '0';
    text[1] = 'x';
    for (int i = count + 1; i >= 2; i--) {
      text[i] = DIGITS[value & 0xF];
      value >>>= 4;
    }
    return new String(text);
  }
}
