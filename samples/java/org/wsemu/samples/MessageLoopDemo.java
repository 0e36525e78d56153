package org.wsemu.samples;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_CHAR;
import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_CREATE;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_KEYDOWN;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;

import java.io.PrintWriter;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;

/**
 * Two Win16 applications sharing one emulated machine, written as they were written in C.
 *
 * <ul>
 *   <li><b>CLOCK</b> registers a window class, creates its window, starts a one-second timer and
 *       runs the classic GetMessage / TranslateMessage / DispatchMessage loop. Its window
 *       procedure counts WM_TIMER ticks, collects the characters typed at it, answers a private
 *       "how many ticks?" message, and quits after five ticks.
 *   <li><b>TYPIST</b> finds the clock's window with FindWindow, types "hello" at it by posting
 *       WM_KEYDOWN (CLOCK's TranslateMessage turns them into WM_CHAR), asks it the time with an
 *       inter-task SendMessage, then idles in a PeekMessage loop until two and a half seconds
 *       have passed, and asks again.
 * </ul>
 *
 * <p>In Win16 mode with the virtual clock the five seconds pass in milliseconds and the trace is
 * the same on every run. The C originals are in the comments.
 */
public final class MessageLoopDemo {
  static final String CLOCK_CLASS = "ClockWClass";
  static final int WM_GETTICKS = WM_USER + 1; // #define WM_GETTICKS (WM_USER + 1)
  static final int IDT_CLOCK = 1;

  private final User user;
  private final PrintWriter out;
  private int ticks; // static int nTicks;
  private final StringBuilder typed = new StringBuilder(); // static char szTyped[80];

  private MessageLoopDemo(User user, PrintWriter out) {
    this.user = user;
    this.out = out;
  }

  /**
   * Runs both applications to completion on {@code emu} (which must not be started yet) and
   * returns CLOCK's exit code: the number of ticks it counted.
   *
   * @throws IllegalStateException if they do not finish within a minute
   */
  public static int run(Emulator emu, PrintWriter out) throws InterruptedException {
    MessageLoopDemo demo = new MessageLoopDemo(emu.user(), out);
    Task clock = emu.createTask("clock", demo::clockWinMain);
    Task typist = emu.createTask("typist", demo::typistWinMain);
    emu.start();
    if (!clock.join(Duration.ofMinutes(1)) || !typist.join(Duration.ofMinutes(1))) {
      throw new IllegalStateException("the demo did not finish within a minute");
    }
    return clock.exitCode().orElse(-1);
  }

  // ---- CLOCK ----

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int clockWinMain() {
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::clockWndProc;
    wc.lpszClassName = CLOCK_CLASS;
    if (user.RegisterClass(wc) == 0) {
      return -1;
    }
    int hwnd = user.CreateWindow(CLOCK_CLASS, "Clock", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, NULL, null);
    if (hwnd == NULL) {
      return -1;
    }
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    return msg.wParam;
  }

  /* LRESULT CALLBACK ClockWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int clockWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_CREATE:
        user.SetTimer(hwnd, IDT_CLOCK, 1000, null);
        return 0;
      case WM_TIMER:
        ticks++;
        out.printf("[t=%5d ms] clock: tick %d%n", user.GetTickCount(), ticks);
        if (ticks == 5) {
          user.PostMessage(hwnd, WM_CLOSE, 0, 0);
        }
        return 0;
      case WM_CHAR:
        typed.append((char) wParam);
        out.printf("[t=%5d ms] clock: typed so far \"%s\"%n", user.GetTickCount(), typed);
        return 0;
      case WM_GETTICKS:
        return ticks;
      case WM_DESTROY:
        user.KillTimer(hwnd, IDT_CLOCK);
        user.PostQuitMessage(ticks);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  // ---- TYPIST ----

  /* int PASCAL WinMain(...) */
  private int typistWinMain() {
    int hwndClock = user.FindWindow(CLOCK_CLASS, null);
    if (hwndClock == NULL) {
      // Under Win16 CLOCK ran first, so its window exists by now. Under Win32 the two race:
      // wait for the window on a timer (a ported program that assumed Win16's order breaks here).
      int idTimer = user.SetTimer(NULL, 0, 10, null);
      MSG wait = new MSG();
      while ((hwndClock = user.FindWindow(CLOCK_CLASS, null)) == NULL && user.GetMessage(wait, NULL, 0, 0) != 0) {
        // each WM_TIMER is a chance to look again
      }
      user.KillTimer(NULL, idTimer);
    }
    for (char c : "HELLO".toCharArray()) {
      user.PostMessage(hwndClock, WM_KEYDOWN, c, 0); // virtual-key codes of letters are their capitals
    }
    out.printf("[t=%5d ms] typist: clock says %d ticks%n", user.GetTickCount(),
        user.SendMessage(hwndClock, WM_GETTICKS, 0, 0));

    // The Win16 idle loop: poll the queue, yield, and watch the time.
    MSG msg = new MSG();
    int start = user.GetTickCount();
    while (user.GetTickCount() - start < 2500) {
      if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
        if (msg.message == WM_QUIT) {
          return msg.wParam;
        }
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
    }
    out.printf("[t=%5d ms] typist: clock says %d ticks%n", user.GetTickCount(),
        user.SendMessage(hwndClock, WM_GETTICKS, 0, 0));
    return 0;
  }
}
