package org.wsemu.user;

/** Fixed-width hexadecimal renderings for traces and toString. */
final class Hex {
  private Hex() {}

  static String word(int value) {
    return String.format("0x%04X", value & 0xFFFF);
  }

  static String dword(int value) {
    return String.format("0x%08X", value);
  }

  /** A handle: 4 digits when it fits 16 bits, 8 otherwise. */
  static String handle(int value) {
    return (value & 0xFFFF0000) == 0 ? word(value) : dword(value);
  }
}
