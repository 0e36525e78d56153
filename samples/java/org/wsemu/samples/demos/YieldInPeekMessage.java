package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;

import java.io.PrintWriter;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;

/**
 * {@code yield-in-peekmessage}: WORKER runs the Win16 idle loop, PeekMessage and some background
 * work, for 300 ms, twice. With PM_NOYIELD the task never gives up the processor, and CLOCK, another
 * application with a 100 ms timer, is frozen; without it every PeekMessage that finds nothing
 * yields, and CLOCK ticks on. It is the yield the default blocking hook of Windows Sockets relies
 * on: a blocked Win16 call lets the other tasks run because its PeekMessage loop yields.
 *
 * <p>Either task may start first: before each loop WORKER yields until CLOCK's window exists, so
 * that CLOCK has started its timer and the loop shows whether CLOCK can run.
 *
 * <p>Its state belongs to its two tasks, which run one at a time in Win16 mode; {@code ticks} is
 * volatile because WORKER reads CLOCK's count (in Win32 mode they run in parallel).
 */
final class YieldInPeekMessage {
  static final int WM_BUSY = WM_USER + 1;   /* #define WM_BUSY (WM_USER + 1): "I start a long job" */
  static final int IDT_CLOCK = 1;
  static final int TICK_MILLIS = 100;
  static final int LOOP_MILLIS = 300;

  private final Emulator emu;
  private final User user;
  private final PrintWriter out;
  private volatile int ticks;               // CLOCK: static int nTicks;
  private int frozenTicks = -1;             // CLOCK's ticks during WORKER's loop with PM_NOYIELD
  private int yieldingTicks = -1;           //   and during its loop without
  private long work;                        // WORKER: pieces of background work in the last loop

  private YieldInPeekMessage(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration("yield-in-peekmessage",
        "In Win16 a PeekMessage that finds nothing yields to other tasks, unless PM_NOYIELD is given",
        "Windows Sockets 1.1 specification, section 2.7 (Windows Sockets in Multithreaded Versions of"
            + " Windows) and appendix B.3 (Multithreadedness and blocking routines)",
        "WORKER runs the classic idle loop, PeekMessage then a piece of background work, for 300 ms,"
            + " first with PM_REMOVE | PM_NOYIELD, then with PM_REMOVE alone. CLOCK, another"
            + " application, counts the WM_TIMER ticks of a 100 ms timer; WORKER posts it WM_BUSY (WM_USER+1)"
            + " as each loop starts. During the first loop the trace shows nothing of CLOCK: WORKER never"
            + " yields, so CLOCK takes the WM_BUSY posted at 0 ms only at 302 ms, and its timer, due at"
            + " 100 ms, expires unseen until then. During the second, each empty PeekMessage yields, and the trace shows a SWITCH to CLOCK and its"
            + " WM_TIMER every 100 ms. This yield is what lets a Win16 task blocked in Winsock, whose"
            + " default hook is such a PeekMessage loop, share the machine. With --mode WIN32 the tasks are"
            + " preempted and CLOCK ticks during both loops.",
        YieldInPeekMessage::run);
  }

  static boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws InterruptedException {
    YieldInPeekMessage demo = new YieldInPeekMessage(emu, out);
    emu.createTask("clock", demo::clockWinMain);
    emu.createTask("worker", demo::workerWinMain);
    Demonstrations.startAndAwait(emu);
    boolean win16 = emu.mode() == SchedulingMode.WIN16;
    boolean shown = win16
        ? demo.frozenTicks == 0 && demo.yieldingTicks >= LOOP_MILLIS / TICK_MILLIS
        : demo.frozenTicks > 0 && demo.yieldingTicks > 0;       // preempted: the flag does not matter
    Demonstrations.print(emu, out, "result", !shown
        ? "the rule was not shown: CLOCK ticked " + demo.frozenTicks + " then " + demo.yieldingTicks + " times"
        : win16 ? "PM_NOYIELD froze CLOCK; without it every empty PeekMessage let CLOCK run"
        : "Win32 preempts: CLOCK ran during both loops, PM_NOYIELD or not (the rule is Win16's)");
    return shown;
  }

  // ---- WORKER ----

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int workerWinMain() {
    print("worker", "bug: idle loop with PeekMessage(PM_REMOVE | PM_NOYIELD) for %d ms", LOOP_MILLIS);
    frozenTicks = idleLoop(PM_REMOVE | PM_NOYIELD);
    print("worker", "%d pieces of work done; CLOCK ticked %d times meanwhile%s", work, frozenTicks,
        frozenTicks == 0 ? ": it was frozen" : "");
    print("worker", "fixed: the same loop with PeekMessage(PM_REMOVE)");
    yieldingTicks = idleLoop(PM_REMOVE);
    print("worker", "%d pieces of work done; CLOCK ticked %d times meanwhile", work, yieldingTicks);
    user.PostMessage(user.FindWindow("ClockWClass", null), WM_CLOSE, 0, 0);
    return 0;
  }

  /** The idle loop for {@link #LOOP_MILLIS}; returns how many times CLOCK ticked meanwhile. */
  private int idleLoop(int flags) {
    int hwndClock;
    while ((hwndClock = user.FindWindow("ClockWClass", null)) == NULL) {
      user.Yield();                                      /* CLOCK has not created its window yet */
    }
    user.PostMessage(hwndClock, WM_BUSY, flags, 0);      /* tell CLOCK */
    MSG msg = new MSG();
    int before = ticks;
    int start = user.GetTickCount();
    work = 0;
    while (user.GetTickCount() - start < LOOP_MILLIS) {
      if (user.PeekMessage(msg, NULL, 0, 0, flags)) {
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      } else {
        work++;                                          /* DoSomeBackgroundWork(); */
      }
    }
    return ticks - before;
  }

  // ---- CLOCK ----

  /* int PASCAL WinMain(...) */
  private int clockWinMain() {
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::clockWndProc;
    wc.lpszClassName = "ClockWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("ClockWClass", "Clock", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, NULL, null);
    user.SetTimer(hwnd, IDT_CLOCK, TICK_MILLIS, null);
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
      case WM_TIMER:
        ticks++;
        print("clock", "tick %d", ticks);
        return 0;
      case WM_BUSY:
        print("clock", "WORKER says it starts its loop with flags 0x%04X", wParam);
        return 0;
      case WM_DESTROY:
        user.KillTimer(hwnd, IDT_CLOCK);
        user.PostQuitMessage(0);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private void print(String who, String format, Object... args) {
    Demonstrations.print(emu, out, who, format, args);
  }
}
