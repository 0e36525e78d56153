package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.task.SchedulingMode.WIN16;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.runTasks;
import static org.wsemu.user.UserTestSupport.window;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;

/**
 * SetTimer, KillTimer and WM_TIMER. Win16 virtual time makes every expiry exact: the clock starts
 * at 0 and jumps to the next timer while the task waits in GetMessage.
 */
@Timeout(10)
class TimerTest {
  private static final int REMOVE = PM_REMOVE | PM_NOYIELD;

  /** A retrieved WM_TIMER: its window, timer id and retrieval time. */
  record Tick(int hwnd, int id, int time) {}

  /** Waits in GetMessage for {@code count} messages, each of which must be a WM_TIMER with lParam 0. */
  private static List<Tick> ticks(User user, int hWnd, int count) {
    List<Tick> got = new ArrayList<>();
    MSG msg = new MSG();
    for (int i = 0; i < count; i++) {
      assertEquals(1, user.GetMessage(msg, hWnd, 0, 0));
      assertEquals(WM_TIMER, msg.message);
      assertEquals(0, msg.lParam);
      got.add(new Tick(msg.hwnd, msg.wParam, msg.time));
    }
    return got;
  }

  /** Lets virtual time reach {@code until} while retrieving nothing for any window. */
  private static void idleUntil(User user, int until) {
    int id = user.SetTimer(NULL, 0, until - user.GetTickCount(), null);
    assertEquals(List.of(new Tick(0, id, until)), ticks(user, -1, 1));
    assertTrue(user.KillTimer(NULL, id));
  }

