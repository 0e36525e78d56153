package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskThreadException;
import org.wsemu.testing.Emus;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;

/** Principle 1: task-only functions refuse other threads with a clear exception naming the rule. */
class ThreadRuleTest {

  @Test
  @Timeout(10)
  void taskOnlyFunctionsRefuseAThreadThatIsNotATask() {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).name("rules").build()) {
      User user = emu.user();
      MSG msg = new MSG();
      List<Executable> calls = List.of(
          () -> user.GetMessage(msg, NULL, 0, 0),
          () -> user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE),
          () -> user.WaitMessage(),
          () -> user.DispatchMessage(msg),
          () -> user.TranslateMessage(msg),
          () -> user.RegisterClass(new WNDCLASS()),
          () -> user.CreateWindow("x", "x", 0, 0, 0, 0, 0, NULL, NULL, NULL, null),
          () -> user.DestroyWindow(0x0100),
          () -> user.DefWindowProc(0x0100, WM_USER, 0, 0),
          () -> user.SetTimer(NULL, 0, 10, null),
          () -> user.KillTimer(NULL, 1),
          () -> user.PostQuitMessage(0),
          () -> user.Yield(),
          () -> user.InSendMessage(),
          () -> user.ReplyMessage(0));
      for (Executable call : calls) {
        TaskThreadException e = assertThrows(TaskThreadException.class, call);
        assertTrue(e.getMessage().contains("is task-only"), e.getMessage());
        assertTrue(e.getMessage().contains("not a task of emulator rules"), e.getMessage());
        assertTrue(e.getMessage().contains("one thread per task"), e.getMessage());
      }
    }
  }

  @Test
  @Timeout(10)
  void enqueueingFunctionsWorkFromAnyThread() throws Exception {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN32).build()) {
      User user = emu.user();
      AtomicReference<Integer> window = new AtomicReference<>();
      java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
      Task task = emu.createTask("target", () -> {
        window.set(Emus.window(user, "Target", (h, m, w, l) -> m == WM_USER + 1 ? w * 2 : user.DefWindowProc(h, m, w, l)));
        ready.countDown();
        MSG msg = new MSG();
        int sum = 0;
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          sum += msg.wParam;
          user.DispatchMessage(msg);
        }
        return sum;
      });
      emu.start();
      ready.await();
      assertTrue(user.IsWindow(window.get()));
      assertEquals(task.handle(), user.GetWindowTask(window.get()));
      assertTrue(user.IsTask(task.handle()));
      assertEquals(0, user.GetCurrentTask());
      assertEquals(42, user.SendMessage(window.get(), WM_USER + 1, 21, 0));
      assertTrue(user.PostMessage(window.get(), WM_USER, 3, 0));
      assertTrue(user.PostAppMessage(task.handle(), WM_USER, 4, 0));
      assertFalse(user.PostMessage(NULL, WM_USER, 1, 0), "NULL means the calling task; a plain thread has none");
      assertTrue(user.PostAppMessage(task.handle(), 0x0012, 0, 0));
      assertEquals(7, Emus.join(task));
    }
  }

  @Test
  @Timeout(10)
  void aTaskOfOneEmulatorIsNotATaskOfAnother() throws Exception {
    try (Emulator one = Emus.builder(SchedulingMode.WIN16).build();
        Emulator other = Emus.builder(SchedulingMode.WIN16).name("other").build()) {
      User otherUser = other.user();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Emus.run(one, () -> {
        thrown.set(assertThrows(TaskThreadException.class, () -> otherUser.GetMessage(new MSG(), NULL, 0, 0)));
        return 0;
      });
      assertTrue(thrown.get().getMessage().contains("emulator other"), thrown.get().getMessage());
    }
  }
}
