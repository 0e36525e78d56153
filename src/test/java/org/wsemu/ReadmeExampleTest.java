package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.*;
import static org.wsemu.user.WinUser.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;

/** The README's example, as written there (keep the two in step). */
class ReadmeExampleTest {

  @Test
  @Timeout(10)
  void theReadmeExampleRunsAsWritten() throws Exception {
    Task result;
    // ---- from README.md, "A task with a window procedure" ----
    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Task app = emu.createTask("app", () -> {
        WNDCLASS wc = new WNDCLASS();
        wc.lpszClassName = "MainWClass";
        wc.lpfnWndProc = (hwnd, msg, wParam, lParam) -> {
          switch (msg) {
            case WM_TIMER:
              user.KillTimer(hwnd, 1);
              user.DestroyWindow(hwnd);
              return 0;
            case WM_DESTROY:
              user.PostQuitMessage(42);
              return 0;
            default:
              return user.DefWindowProc(hwnd, msg, wParam, lParam);
          }
        };
        user.RegisterClass(wc);
        int hwnd = user.CreateWindow("MainWClass", "Main", WS_OVERLAPPEDWINDOW, 0, 0, 0, 0, NULL, NULL, NULL, null);
        user.SetTimer(hwnd, 1, 1000, null);          // one virtual second
        MSG msg = new MSG();
        while (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.TranslateMessage(msg);
          user.DispatchMessage(msg);
        }
        return msg.wParam;                           // 42
      });
      emu.start();
      app.join(Duration.ofSeconds(5));
      // ---- end of the README example ----
      result = app;
    }
    assertEquals(42, result.exitCode().getAsInt());
  }
}