  @Test
  void windowTimerDeliversWmTimerAtExactVirtualTimes() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      assertEquals(7, user.SetTimer(hwnd, 7, 100, null));
      assertEquals(List.of(new Tick(hwnd, 7, 100), new Tick(hwnd, 7, 200), new Tick(hwnd, 7, 300)),
          ticks(user, NULL, 3));
      return 0;
    });
  }

  @Test
  void windowTimerWithIdZeroReturnsOneAndKeepsIdZero() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      assertEquals(1, user.SetTimer(hwnd, 0, 100, null));
      assertEquals(List.of(new Tick(hwnd, 0, 100)), ticks(user, NULL, 1)); // as in Wine: only the return value is 1
      return 0;
    });
  }

  @Test
  void elapseBelowMinimumIsRaisedToTenMilliseconds() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      assertEquals(1, user.SetTimer(hwnd, 1, 0, null));
      assertEquals(List.of(new Tick(hwnd, 1, 10), new Tick(hwnd, 1, 20)), ticks(user, NULL, 2));
      return 0;
    });
  }

  @Test
  void onlyOneWmTimerIsPendingWhileTheTaskDoesNotPump() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 100, null);
      idleUntil(user, 1000); // ten periods without retrieving the window's messages
      MSG msg = new MSG();
      List<Tick> got = new ArrayList<>();
      while (user.PeekMessage(msg, NULL, 0, 0, REMOVE)) {
        got.add(new Tick(msg.hwnd, msg.wParam, msg.time));
      }
      assertEquals(List.of(new Tick(hwnd, 1, 1000)), got);
      return 0;
    });
  }

  @Test
  void afterCoalescingTheNextTickIsOnTheOriginalPeriodGrid() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 300, null);
      idleUntil(user, 1000); // ticks due at 300, 600, 900 coalesced into one
      assertEquals(List.of(new Tick(hwnd, 1, 1000), new Tick(hwnd, 1, 1200), new Tick(hwnd, 1, 1500)),
          ticks(user, NULL, 3));
      return 0;
    });
  }

  @Test
  void pendingTimersAreRetrievedInExpiryOrder() throws Exception {
    run(WIN16, user -> {
      int slow = window(user, "slow");
      int fast = window(user, "fast");
      user.SetTimer(slow, 1, 300, null);
      user.SetTimer(fast, 2, 100, null);
      idleUntil(user, 1000);
      assertEquals(List.of(new Tick(fast, 2, 1000), new Tick(slow, 1, 1000)), ticks(user, NULL, 2));
      return 0;
    });
  }

  @Test
  void killTimerDiscardsPendingWmTimerAndStopsTheTimer() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 100, null);
      idleUntil(user, 150);
      assertTrue(user.KillTimer(hwnd, 1));
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      int sentinel = user.SetTimer(NULL, 0, 850, null);
      assertEquals(List.of(new Tick(0, sentinel, 1000)), ticks(user, NULL, 1));
      return 0;
    });
  }

  @Test
  void killTimerReturnsFalseForUnknownTimers() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 100, null);
      List<Boolean> results = List.of(user.KillTimer(hwnd, 2), user.KillTimer(NULL, 1),
          user.KillTimer(hwnd, 1), user.KillTimer(hwnd, 1));
      assertEquals(List.of(false, false, true, false), results);
      return 0;
    });
  }

  @Test
  void setTimerWithTheSameWindowAndIdReplacesTheTimerFromNow() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 100, null);
      idleUntil(user, 50);
      assertEquals(1, user.SetTimer(hwnd, 1, 200, null));
      assertEquals(List.of(new Tick(hwnd, 1, 250), new Tick(hwnd, 1, 450)), ticks(user, NULL, 2));
      return 0;
    });
  }

  @Test
  void setTimerWithTheSameWindowAndIdDiscardsThePendingWmTimer() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 100, null);
      idleUntil(user, 150);
      assertEquals(1, user.SetTimer(hwnd, 1, 100, null));
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      assertEquals(List.of(new Tick(hwnd, 1, 250)), ticks(user, NULL, 1));
      return 0;
    });
  }

  @Test
  void windowlessTimersGetDistinctGeneratedIdsAndHwndZero() throws Exception {
    run(WIN16, user -> {
      int first = user.SetTimer(NULL, 0, 100, null);
      int second = user.SetTimer(NULL, 0, 150, null);
      assertNotEquals(first, second);
      for (int id : new int[] {first, second}) {
        assertTrue(id >= 1 && id <= 0x7FFF, "id " + id);
      }
      assertEquals(List.of(new Tick(0, first, 100), new Tick(0, second, 150)), ticks(user, NULL, 2));
      return 0;
    });
  }

  @Test
  void setTimerWithTheIdOfAnExistingWindowlessTimerReplacesIt() throws Exception {
    run(WIN16, user -> {
      int id = user.SetTimer(NULL, 0, 100, null);
      assertEquals(id, user.SetTimer(NULL, id, 300, null));
      assertEquals(List.of(new Tick(0, id, 300), new Tick(0, id, 600)), ticks(user, NULL, 2));
      return 0;
    });
  }

  @Test
  void timerProcIsCalledByDispatchMessageInsteadOfTheWindowProcedure() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    AtomicInteger hwnd = new AtomicInteger();
    run(WIN16, user -> {
      hwnd.set(Emus.window(user, "w", (h, m, wp, lp) -> {
        calls.add("WndProc msg=" + m);
        return 0;
      }));
      calls.clear(); // forget WM_CREATE
      assertEquals(5, user.SetTimer(hwnd.get(), 5, 100, (h, m, id, time) ->
          calls.add("TimerProc hwnd=" + h + " msg=" + m + " id=" + id + " time=" + time)));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(List.of(WM_TIMER, hwnd.get(), 5), List.of(msg.message, msg.hwnd, msg.wParam));
      assertNotEquals(0, msg.lParam);
      assertEquals(0, user.DispatchMessage(msg));
      return 0;
    });
    assertEquals(List.of("TimerProc hwnd=" + hwnd.get() + " msg=" + WM_TIMER + " id=5 time=100"), calls);
  }

  @Test
  void windowlessTimerProcGetsHwndZero() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    int id = run(WIN16, user -> {
      int timer = user.SetTimer(NULL, 0, 40, (h, m, i, time) -> calls.add("hwnd=" + h + " id=" + i + " time=" + time));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      user.DispatchMessage(msg);
      return timer;
    });
    assertEquals(List.of("hwnd=0 id=" + id + " time=40"), calls);
  }

  @Test
  void destroyWindowKillsItsTimersAndTheirPendingWmTimer() throws Exception {
    run(WIN16, user -> {
      int hwnd = window(user, "w");
      user.SetTimer(hwnd, 1, 100, null);
      user.SetTimer(hwnd, 2, 100, null);
      idleUntil(user, 150);
      assertTrue(user.DestroyWindow(hwnd));
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      assertEquals(List.of(false, false), List.of(user.KillTimer(hwnd, 1), user.KillTimer(hwnd, 2)));
      int sentinel = user.SetTimer(NULL, 0, 850, null);
      assertEquals(List.of(new Tick(0, sentinel, 1000)), ticks(user, NULL, 1));
      return 0;
    });
  }

  @Test
  void setTimerOnADestroyedWindowReturnsZero() throws Exception {
    run(WIN16, user -> {
      int stale = window(user, "w");
      user.DestroyWindow(stale);
      assertEquals(0, user.SetTimer(stale, 1, 100, null));
      return 0;
    });
  }

  @Test
  void setTimerOnAnotherTasksWindowReturnsZero() throws Exception {
    AtomicInteger hwnd = new AtomicInteger();
    AtomicInteger result = new AtomicInteger(-1);
    runTasks(WIN16, user -> {
      hwnd.set(window(user, "w"));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0)); // lets the other task run
      assertEquals(WM_USER, msg.message);
      return 0;
    }, user -> {
      result.set(user.SetTimer(hwnd.get(), 1, 100, null));
      user.PostMessage(hwnd.get(), WM_USER, 0, 0);
      return 0;
    });
    assertEquals(0, result.get());
  }

  @Test
  @Timeout(20)
  void win32RealTimeTimerTicksNoEarlierThanItsPeriod() throws Exception {
    run(SchedulingMode.WIN32, user -> {
      int hwnd = window(user, "w");
      int start = user.GetTickCount();
      assertEquals(3, user.SetTimer(hwnd, 3, 20, null));
      List<Tick> got = ticks(user, NULL, 3);
      for (int i = 0; i < got.size(); i++) {
        assertEquals(hwnd, got.get(i).hwnd());
        assertEquals(3, got.get(i).id());
        assertTrue(got.get(i).time() - start >= 20 * (i + 1), "tick " + i + " at " + (got.get(i).time() - start));
      }
      assertTrue(user.KillTimer(hwnd, 3));
      return 0;
    });
  }

  /**
   * Measured on the machine's own monotonic clock, not on GetTickCount (whose truncation to whole
   * milliseconds hides up to one millisecond): from just before SetTimer, the k-th WM_TIMER is
   * retrieved no earlier than k periods later. Many rounds, so that SetTimer falls at every point
   * of a millisecond.
   */
  @BothModes
  @Timeout(30)
  void realTimeTimersNeverFireBeforeTheirIntervalHasPassed(SchedulingMode mode) throws Exception {
    run(Emus.builder(mode).clock(Clock.system()), user -> {
      int hwnd = window(user, "w");
      MSG msg = new MSG();
      for (int round = 0; round < 40; round++) {
        long before = System.nanoTime();
        assertEquals(5, user.SetTimer(hwnd, 5, 10, null));
        for (int k = 1; k <= 2; k++) {
          assertEquals(1, user.GetMessage(msg, hwnd, WM_TIMER, WM_TIMER));
          long elapsed = System.nanoTime() - before;
          assertTrue(elapsed >= k * 10_000_000L, "round " + round + ", tick " + k + " after " + elapsed + " ns");
        }
        assertTrue(user.KillTimer(hwnd, 5));
      }
      return 0;
    });
  }
}
