package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.runTasks;
import static org.wsemu.user.UserTestSupport.window;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOREMOVE;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_CHILD;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.TaskThreadException;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.user.UserTestSupport.Msg;

/** PeekMessage: PM_REMOVE and PM_NOREMOVE, retrieval order, filters, bad arguments, yielding. */
@Timeout(10)
class PeekMessageTest {
  private static final int REMOVE = PM_REMOVE | PM_NOYIELD;
  private static final int NOREMOVE = PM_NOREMOVE | PM_NOYIELD;

  /** Removes messages matching the filter until none is left; returns them in order. */
  private static List<Msg> removeAll(User user, int hWnd, int min, int max) {
    List<Msg> got = new ArrayList<>();
    MSG msg = new MSG();
    while (user.PeekMessage(msg, hWnd, min, max, REMOVE)) {
      got.add(Msg.of(msg));
    }
    return got;
  }

  @BothModes
  void returnsFalseWhenNothingIsQueued(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE));
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, NOREMOVE));
      return 0;
    });
  }

  @BothModes
  void noRemoveReturnsTheHeadMessageAndLeavesItQueued(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      user.PostMessage(hwnd, WM_USER, 1, 10);
      user.PostMessage(hwnd, WM_USER, 2, 20);
      MSG msg = new MSG();
      assertTrue(user.PeekMessage(msg, NULL, 0, 0, NOREMOVE));
      assertEquals(new Msg(hwnd, WM_USER, 1, 10), Msg.of(msg));
      assertTrue(user.PeekMessage(msg, NULL, 0, 0, NOREMOVE));
      assertEquals(new Msg(hwnd, WM_USER, 1, 10), Msg.of(msg));
      assertEquals(List.of(new Msg(hwnd, WM_USER, 1, 10), new Msg(hwnd, WM_USER, 2, 20)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void removeTakesMessagesInFifoOrderUntilNoneIsLeft(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      user.PostMessage(hwnd, WM_USER + 2, 1, 0);
      user.PostAppMessage(NULL, WM_USER + 1, 2, 0);
      user.PostMessage(hwnd, WM_USER, 3, 0);
      assertEquals(List.of(new Msg(hwnd, WM_USER + 2, 1, 0), new Msg(0, WM_USER + 1, 2, 0), new Msg(hwnd, WM_USER, 3, 0)),
          removeAll(user, NULL, 0, 0));
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      return 0;
    });
  }

  @BothModes
  void noRemoveLeavesQuitInPlace(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      user.PostQuitMessage(5);
      MSG msg = new MSG();
      assertTrue(user.PeekMessage(msg, NULL, 0, 0, NOREMOVE));
      assertEquals(new Msg(0, WM_QUIT, 5, 0), Msg.of(msg));
      assertEquals(List.of(new Msg(0, WM_QUIT, 5, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @Test
  void noRemoveLeavesPendingTimerInPlace() throws Exception {
    run(SchedulingMode.WIN16, user -> {
      int hwnd = window(user, "w");
      assertEquals(3, user.SetTimer(hwnd, 3, 100, null));
      int waker = user.SetTimer(NULL, 0, 150, null);
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, -1, 0, 0)); // t=150: only the window-less timer; hwnd's is pending
      assertEquals(new Msg(0, WM_TIMER, waker, 0), Msg.of(msg));
      assertTrue(user.KillTimer(NULL, waker));
      for (int i = 0; i < 2; i++) {
        assertTrue(user.PeekMessage(msg, hwnd, 0, 0, NOREMOVE));
        assertEquals(new Msg(hwnd, WM_TIMER, 3, 0), Msg.of(msg));
      }
      assertEquals(List.of(new Msg(hwnd, WM_TIMER, 3, 0)), removeAll(user, NULL, 0, 0));
      assertEquals(150, user.GetTickCount());
      return 0;
    });
  }

  @BothModes
  void quitComesAfterPostedMessages(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      user.PostQuitMessage(1);
      user.PostAppMessage(NULL, WM_USER, 2, 0);
      assertEquals(List.of(new Msg(0, WM_USER, 2, 0), new Msg(0, WM_QUIT, 1, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void quitIgnoresWindowAndRangeFilters(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int a = window(user, "a");
      int b = window(user, "b");
      user.PostMessage(a, WM_USER, 1, 0);
      user.PostQuitMessage(6);
      assertEquals(List.of(new Msg(0, WM_QUIT, 6, 0)), removeAll(user, b, WM_USER + 1, WM_USER + 1));
      assertEquals(List.of(new Msg(a, WM_USER, 1, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void windowFilterFindsNothingWhenOnlyOtherWindowsHaveMessages(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int a = window(user, "a");
      int b = window(user, "b");
      user.PostMessage(a, WM_USER, 1, 0);
      user.PostAppMessage(NULL, WM_USER, 2, 0);
      assertFalse(user.PeekMessage(new MSG(), b, 0, 0, REMOVE));
      assertEquals(List.of(new Msg(a, WM_USER, 1, 0)), removeAll(user, a, 0, 0));
      assertEquals(List.of(new Msg(0, WM_USER, 2, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void windowFilterIncludesChildWindows(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int parent = window(user, "parent");
      int child = user.CreateWindow("parent", "child", WS_CHILD, 0, 0, 0, 0, parent, 0, 0, null);
      int other = window(user, "other");
      user.PostMessage(other, WM_USER, 1, 0);
      user.PostMessage(child, WM_USER, 2, 0);
      user.PostMessage(parent, WM_USER, 3, 0);
      assertEquals(List.of(new Msg(child, WM_USER, 2, 0), new Msg(parent, WM_USER, 3, 0)), removeAll(user, parent, 0, 0));
      assertEquals(List.of(), removeAll(user, child, 0, 0));
      assertEquals(List.of(new Msg(other, WM_USER, 1, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void minusOneFilterRetrievesOnlyMessagesWithoutWindow(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      user.PostMessage(hwnd, WM_USER, 1, 0);
      user.PostAppMessage(NULL, WM_USER, 2, 0);
      assertEquals(List.of(new Msg(0, WM_USER, 2, 0)), removeAll(user, -1, 0, 0));
      assertEquals(List.of(new Msg(hwnd, WM_USER, 1, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void rangeFilterSkipsMessagesOutsideTheRange(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      for (int offset : new int[] {5, 1, 6, 2}) {
        user.PostAppMessage(NULL, WM_USER + offset, offset, 0);
      }
      assertEquals(List.of(new Msg(0, WM_USER + 1, 1, 0), new Msg(0, WM_USER + 2, 2, 0)),
          removeAll(user, NULL, WM_USER, WM_USER + 4));
      assertEquals(List.of(new Msg(0, WM_USER + 5, 5, 0), new Msg(0, WM_USER + 6, 6, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void nullMsgReturnsFalseAndLeavesTheQueueAlone(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertFalse(user.PeekMessage(null, NULL, 0, 0, REMOVE));
      assertEquals(List.of(new Msg(0, WM_USER, 1, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @BothModes
  void staleWindowFilterReturnsFalseEvenWithMessagesQueued(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int stale = window(user, "w");
      assertTrue(user.DestroyWindow(stale));
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertFalse(user.PeekMessage(new MSG(), stale, 0, 0, REMOVE));
      assertEquals(List.of(new Msg(0, WM_USER, 1, 0)), removeAll(user, NULL, 0, 0));
      return 0;
    });
  }

  @Test
  void win16PeekFindingNothingYieldsToOtherTasksBeforeReturningFalse() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    runTasks(SchedulingMode.WIN16, user -> {
      MSG msg = new MSG();
      log.add("peek 1: " + user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE));
      log.add("peek 2: " + user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE) + " " + Msg.of(msg));
      return 0;
    }, (user, peeker) -> {
      log.add("poster runs");
      user.PostAppMessage(peeker.handle(), WM_USER, 8, 0);
      return 0;
    });
    assertEquals(List.of("poster runs", "peek 1: false", "peek 2: true " + new Msg(0, WM_USER, 8, 0)), log);
  }

  @Test
  void win16PeekWithNoYieldDoesNotLetOtherTasksRun() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    runTasks(SchedulingMode.WIN16, user -> {
      log.add("peek: " + user.PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE | PM_NOYIELD));
      user.Yield();
      log.add("after Yield");
      return 0;
    }, user -> {
      log.add("other runs");
      return 0;
    });
    assertEquals(List.of("peek: false", "other runs", "after Yield"), log);
  }

  @Test
  void win16PeekFindingNothingAloneAdvancesVirtualTimeByOneMillisecond() throws Exception {
    run(SchedulingMode.WIN16, user -> {
      assertEquals(0, user.GetTickCount());
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE));
      assertEquals(1, user.GetTickCount());
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE | PM_NOYIELD));
      assertEquals(1, user.GetTickCount());
      return 0;
    });
  }

  @BothModes
  void isTaskOnlyAndThrowsOnPlainThread(SchedulingMode mode) {
    try (Emulator emu = Emus.builder(mode).build()) {
      assertThrows(TaskThreadException.class, () -> emu.user().PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE));
    }
  }
}
