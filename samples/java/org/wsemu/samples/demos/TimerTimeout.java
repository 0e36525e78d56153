package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEINTR;

import java.io.PrintWriter;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * {@code timer-timeout}: the classic Win16 time-out. A news reader sets a timer and blocks in
 * {@code recv} on a server that never answers; the default blocking hook dispatches the timer's
 * WM_TIMER, and the window procedure cancels the call with {@code WSACancelBlockingCall}: {@code
 * recv} fails with WSAEINTR when the time is up, instead of waiting forever.
 *
 * <p>One instance per run; its task is the only thread that touches it.
 */
final class TimerTimeout {
  static final String NAME = "timer-timeout";
  static final int PORT = 119;
  static final String CLASS_NAME = "NewsWClass";
  static final int IDT_TIMEOUT = 1;
  static final int TIMEOUT_MS = 2000;

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private boolean timedOut;            // static BOOL fTimedOut;
  private int cancelResult = -2;

  private TimerTimeout(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A WM_TIMER dispatched by the default hook may cancel the blocked call; it fails with WSAEINTR",
        "Windows Sockets 1.1 specification, section 4.3.9 (WSACancelBlockingCall())",
        "A news reader connects to a server that never answers, sets a two-second timer and blocks in"
            + " recv, which would otherwise wait forever. While it waits, the default blocking hook dispatches"
            + " the task's messages; at two seconds it dispatches WM_TIMER, and the window procedure, seeing"
            + " WSAIsBlocking() TRUE, calls WSACancelBlockingCall. Once the window procedure and the hook have"
            + " returned, recv fails with WSAEINTR, and the program reports a time-out and closes the socket."
            + " In the trace, look for the TIMER line at t=2000, the window procedure at depth=2 inside the"
            + " blocked recv, and UNBLOCK recv with cancelled=true.",
        (emu, network, out) -> new TimerTimeout(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    if (!BlockingDemos.win16(emu, out, "news", BlockingDemos.NO_DEFAULT_HOOK)) {
      return false;
    }
    network.listen(network.defaultHost(), PORT, Peers.silent());
    Task task = emu.createTask("news", this::winMain);
    Demonstrations.startAndAwait(emu);
    return task.exitCode().orElse(1) == 0;
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::newsWndProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(CLASS_NAME, "News", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
    int s = BlockingDemos.connectTo(ws, PORT);
    if (s == INVALID_SOCKET) {
      return 1;
    }

    print("waits in recv for the server's greeting, with a %d ms timer", TIMEOUT_MS);
    user.SetTimer(hwnd, IDT_TIMEOUT, TIMEOUT_MS, null);
    byte[] buf = new byte[512];
    int n = ws.recv(s, buf, buf.length, 0);
    int error = n == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    user.KillTimer(hwnd, IDT_TIMEOUT);
    print("recv returned %d, WSAGetLastError() = %s", n, errorName(error));
    if (n == SOCKET_ERROR && error == WSAEINTR && timedOut) {   // if (WSAGetLastError() == WSAEINTR && fTimedOut)
      print("no answer within %d ms: the server timed out", TIMEOUT_MS);
    }
    ws.closesocket(s);
    user.DestroyWindow(hwnd);
    ws.WSACleanup();

    boolean shown = timedOut && cancelResult == 0 && n == SOCKET_ERROR && error == WSAEINTR;
    print(shown ? "conclusion: a timer message, dispatched by the hook inside recv, ended it with WSAEINTR"
        : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /* LRESULT CALLBACK NewsWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int newsWndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg == WM_TIMER && wParam == IDT_TIMEOUT) {
      user.KillTimer(hwnd, IDT_TIMEOUT);
      if (ws.WSAIsBlocking()) {
        timedOut = true;
        cancelResult = ws.WSACancelBlockingCall();       // recv fails with WSAEINTR once we return
        print("WM_TIMER inside recv: WSACancelBlockingCall() returned %d", cancelResult);
      }
      return 0;
    }
    return user.DefWindowProc(hwnd, msg, wParam, lParam);
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "news", format, args);
  }
}
