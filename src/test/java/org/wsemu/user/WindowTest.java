package org.wsemu.user;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.create;
import static org.wsemu.user.UserTestSupport.drain;
import static org.wsemu.user.UserTestSupport.entry;
import static org.wsemu.user.UserTestSupport.inOtherTask;
import static org.wsemu.user.UserTestSupport.recording;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.wndClass;
import static org.wsemu.user.WinDef.*;
import static org.wsemu.user.WinUser.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;

/**
 * Windows: CreateWindow, handles, DestroyWindow, IsWindow, GetWindowTask, DefWindowProc and
 * DispatchMessage across tasks. Window classes are in {@link WindowClassTest}.
 */
@Timeout(10)
class WindowTest {
  private static final WNDPROC ZERO = (h, m, w, l) -> 0;

  @BothModes
  void createWindowSendsWmCreateBeforeAnyOtherMessage(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<String> seen = new CopyOnWriteArrayList<>();
      int hwnd = Emus.window(user, "Rec", recording(seen, ZERO));
      user.SendMessage(hwnd, WM_USER, 1, 2);
      assertEquals(List.of(entry(hwnd, WM_CREATE, 0, 0), entry(hwnd, WM_USER, 1, 2)), seen);
    });
  }

  @BothModes
  void createWindowReturnsZeroAndLeavesNoWindowWhenWmCreateReturnsMinusOne(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      AtomicInteger refused = new AtomicInteger();
      user.RegisterClass(wndClass("Refuse", (h, m, w, l) -> {
        refused.compareAndSet(0, h);
        return m == WM_CREATE ? -1 : 0;
      }, 0));
      assertEquals(0, create(user, "Refuse", NULL));
      assertNotEquals(0, refused.get());
      assertEquals(false, user.IsWindow(refused.get()));
    });
  }

  @BothModes
  void createWindowReturnsZeroWhenTheWindowDestroyedItselfDuringWmCreate(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      AtomicInteger created = new AtomicInteger();
      user.RegisterClass(wndClass("Quitter", (h, m, w, l) -> {
        if (m == WM_CREATE) {
          created.set(h);
          user.DestroyWindow(h);
        }
        return 0;
      }, 0));
      assertEquals(0, create(user, "Quitter", NULL));
      assertNotEquals(0, created.get());
      assertEquals(false, user.IsWindow(created.get()));
    });
  }

  @BothModes
  void createWindowOfUnknownClassReturnsZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> assertEquals(0, create(user, "NoSuchClass", NULL)));
  }

  @BothModes
  void createWindowWithStaleParentReturnsZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int parent = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.DestroyWindow(parent));
      assertEquals(0, create(user, "W", parent));
    });
  }

  @BothModes
  void fiveHundredLiveWindowsHaveDistinctNonZeroSixteenBitHandles(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      user.RegisterClass(wndClass("Many", user::DefWindowProc, 0));
      Set<Integer> handles = new HashSet<>();
      for (int i = 0; i < 500; i++) {
        int hwnd = create(user, "Many", NULL);
        assertTrue(hwnd >= 0x0100 && hwnd <= 0xFFFE, "handle " + Integer.toHexString(hwnd));
        handles.add(hwnd);
      }
      assertEquals(500, handles.size());
    });
  }

  @Test
  void handleAllocationWrapsAroundAndSkipsLiveHandles() throws Exception {
    run(SchedulingMode.WIN16, (emu, user) -> {
      int keeper = Emus.window(user, "W", user::DefWindowProc);
      Set<Integer> handed = new HashSet<>();
      for (int i = 0; i < 0x10000; i++) {
        int hwnd = create(user, "W", NULL);
        assertTrue(hwnd != keeper && hwnd >= 0x0100 && hwnd <= 0xFFFE, "handle " + Integer.toHexString(hwnd));
        handed.add(hwnd);
        assertTrue(user.DestroyWindow(hwnd));
      }
      assertEquals(0xFFFE - 0x0100, handed.size()); // every handle of the range but the keeper's
    });
  }

  @BothModes
  void destroyedHandleIsNotHandedOutToTheNextWindow(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int first = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.DestroyWindow(first));
      assertNotEquals(first, create(user, "W", NULL));
      assertEquals(false, user.IsWindow(first));
    });
  }

  @BothModes
  void destroyWindowSendsWmDestroyToParentBeforeChildren(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<Integer> destroyed = new CopyOnWriteArrayList<>();
      int parent = Emus.window(user, "Tree", (h, m, w, l) -> {
        if (m == WM_DESTROY) {
          destroyed.add(h);
        }
        return 0;
      });
      int child = create(user, "Tree", parent);
      int grandchild = create(user, "Tree", child);
      assertTrue(user.DestroyWindow(parent));
      assertEquals(List.of(parent, child, grandchild), destroyed);
      assertEquals(List.of(false, false, false),
          List.of(user.IsWindow(parent), user.IsWindow(child), user.IsWindow(grandchild)));
    });
  }

  @BothModes
  void staleWindowHandleIsRejectedByIsWindowPostSendAndDestroy(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", (h, m, w, l) -> 42);
      assertTrue(user.DestroyWindow(hwnd));
      assertEquals(false, user.IsWindow(hwnd));
      assertEquals(false, user.PostMessage(hwnd, WM_USER, 0, 0));
      assertEquals(0, user.SendMessage(hwnd, WM_USER, 0, 0));
      assertEquals(false, user.DestroyWindow(hwnd));
    });
  }

  @BothModes
  void destroyWindowDiscardsItsPostedMessagesButNotAnotherWindows(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int doomed = Emus.window(user, "W", user::DefWindowProc);
      int other = create(user, "W", NULL);
      for (int i = 1; i <= 3; i++) {
        assertTrue(user.PostMessage(doomed, WM_USER, i, 0));
      }
      assertTrue(user.PostMessage(other, WM_USER + 1, 4, 0));
      assertTrue(user.DestroyWindow(doomed));
      assertEquals(List.of(entry(other, WM_USER + 1, 4, 0)), drain(user));
    });
  }

  @Test
  void destroyWindowKillsItsTimers() throws Exception {
    run(SchedulingMode.WIN16, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertEquals(7, user.SetTimer(hwnd, 7, 100, null));
      int threadTimer = user.SetTimer(NULL, 0, 300, null);
      assertTrue(user.DestroyWindow(hwnd));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(entry(NULL, WM_TIMER, threadTimer, 0), entry(msg));
      assertEquals(300, user.GetTickCount());
    });
  }

  @BothModes
  void destroyWindowOfAnotherTasksWindowReturnsFalseAndKeepsIt(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertEquals(0, inOtherTask(emu, () -> user.DestroyWindow(hwnd) ? 1 : 0));
      assertEquals(true, user.IsWindow(hwnd));
    });
  }

  @BothModes
  void isWindowAndGetWindowTaskAnswerOnANonTaskThread(SchedulingMode mode) throws Exception {
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      AtomicInteger hwnd = new AtomicInteger();
      CountDownLatch created = new CountDownLatch(1);
      Task owner = emu.createTask("owner", () -> {
        hwnd.set(Emus.window(user, "W", user::DefWindowProc));
        created.countDown();
        MSG msg = new MSG();
        user.GetMessage(msg, NULL, 0, 0);
        return user.DestroyWindow(hwnd.get()) ? 1 : 0;
      });
      emu.start();
      assertTrue(created.await(5, SECONDS));
      assertEquals(true, user.IsWindow(hwnd.get()));
      assertEquals(owner.handle(), user.GetWindowTask(hwnd.get()));
      assertTrue(user.PostAppMessage(owner.handle(), WM_USER, 0, 0));
      assertEquals(1, Emus.join(owner));
      assertEquals(false, user.IsWindow(hwnd.get()));
      assertEquals(0, user.GetWindowTask(hwnd.get()));
    }
  }

  @BothModes
  void defWindowProcDestroysTheWindowOnWmClose(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<String> seen = new CopyOnWriteArrayList<>();
      int hwnd = Emus.window(user, "W", recording(seen, user::DefWindowProc));
      assertEquals(0, user.SendMessage(hwnd, WM_CLOSE, 0, 0));
      assertEquals(false, user.IsWindow(hwnd));
      assertEquals(List.of(entry(hwnd, WM_CREATE, 0, 0), entry(hwnd, WM_CLOSE, 0, 0), entry(hwnd, WM_DESTROY, 0, 0)),
          seen);
    });
  }

  @BothModes
  void defWindowProcReturnsZeroAndKeepsTheWindowForOtherMessages(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertEquals(List.of(0, 0, 0), List.of(user.DefWindowProc(hwnd, WM_USER, 1, 2),
          user.DefWindowProc(hwnd, WM_PAINT, 0, 0), user.DefWindowProc(hwnd, WM_DESTROY, 0, 0)));
      assertEquals(true, user.IsWindow(hwnd));
    });
  }

  @BothModes
  void dispatchMessageToAnotherTasksWindowReturnsZeroWithoutCallingIt(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<String> seen = new CopyOnWriteArrayList<>();
      int hwnd = Emus.window(user, "W", recording(seen, (h, m, w, l) -> 7));
      assertEquals(0, inOtherTask(emu, () -> user.DispatchMessage(new MSG(hwnd, WM_USER, 0, 0))));
      assertEquals(List.of(entry(hwnd, WM_CREATE, 0, 0)), seen);
      assertEquals(7, user.DispatchMessage(new MSG(hwnd, WM_USER, 0, 0)));
    });
  }
}
