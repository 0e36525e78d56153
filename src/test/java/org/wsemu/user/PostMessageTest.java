package org.wsemu.user;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.create;
import static org.wsemu.user.UserTestSupport.drain;
import static org.wsemu.user.UserTestSupport.entry;
import static org.wsemu.user.UserTestSupport.inOtherTask;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.WinDef.*;
import static org.wsemu.user.WinUser.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;

/** PostMessage, PostAppMessage and PostQuitMessage: return values, order, widths, limits, times. */
@Timeout(10)
class PostMessageTest {
  private static final int STOP = WM_USER + 0x77;

  @BothModes
  void postedMessagesAreRetrievedInFifoOrderAcrossWindowsAndTheTask(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int target = i % 2 == 0 ? hwnd : NULL;
        assertTrue(user.PostMessage(target, WM_USER + i % 3, i, -i));
        expected.add(entry(target, WM_USER + i % 3, i, -i));
      }
      List<String> retrieved = new ArrayList<>();
      MSG msg = new MSG();
      for (int i = 0; i < 1000; i++) {
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
        retrieved.add(entry(msg));
      }
      assertEquals(expected, retrieved);
    });
  }

  @BothModes
  void postMessageToALiveWindowReturnsTrueAndQueuesItForThatWindow(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertEquals(true, user.PostMessage(hwnd, WM_USER, 1, 2));
      assertEquals(List.of(entry(hwnd, WM_USER, 1, 2)), drain(user));
    });
  }

  @BothModes
  void postMessageFromAnotherTaskGoesToTheQueueOfTheWindowsOwner(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      int me = user.GetCurrentTask();
      assertEquals(1, inOtherTask(emu, () -> user.PostMessage(hwnd, WM_USER, 1, 2) ? 1 : 0));
      assertEquals(1, inOtherTask(emu, () -> user.PostAppMessage(me, WM_USER + 1, 3, 4) ? 1 : 0));
      assertEquals(List.of(entry(hwnd, WM_USER, 1, 2), entry(NULL, WM_USER + 1, 3, 4)), drain(user));
    });
  }

  @BothModes
  void postMessageToAStaleWindowReturnsFalseAndQueuesNothing(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.DestroyWindow(hwnd));
      assertEquals(false, user.PostMessage(hwnd, WM_USER, 1, 2));
      assertEquals(List.of(), drain(user));
    });
  }

  @BothModes
  void postMessageWithNullHwndPostsToTheCallingTaskWithHwndZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertEquals(true, user.PostMessage(NULL, WM_USER, 3, 4));
      assertEquals(List.of(entry(NULL, WM_USER, 3, 4)), drain(user));
    });
  }

  @BothModes
  void postAppMessageWithNullTaskPostsToTheCallingTaskWithHwndZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertEquals(true, user.PostAppMessage(NULL, WM_USER, 5, 6));
      assertEquals(true, user.PostAppMessage(user.GetCurrentTask(), WM_USER + 1, 7, 8));
      assertEquals(List.of(entry(NULL, WM_USER, 5, 6), entry(NULL, WM_USER + 1, 7, 8)), drain(user));
    });
  }

  @BothModes
  void postingWithNullFromANonTaskThreadReturnsFalse(SchedulingMode mode) {
    try (Emulator emu = Emus.builder(mode).build()) {
      emu.start();
      assertEquals(false, emu.user().PostMessage(NULL, WM_USER, 0, 0));
      assertEquals(false, emu.user().PostAppMessage(NULL, WM_USER, 0, 0));
    }
  }

  @BothModes
  void postingToAFinishedTaskOrToItsWindowReturnsFalse(SchedulingMode mode) throws Exception {
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      AtomicIntegerArray hwnd = new AtomicIntegerArray(1);
      Task task = emu.createTask("brief", () -> {
        hwnd.set(0, Emus.window(user, "W", user::DefWindowProc));
        return 0;
      });
      emu.start();
      Emus.join(task);
      assertEquals(false, user.PostAppMessage(task.handle(), WM_USER, 0, 0));
      assertEquals(false, user.PostMessage(hwnd.get(0), WM_USER, 0, 0));
    }
  }

  @BothModes
  void broadcastReachesTopLevelWindowsOfEveryTaskButNotChildWindows(SchedulingMode mode) throws Exception {
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      AtomicIntegerArray tops = new AtomicIntegerArray(2);
      List<List<String>> received = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
      CountDownLatch ready = new CountDownLatch(2);
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int n = i;
        tasks.add(emu.createTask("t" + n, () -> {
          tops.set(n, Emus.window(user, "Top", user::DefWindowProc));
          assertTrue(create(user, "Top", tops.get(n)) != 0);
          ready.countDown();
          MSG msg = new MSG();
          while (user.GetMessage(msg, NULL, 0, 0) > 0 && msg.message != STOP) {
            received.get(n).add(entry(msg));
          }
          return 0;
        }));
      }
      emu.start();
      assertTrue(ready.await(5, SECONDS));
      assertEquals(true, user.PostMessage(HWND_BROADCAST, WM_USER, 1, 2));
      for (Task task : tasks) {
        assertTrue(user.PostAppMessage(task.handle(), STOP, 0, 0));
        Emus.join(task);
      }
      assertEquals(List.of(List.of(entry(tops.get(0), WM_USER, 1, 2)), List.of(entry(tops.get(1), WM_USER, 1, 2))),
          received);
    }
  }

  @Test
  void win16TruncatesPostedMessageNumberAndWParamToSixteenBits() throws Exception {
    run(SchedulingMode.WIN16, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.PostMessage(hwnd, 0x10401, 0x12345, 0x6789A));
      assertTrue(user.PostAppMessage(NULL, 0x10401, 0x12345, 0x6789A));
      assertEquals(List.of(entry(hwnd, 0x0401, 0x2345, 0x6789A), entry(NULL, 0x0401, 0x2345, 0x6789A)), drain(user));
    });
  }

  @Test
  void win32KeepsPostedMessageNumberAndWParamAtThirtyTwoBits() throws Exception {
    run(SchedulingMode.WIN32, (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      assertTrue(user.PostMessage(hwnd, 0x10401, 0x12345, 0x6789A));
      assertTrue(user.PostAppMessage(NULL, 0x10401, 0x12345, 0x6789A));
      assertEquals(List.of(entry(hwnd, 0x10401, 0x12345, 0x6789A), entry(NULL, 0x10401, 0x12345, 0x6789A)),
          drain(user));
    });
  }

  @BothModes
  void lParamKeepsAllThirtyTwoBits(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertTrue(user.PostMessage(NULL, WM_USER, 0, 0xDEADBEEF));
      assertTrue(user.PostMessage(NULL, WM_USER, 0, 0x80000000));
      assertEquals(List.of(entry(NULL, WM_USER, 0, 0xDEADBEEF), entry(NULL, WM_USER, 0, 0x80000000)), drain(user));
    });
  }

  @BothModes
  void fullQueueRejectsPostsUntilAMessageIsRetrieved(SchedulingMode mode) throws Exception {
    run(Emus.builder(mode).postedMessageLimit(3), (emu, user) -> {
      List<Boolean> results = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        results.add(user.PostMessage(NULL, WM_USER, i, 0));
      }
      assertEquals(List.of(true, true, true, false), results);
      assertTrue(user.PeekMessage(new MSG(), NULL, 0, 0, PM_REMOVE | PM_NOYIELD));
      assertEquals(List.of(true, false), List.of(user.PostMessage(NULL, WM_USER, 5, 0),
          user.PostMessage(NULL, WM_USER, 6, 0)));
    });
  }

  @BothModes
  void messagesRejectedByAFullQueueAreNeverDelivered(SchedulingMode mode) throws Exception {
    run(Emus.builder(mode).postedMessageLimit(3), (emu, user) -> {
      int hwnd = Emus.window(user, "W", user::DefWindowProc);
      for (int i = 1; i <= 3; i++) {
        assertTrue(user.PostMessage(hwnd, WM_USER, i, 0));
      }
      assertEquals(List.of(false, false), List.of(user.PostMessage(hwnd, WM_USER, 4, 0),
          user.PostAppMessage(NULL, WM_USER, 5, 0)));
      assertEquals(List.of(entry(hwnd, WM_USER, 1, 0), entry(hwnd, WM_USER, 2, 0), entry(hwnd, WM_USER, 3, 0)),
          drain(user));
    });
  }

  @Test
  void win16MsgTimeIsTheVirtualTickCountWhenPostedNotWhenRetrieved() throws Exception {
    run(SchedulingMode.WIN16, (emu, user) -> {
      MSG msg = new MSG();
      int first = user.SetTimer(NULL, 0, 250, null);
      assertEquals(1, user.GetMessage(msg, NULL, WM_TIMER, WM_TIMER));
      assertTrue(user.KillTimer(NULL, first));
      assertEquals(250, user.GetTickCount());
      assertTrue(user.PostMessage(NULL, WM_USER, 0, 0));
      user.SetTimer(NULL, 0, 150, null);
      assertEquals(1, user.GetMessage(msg, NULL, WM_TIMER, WM_TIMER));
      assertEquals(1, user.GetMessage(msg, NULL, WM_USER, WM_USER));
      assertEquals(List.of(250, 400), List.of(msg.time, user.GetTickCount()));
    });
  }

  @BothModes
  void postQuitMessageMakesGetMessageReturnZeroWithTheExitCode(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      user.PostQuitMessage(42);
      MSG msg = new MSG();
      assertEquals(0, user.GetMessage(msg, NULL, 0, 0));
      assertEquals(entry(NULL, WM_QUIT, 42, 0), entry(msg));
    });
  }

  @Test
  void win16TruncatesTheQuitCodeToSixteenBits() throws Exception {
    run(SchedulingMode.WIN16, (emu, user) -> {
      List<String> retrieved = new ArrayList<>();
      MSG msg = new MSG();
      for (int code : new int[] {0x12345, -1}) {
        user.PostQuitMessage(code);
        retrieved.add(user.GetMessage(msg, NULL, 0, 0) + " " + entry(msg));
      }
      assertEquals(List.of("0 " + entry(NULL, WM_QUIT, 0x2345, 0), "0 " + entry(NULL, WM_QUIT, 0xFFFF, 0)), retrieved);
    });
  }

  @BothModes
  void quitIsRetrievedAfterMessagesPostedBeforeAndAfterIt(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertTrue(user.PostMessage(NULL, WM_USER, 1, 0));
      user.PostQuitMessage(3);
      assertTrue(user.PostMessage(NULL, WM_USER, 2, 0));
      List<String> retrieved = new ArrayList<>();
      MSG msg = new MSG();
      for (int i = 0; i < 3; i++) {
        retrieved.add(user.GetMessage(msg, NULL, 0, 0) + " " + entry(msg));
      }
      assertEquals(List.of("1 " + entry(NULL, WM_USER, 1, 0), "1 " + entry(NULL, WM_USER, 2, 0),
          "0 " + entry(NULL, WM_QUIT, 3, 0)), retrieved);
    });
  }

  @BothModes
  void postMessageFromAPlainThreadWakesATaskWaitingInGetMessage(SchedulingMode mode) throws Exception {
    Delivery got = deliverFromPlainThread(mode, (user, hTask, hwnd) -> user.PostMessage(hwnd, WM_USER, 1, 2));
    assertEquals(entry(got.hwnd(), WM_USER, 1, 2), got.retrieved());
  }

  @BothModes
  void postAppMessageFromAPlainThreadWakesATaskWaitingInGetMessage(SchedulingMode mode) throws Exception {
    Delivery got = deliverFromPlainThread(mode, (user, hTask, hwnd) -> user.PostAppMessage(hTask, WM_USER, 1, 2));
    assertEquals(entry(NULL, WM_USER, 1, 2), got.retrieved());
  }

  // ---- helpers ----

  @FunctionalInterface
  private interface Poster {
    boolean post(User user, int hTask, int hwnd);
  }

  /** The waiting task's window, and what its GetMessage retrieved (see {@link UserTestSupport#entry}). */
  private record Delivery(int hwnd, String retrieved) {}

  /**
   * Starts a task that creates a window and waits in GetMessage; once its thread waits, runs
   * {@code poster} on this (non-task) thread, which must return true, and waits for the task.
   */
  private static Delivery deliverFromPlainThread(SchedulingMode mode, Poster poster) throws Exception {
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      AtomicIntegerArray hwnd = new AtomicIntegerArray(1);
      AtomicReference<Thread> thread = new AtomicReference<>();
      AtomicReference<String> retrieved = new AtomicReference<>();
      CountDownLatch waiting = new CountDownLatch(1);
      Task task = emu.createTask("waiter", () -> {
        hwnd.set(0, Emus.window(user, "W", user::DefWindowProc));
        thread.set(Thread.currentThread());
        waiting.countDown();
        MSG msg = new MSG();
        int ret = user.GetMessage(msg, NULL, 0, 0);
        retrieved.set(entry(msg));
        return ret;
      });
      emu.start();
      assertTrue(waiting.await(5, SECONDS));
      await().atMost(5, SECONDS).until(() -> thread.get().getState() == Thread.State.WAITING);
      assertEquals(true, poster.post(user, task.handle(), hwnd.get(0)));
      assertEquals(1, Emus.join(task));
      return new Delivery(hwnd.get(0), retrieved.get());
    }
  }
}
