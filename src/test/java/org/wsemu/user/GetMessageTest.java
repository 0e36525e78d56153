package org.wsemu.user;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.runTasks;
import static org.wsemu.user.UserTestSupport.window;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOREMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_CHILD;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskThreadException;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.user.UserTestSupport.Msg;

/** GetMessage: return values, retrieval order, filters, and blocking until something arrives. */
@Timeout(10)
class GetMessageTest {
  /** Retrieves {@code count} messages with GetMessage, each of which must not be WM_QUIT. */
  private static List<Msg> get(User user, int hWnd, int min, int max, int count) {
    List<Msg> got = new ArrayList<>();
    MSG msg = new MSG();
    for (int i = 0; i < count; i++) {
      assertEquals(1, user.GetMessage(msg, hWnd, min, max));
      got.add(Msg.of(msg));
    }
    return got;
  }

  private static List<Msg> drain(User user, int count) {
    return get(user, NULL, 0, 0, count);
  }

  @BothModes
  void returnsOneAndFillsMsgForPostedMessage(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      assertTrue(user.PostMessage(hwnd, WM_USER + 1, 7, 0x12345678));
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(new Msg(hwnd, WM_USER + 1, 7, 0x12345678), Msg.of(msg));
      return 0;
    });
  }

  @BothModes
  void returnsZeroForQuitWithExitCodeInWParam(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      user.PostQuitMessage(3);
      MSG msg = new MSG();
      assertEquals(0, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(new Msg(0, WM_QUIT, 3, 0), Msg.of(msg));
      return 0;
    });
  }

  @BothModes
  void retrievesPostedMessagesInFifoOrder(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int a = window(user, "a");
      int b = window(user, "b");
      user.PostMessage(a, WM_USER + 1, 1, 0);
      user.PostMessage(b, WM_USER + 2, 2, 0);
      user.PostAppMessage(NULL, WM_USER + 3, 3, 0);
      user.PostMessage(a, WM_USER + 4, 4, 0);
      assertEquals(List.of(new Msg(a, WM_USER + 1, 1, 0), new Msg(b, WM_USER + 2, 2, 0),
          new Msg(0, WM_USER + 3, 3, 0), new Msg(a, WM_USER + 4, 4, 0)), drain(user, 4));
      return 0;
    });
  }

  @BothModes
  void quitIsRetrievedAfterPostedMessages(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      user.PostQuitMessage(9);
      user.PostMessage(hwnd, WM_USER, 1, 0);
      user.PostMessage(hwnd, WM_USER, 2, 0);
      MSG msg = new MSG();
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        got.add(user.GetMessage(msg, NULL, 0, 0) + " " + Msg.of(msg));
      }
      assertEquals(List.of("1 " + new Msg(hwnd, WM_USER, 1, 0), "1 " + new Msg(hwnd, WM_USER, 2, 0),
          "0 " + new Msg(0, WM_QUIT, 9, 0)), got);
      return 0;
    });
  }

  @BothModes
  void quitIgnoresWindowAndRangeFilters(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int a = window(user, "a");
      int b = window(user, "b");
      user.PostMessage(a, WM_USER, 1, 0);
      user.PostQuitMessage(4);
      MSG msg = new MSG();
      assertEquals(0, user.GetMessage(msg, b, WM_USER + 10, WM_USER + 20));
      assertEquals(new Msg(0, WM_QUIT, 4, 0), Msg.of(msg));
      assertEquals(List.of(new Msg(a, WM_USER, 1, 0)), drain(user, 1));
      return 0;
    });
  }

  @BothModes
  void pendingTimerIsRetrievedAfterPostedMessagesAndQuit(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      assertEquals(5, user.SetTimer(hwnd, 5, 10, null));
      MSG msg = new MSG();
      while (!user.PeekMessage(msg, NULL, WM_TIMER, WM_TIMER, PM_NOREMOVE)) {
        // each empty peek yields: Win16 virtual time moves on, Win32 real time passes
      }
      user.PostMessage(hwnd, WM_USER, 1, 0);
      user.PostQuitMessage(2);
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        got.add(user.GetMessage(msg, NULL, 0, 0) + " " + Msg.of(msg));
      }
      assertEquals(List.of("1 " + new Msg(hwnd, WM_USER, 1, 0), "0 " + new Msg(0, WM_QUIT, 2, 0),
          "1 " + new Msg(hwnd, WM_TIMER, 5, 0)), got);
      return 0;
    });
  }

  @BothModes
  void windowFilterRetrievesOnlyThatWindowsMessagesAndLeavesOthersQueued(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int a = window(user, "a");
      int b = window(user, "b");
      user.PostMessage(a, WM_USER, 1, 0);
      user.PostAppMessage(NULL, WM_USER, 2, 0);
      user.PostMessage(b, WM_USER, 3, 0);
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, b, 0, 0));
      assertEquals(new Msg(b, WM_USER, 3, 0), Msg.of(msg));
      assertEquals(List.of(new Msg(a, WM_USER, 1, 0), new Msg(0, WM_USER, 2, 0)), drain(user, 2));
      return 0;
    });
  }

  @BothModes
  void windowFilterIncludesDescendantWindows(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int parent = window(user, "parent");
      int child = user.CreateWindow("parent", "child", WS_CHILD, 0, 0, 0, 0, parent, 0, 0, null);
      int grandchild = user.CreateWindow("parent", "grandchild", WS_CHILD, 0, 0, 0, 0, child, 0, 0, null);
      int other = window(user, "other");
      user.PostMessage(other, WM_USER, 1, 0);
      user.PostMessage(grandchild, WM_USER, 2, 0);
      user.PostMessage(child, WM_USER, 3, 0);
      assertEquals(List.of(new Msg(grandchild, WM_USER, 2, 0), new Msg(child, WM_USER, 3, 0)), get(user, parent, 0, 0, 2));
      assertEquals(List.of(new Msg(other, WM_USER, 1, 0)), drain(user, 1));
      return 0;
    });
  }

  @BothModes
  void minusOneFilterRetrievesOnlyMessagesWithoutWindow(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int hwnd = window(user, "w");
      user.PostMessage(hwnd, WM_USER, 1, 0);
      user.PostMessage(NULL, WM_USER, 2, 0);
      user.PostMessage(hwnd, WM_USER, 3, 0);
      user.PostAppMessage(NULL, WM_USER, 4, 0);
      assertEquals(List.of(new Msg(0, WM_USER, 2, 0), new Msg(0, WM_USER, 4, 0)), get(user, -1, 0, 0, 2));
      assertEquals(List.of(new Msg(hwnd, WM_USER, 1, 0), new Msg(hwnd, WM_USER, 3, 0)), drain(user, 2));
      return 0;
    });
  }

  @BothModes
  void rangeFilterIsInclusiveAndLeavesOtherMessagesQueued(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      for (int offset : new int[] {0, 3, 1, 4, 2}) {
        user.PostAppMessage(NULL, WM_USER + offset, offset, 0);
      }
      MSG msg = new MSG();
      List<Integer> inRange = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        assertEquals(1, user.GetMessage(msg, NULL, WM_USER + 1, WM_USER + 3));
        inRange.add(msg.message - WM_USER);
      }
      assertEquals(List.of(3, 1, 2), inRange);
      assertEquals(List.of(new Msg(0, WM_USER, 0, 0), new Msg(0, WM_USER + 4, 4, 0)), drain(user, 2));
      return 0;
    });
  }

  @BothModes
  void nullMsgReturnsMinusOne(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertEquals(-1, user.GetMessage(null, NULL, 0, 0));
      assertEquals(List.of(new Msg(0, WM_USER, 1, 0)), drain(user, 1));
      return 0;
    });
  }

  @BothModes
  void staleWindowFilterReturnsMinusOne(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      int stale = window(user, "w");
      assertTrue(user.DestroyWindow(stale));
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertEquals(-1, user.GetMessage(new MSG(), stale, 0, 0));
      assertEquals(List.of(new Msg(0, WM_USER, 1, 0)), drain(user, 1));
      return 0;
    });
  }

  @BothModes
  void blocksUntilAnotherTaskPosts(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    runTasks(mode, user -> {
      MSG msg = new MSG();
      log.add("receiver waits");
      waiting.countDown();
      int ret = user.GetMessage(msg, NULL, 0, 0);
      log.add("receiver got " + ret + " " + Msg.of(msg));
      return 0;
    }, (user, receiver) -> {
      assertTrue(waiting.await(5, SECONDS)); // Win16: already counted down when this task runs
      log.add("poster posts");
      assertTrue(user.PostAppMessage(receiver.handle(), WM_USER, 42, 43));
      return 0;
    });
    assertEquals(List.of("receiver waits", "poster posts", "receiver got 1 " + new Msg(0, WM_USER, 42, 43)), log);
  }

  @BothModes
  void blocksUntilPlainJavaThreadPosts(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicInteger hwnd = new AtomicInteger();
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      Task task = emu.createTask("main", () -> {
        hwnd.set(window(user, "w"));
        MSG msg = new MSG();
        log.add("task waits");
        waiting.countDown();
        int ret = user.GetMessage(msg, NULL, 0, 0);
        log.add("task got " + ret + " " + Msg.of(msg));
        return 0;
      });
      emu.start();
      assertTrue(waiting.await(5, SECONDS));
      log.add("thread posts");
      assertTrue(user.PostMessage(hwnd.get(), WM_USER + 5, 6, 7));
      Emus.join(task);
      assertEquals(List.of("task waits", "thread posts", "task got 1 " + new Msg(hwnd.get(), WM_USER + 5, 6, 7)), log);
    }
  }

  @Test
  void win16ProcessesMessagesSentByOtherTasksBeforeReturningPostedOnes() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    AtomicInteger hwnd = new AtomicInteger();
    runTasks(SchedulingMode.WIN16, user -> {
      hwnd.set(Emus.window(user, "w", (h, m, wp, lp) -> {
        if (m >= WM_USER) {
          log.add("proc " + (m - WM_USER));
        }
        return 0;
      }));
      user.PostMessage(hwnd.get(), WM_USER + 1, 0, 0);
      user.Yield(); // the sender runs and sends while the posted message waits
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      log.add("receiver got " + (msg.message - WM_USER));
      return 0;
    }, user -> {
      log.add("sender got " + user.SendMessage(hwnd.get(), WM_USER + 2, 0, 0));
      return 0;
    });
    assertEquals(List.of("proc 2", "sender got 0", "receiver got 1"), log);
  }

  @BothModes
  void isTaskOnlyAndThrowsOnPlainThread(SchedulingMode mode) {
    try (Emulator emu = Emus.builder(mode).build()) {
      assertThrows(TaskThreadException.class, () -> emu.user().GetMessage(new MSG(), NULL, 0, 0));
    }
  }
}
