package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.drain;
import static org.wsemu.user.UserTestSupport.entry;
import static org.wsemu.user.UserTestSupport.recording;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.WinDef.*;
import static org.wsemu.user.WinUser.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;

/** TranslateMessage: which key messages make WM_CHAR / WM_SYSCHAR, where they go, what it returns. */
@Timeout(10)
class TranslateMessageTest {
  /** A typical keyboard lParam: repeat count 1, scan code 0x1E. */
  private static final int KEY_LPARAM = 0x001E0001;
  private static final int VK_F1 = 0x70;

  @BothModes
  void keyDownOfEachLetterBecomesItsLowerCaseChar(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      StringBuilder typed = new StringBuilder();
      for (char key = 'A'; key <= 'Z'; key++) {
        typed.append((char) charFor(user, key));
      }
      assertEquals("abcdefghijklmnopqrstuvwxyz", typed.toString());
    });
  }

  @BothModes
  void keyDownOfEachDigitBecomesTheSameChar(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      StringBuilder typed = new StringBuilder();
      for (char key = '0'; key <= '9'; key++) {
        typed.append((char) charFor(user, key));
      }
      assertEquals("0123456789", typed.toString());
    });
  }

  @BothModes
  void keyDownOfSpaceReturnBackTabAndEscapeBecomesTheSameChar(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<Integer> keys = List.of(VK_SPACE, VK_RETURN, VK_BACK, VK_TAB, VK_ESCAPE);
      List<Integer> chars = new ArrayList<>();
      for (int key : keys) {
        chars.add(charFor(user, key));
      }
      assertEquals(List.of(0x20, 0x0D, 0x08, 0x09, 0x1B), chars);
    });
  }

  @BothModes
  void charGoesToTheKeyDownsWindowWithItsLParam(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.PostMessage(hwnd, WM_KEYDOWN, 'Q', KEY_LPARAM));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(true, user.TranslateMessage(msg));
      assertEquals(List.of(entry(hwnd, WM_CHAR, 'q', KEY_LPARAM)), drain(user));
    });
  }

  @BothModes
  void sysKeyDownOfALetterBecomesSysChar(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      MSG msg = new MSG(hwnd, WM_SYSKEYDOWN, 'F', KEY_LPARAM);
      assertEquals(true, user.TranslateMessage(msg));
      assertEquals(List.of(entry(hwnd, WM_SYSCHAR, 'f', KEY_LPARAM)), drain(user));
    });
  }

  @BothModes
  void keyDownWithoutACharacterReturnsTrueAndPostsNothing(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertEquals(List.of(true, true, true), List.of(user.TranslateMessage(new MSG(NULL, WM_KEYDOWN, VK_SHIFT, 0)),
          user.TranslateMessage(new MSG(NULL, WM_KEYDOWN, VK_F1, 0)),
          user.TranslateMessage(new MSG(NULL, WM_SYSKEYDOWN, VK_F1, 0))));
      assertEquals(List.of(), drain(user));
    });
  }

  @BothModes
  void keyUpAndSysKeyUpReturnTrueAndPostNothing(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertEquals(List.of(true, true), List.of(user.TranslateMessage(new MSG(NULL, WM_KEYUP, 'A', 0)),
          user.TranslateMessage(new MSG(NULL, WM_SYSKEYUP, 'A', 0))));
      assertEquals(List.of(), drain(user));
    });
  }

  @BothModes
  void nonKeyMessagesReturnFalseAndPostNothing(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<Boolean> results = new ArrayList<>();
      for (int message : List.of(WM_NULL, WM_CHAR, WM_SYSCHAR, WM_DEADCHAR, WM_TIMER, WM_USER, WM_KEYLAST)) {
        results.add(user.TranslateMessage(new MSG(NULL, message, 'A', 0)));
      }
      results.add(user.TranslateMessage(null));
      assertEquals(List.of(false, false, false, false, false, false, false, false), results);
      assertEquals(List.of(), drain(user));
    });
  }

  @BothModes
  void charIsRetrievedBeforeMessagesAlreadyQueued(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.PostMessage(hwnd, WM_KEYDOWN, 'A', KEY_LPARAM));
      assertTrue(user.PostMessage(hwnd, WM_KEYUP, 'A', KEY_LPARAM));
      assertTrue(user.PostMessage(NULL, WM_USER, 0, 0));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      assertTrue(user.TranslateMessage(msg));
      assertEquals(List.of(entry(hwnd, WM_CHAR, 'a', KEY_LPARAM), entry(hwnd, WM_KEYUP, 'A', KEY_LPARAM),
          entry(NULL, WM_USER, 0, 0)), drain(user));
    });
  }

  @BothModes
  void messageLoopDeliversEachCharBetweenItsKeyDownAndKeyUp(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<String> seen = new CopyOnWriteArrayList<>();
      int hwnd = Emus.window(user, "W", recording(seen, (h, m, w, l) -> 0));
      for (char key : "HI".toCharArray()) {
        assertTrue(user.PostMessage(hwnd, WM_KEYDOWN, key, 1));
        assertTrue(user.PostMessage(hwnd, WM_KEYUP, key, 1));
      }
      user.PostQuitMessage(0);
      MSG msg = new MSG();
      while (user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
      assertEquals(List.of(entry(hwnd, WM_CREATE, 0, 0),
          entry(hwnd, WM_KEYDOWN, 'H', 1), entry(hwnd, WM_CHAR, 'h', 1), entry(hwnd, WM_KEYUP, 'H', 1),
          entry(hwnd, WM_KEYDOWN, 'I', 1), entry(hwnd, WM_CHAR, 'i', 1), entry(hwnd, WM_KEYUP, 'I', 1)), seen);
    });
  }

  /** Translates a WM_KEYDOWN of {@code key} and returns the character of the one WM_CHAR it queued. */
  private static int charFor(User user, int key) {
    assertEquals(true, user.TranslateMessage(new MSG(NULL, WM_KEYDOWN, key, KEY_LPARAM)));
    MSG msg = new MSG();
    assertEquals(true, user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE | PM_NOYIELD));
    assertEquals(List.of(WM_CHAR, KEY_LPARAM), List.of(msg.message, msg.lParam));
    assertEquals(List.of(), drain(user));
    return msg.wParam;
  }
}
