package org.wsemu.user;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.runTasks;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOREMOVE;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskThreadException;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;

/** WaitMessage: returns for a message that arrived after the last look, and only then. */
@Timeout(10)
class WaitMessageTest {
  private static final int REMOVE = PM_REMOVE | PM_NOYIELD;

  /** The wParams of the messages left in the calling task's queue, removing them. */
  private static List<Integer> drainWParams(User user) {
    List<Integer> wParams = new ArrayList<>();
    MSG msg = new MSG();
    while (user.PeekMessage(msg, NULL, 0, 0, REMOVE)) {
      wParams.add(msg.wParam);
    }
    return wParams;
  }

  @BothModes
  void returnsImmediatelyForMessagePostedBeforeAnyLook(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertTrue(user.WaitMessage()); // a lone Win16 task would otherwise wait forever
      assertEquals(List.of(1), drainWParams(user));
      return 0;
    });
  }

  @BothModes
  void returnsImmediatelyForMessagePostedAfterTheLastPeek(SchedulingMode mode) throws Exception {
    run(mode, user -> {
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      user.PostAppMessage(NULL, WM_USER, 2, 0);
      assertTrue(user.WaitMessage());
      assertEquals(List.of(2), drainWParams(user));
      return 0;
    });
  }

  @Test
  void win16DoesNotAdvanceVirtualTimeWhenReturningImmediately() throws Exception {
    run(SchedulingMode.WIN16, user -> {
      user.SetTimer(NULL, 0, 500, null);
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertTrue(user.WaitMessage());
      assertEquals(0, user.GetTickCount());
      return 0;
    });
  }

  @Test
  void win16ReturnsWhenATimerExpires() throws Exception {
    run(SchedulingMode.WIN16, user -> {
      int id = user.SetTimer(NULL, 0, 100, null);
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      assertTrue(user.WaitMessage());
      assertEquals(100, user.GetTickCount());
      MSG msg = new MSG();
      assertTrue(user.PeekMessage(msg, NULL, 0, 0, REMOVE));
      assertEquals(List.of(WM_TIMER, id), List.of(msg.message, msg.wParam));
      return 0;
    });
  }

  @BothModes
  void waitsPastAMessageAlreadySeenWithNoRemoveUntilANewOneIsPosted(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    List<Integer> queued = new CopyOnWriteArrayList<>();
    runTasks(mode, user -> {
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      assertTrue(user.PeekMessage(new MSG(), NULL, 0, 0, PM_NOREMOVE | PM_NOYIELD));
      log.add("waiter waits");
      waiting.countDown();
      log.add("WaitMessage " + user.WaitMessage());
      queued.addAll(drainWParams(user));
      return 0;
    }, (user, waiter) -> {
      assertTrue(waiting.await(5, SECONDS)); // Win16: counted down before this task runs
      log.add("poster posts");
      user.PostAppMessage(waiter.handle(), WM_USER, 2, 0);
      return 0;
    });
    assertEquals(List.of("waiter waits", "poster posts", "WaitMessage true"), log);
    assertEquals(List.of(1, 2), queued);
  }

  @Test
  void win16WaitsPastAMessageQueuedBeforeTheLastGetMessage() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    List<Integer> queued = new CopyOnWriteArrayList<>();
    runTasks(SchedulingMode.WIN16, user -> {
      user.PostAppMessage(NULL, WM_USER, 1, 0);
      user.PostAppMessage(NULL, WM_USER, 2, 0);
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      log.add("got " + msg.wParam + ", waiter waits");
      log.add("WaitMessage " + user.WaitMessage());
      queued.addAll(drainWParams(user));
      return 0;
    }, (user, waiter) -> {
      log.add("poster posts");
      user.PostAppMessage(waiter.handle(), WM_USER, 3, 0);
      return 0;
    });
    assertEquals(List.of("got 1, waiter waits", "poster posts", "WaitMessage true"), log);
    assertEquals(List.of(2, 3), queued);
  }

  @BothModes
  void returnsWhenAPlainJavaThreadPostsWhileWaiting(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      Task waiter = emu.createTask("waiter", () -> {
        assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
        log.add("waiter waits");
        waiting.countDown();
        log.add("WaitMessage " + user.WaitMessage());
        log.add("queued " + drainWParams(user));
        return 0;
      });
      emu.start();
      assertTrue(waiting.await(5, SECONDS));
      log.add("thread posts");
      assertTrue(user.PostAppMessage(waiter.handle(), WM_USER, 4, 0));
      Emus.join(waiter);
    }
    assertEquals(List.of("waiter waits", "thread posts", "WaitMessage true", "queued [4]"), log);
  }

  @BothModes
  void processesMessagesSentByOtherTasksWhileWaiting(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    int[] hwnd = new int[1];
    runTasks(mode, user -> {
      int me = user.GetCurrentTask();
      hwnd[0] = Emus.window(user, "w", (h, m, wp, lp) -> {
        if (m == WM_USER) {
          log.add("proc WM_USER " + wp + " on waiter=" + (user.GetCurrentTask() == me));
          return 42;
        }
        return 0;
      });
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, REMOVE));
      log.add("waiter waits");
      waiting.countDown();
      log.add("WaitMessage " + user.WaitMessage());
      log.add("queued " + drainWParams(user));
      return 0;
    }, user -> {
      assertTrue(waiting.await(5, SECONDS)); // Win16: counted down before this task runs
      log.add("sender got " + user.SendMessage(hwnd[0], WM_USER, 7, 0));
      log.add("sender posts");
      user.PostMessage(hwnd[0], WM_USER + 1, 8, 0);
      return 0;
    });
    assertEquals(List.of("waiter waits", "proc WM_USER 7 on waiter=true", "sender got 42", "sender posts",
        "WaitMessage true", "queued [8]"), log);
  }

  @BothModes
  void isTaskOnlyAndThrowsOnPlainThread(SchedulingMode mode) {
    try (Emulator emu = Emus.builder(mode).build()) {
      assertThrows(TaskThreadException.class, () -> emu.user().WaitMessage());
    }
  }
}
