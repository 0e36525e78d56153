package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.FD_ZERO;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.io.PrintWriter;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.BlockingHook;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.timeval;

/**
 * {@code select-zero-timeout}: a select with a zero timeval is a poll. POLLER posts COUNTER a
 * message before each of three polls; COUNTER, runnable all along, handles none of them until
 * POLLER makes a select that may wait (100 ms): only then does POLLER's blocking hook run and
 * COUNTER get the processor.
 *
 * <p>Either task may start first: POLLER yields until COUNTER's window exists, so the rule shows in
 * every order of the two tasks, not only in the emulator's own.
 *
 * <p>One instance per run; the two tasks share it, and in Win16 mode only one of them runs at a
 * time (they switch only at GetMessage and inside the blocking select).
 */
final class SelectZeroTimeout {
  static final String NAME = "select-zero-timeout";
  static final int PORT = 7001;
  static final String COUNTER_CLASS = "CounterWClass";
  static final int WM_COUNT = WM_USER + 1;             // #define WM_COUNT (WM_USER + 1)
  static final int POLLS = 3;

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int counted;                 // COUNTER's static int nCounted;
  private int hookCalls;               // POLLER's static int nHookCalls;

  private SelectZeroTimeout(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "select with a zero timeout polls: it calls no blocking hook and does not yield to other tasks",
        "Windows Sockets 1.1 specification, section 4.1.18 (select())",
        "Two Win16 tasks. COUNTER has a window and counts the WM_COUNT messages it handles. POLLER"
            + " connects to a server that never sends, then three times posts COUNTER a WM_COUNT and polls its"
            + " socket with select and a zero timeval: each poll returns 0 at once, POLLER's blocking hook is"
            + " not called, and COUNTER, although its messages are waiting, does not run: it is still at 0."
            + " Then POLLER selects with a 100 ms timeout: that select blocks, its hook runs, the task yields,"
            + " and COUNTER handles all three messages before the select times out. In the trace, the three"
            + " polls follow one another with no SWITCH or HOOK line between them; the SWITCH to COUNTER"
            + " comes only after BLOCK select.",
        (emu, network, out) -> new SelectZeroTimeout(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    if (!BlockingDemos.win16(emu, out, "poller", "Win32 tasks run side by side, so COUNTER would not wait")) {
      return false;
    }
    network.listen(network.defaultHost(), PORT, Peers.silent());
    emu.createTask("counter", this::counterWinMain);
    Task poller = emu.createTask("poller", this::pollerWinMain);
    Demonstrations.startAndAwait(emu);
    return poller.exitCode().orElse(1) == 0;
  }

  // ---- POLLER ----

  /* int PASCAL WinMain(...) */
  private int pollerWinMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    int hwndCounter = findCounter();
    int s = BlockingDemos.connectTo(ws, PORT);
    if (s == INVALID_SOCKET) {
      ws.WSACleanup();
      user.PostMessage(hwndCounter, WM_CLOSE, 0, 0);     // COUNTER must not wait for us forever
      return 1;
    }
    BlockingHook previous = ws.WSASetBlockingHook(this::countingHook);
    fd_set readfds = new fd_set();
    boolean polled = true;
    for (int i = 1; i <= POLLS; i++) {
      user.PostMessage(hwndCounter, WM_COUNT, i, 0);
      FD_ZERO(readfds);
      FD_SET(s, readfds);
      int n = ws.select(0, readfds, null, null, new timeval(0, 0));   // timeout {0, 0}: a poll
      print("poll %d: posted WM_COUNT %d to COUNTER; select with a zero timeout returned %d;"
          + " hook calls so far %d, COUNTER has counted %d", i, i, n, hookCalls, counted);
      polled &= n == 0 && hookCalls == 0 && counted == 0;
    }
    FD_ZERO(readfds);
    FD_SET(s, readfds);
    print("now a select with a 100 ms timeout, which may wait");
    int n = ws.select(0, readfds, null, null, new timeval(0, 100_000));  // may wait 100 ms
    print("select with a 100 ms timeout returned %d; hook calls %d, COUNTER has counted %d", n, hookCalls, counted);
    boolean waited = n == 0 && hookCalls > 0 && counted == POLLS;
    ws.WSASetBlockingHook(previous);
    ws.closesocket(s);
    ws.WSACleanup();
    user.PostMessage(hwndCounter, WM_CLOSE, 0, 0);

    boolean shown = polled && waited;
    print(shown ? "conclusion: a zero-timeout select never yields; only a select that may wait lets COUNTER run"
        : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /*
   * HWND FindCounter(void): COUNTER's window. POLLER may run before COUNTER has created it (the
   * tasks run in whatever order the scheduler picks); then it yields until it is there.
   */
  private int findCounter() {
    int hwnd;
    while ((hwnd = user.FindWindow(COUNTER_CLASS, null)) == NULL) {
      user.Yield();
    }
    return hwnd;
  }

  /* BOOL FAR PASCAL CountingHook(void): the default hook, counting its calls */
  private boolean countingHook() {
    hookCalls++;
    MSG msg = new MSG();
    if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
      return true;
    }
    return false;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "poller", format, args);
  }

  // ---- COUNTER ----

  /* int PASCAL WinMain(...) */
  private int counterWinMain() {
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::counterWndProc;
    wc.lpszClassName = COUNTER_CLASS;
    user.RegisterClass(wc);
    user.CreateWindow(COUNTER_CLASS, "Counter", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, NULL, null);
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    return msg.wParam;
  }

  /* LRESULT CALLBACK CounterWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int counterWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_COUNT:
        counted++;
        Demonstrations.print(emu, out, "counter", "handles WM_COUNT %d", wParam);
        return 0;
      case WM_DESTROY:
        user.PostQuitMessage(counted);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }
}
