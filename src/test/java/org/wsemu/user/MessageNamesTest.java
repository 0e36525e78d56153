package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names the trace gives message numbers. */
class MessageNamesTest {

  @Test
  void knownMessagesByName() {
    assertEquals("WM_NULL", MessageNames.of(WinUser.WM_NULL));
    assertEquals("WM_TIMER", MessageNames.of(WinUser.WM_TIMER));
    assertEquals("WM_COMMAND", MessageNames.of(WinUser.WM_COMMAND));
    assertEquals("WM_QUIT", MessageNames.of(WinUser.WM_QUIT));
  }

  @Test
  void aProgramsOwnMessageIsWmUserPlusTheDecimalOffset() {
    assertEquals("WM_USER", MessageNames.of(WinUser.WM_USER));
    assertEquals("WM_USER+1", MessageNames.of(WinUser.WM_USER + 1));
    assertEquals("WM_USER+2", MessageNames.of(0x0402));
    assertEquals("WM_USER+16", MessageNames.of(WinUser.WM_USER + 16));
    assertEquals("WM_USER+31743", MessageNames.of(0x7FFF));
  }

  @Test
  void otherNumbersInHex() {
    assertEquals("0x0200", MessageNames.of(0x0200)); // below WM_USER, not one the emulator knows
    assertEquals("0x8000", MessageNames.of(0x8000)); // WM_APP and above are not WM_USER's range
    assertEquals("0xC001", MessageNames.of(0xC001));
  }
}
