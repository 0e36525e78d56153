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

  @Test
  void aFilterOfZeroIsNoneAndOtherwiseAMessageName() {
    assertEquals("0", MessageNames.filter(0));
    assertEquals("WM_TIMER", MessageNames.filter(WinUser.WM_TIMER));
    assertEquals("WM_USER+1", MessageNames.filter(WinUser.WM_USER + 1));
  }

  @Test
  void peekMessagesRemoveFlagsAsCWritesThem() {
    assertEquals("PM_NOREMOVE", MessageNames.peekFlags(WinUser.PM_NOREMOVE));
    assertEquals("PM_REMOVE", MessageNames.peekFlags(WinUser.PM_REMOVE));
    assertEquals("PM_REMOVE|PM_NOYIELD", MessageNames.peekFlags(WinUser.PM_REMOVE | WinUser.PM_NOYIELD));
    assertEquals("PM_NOREMOVE|PM_NOYIELD", MessageNames.peekFlags(WinUser.PM_NOYIELD));
    assertEquals("PM_REMOVE|0x0010", MessageNames.peekFlags(WinUser.PM_REMOVE | 0x10));
  }
}
