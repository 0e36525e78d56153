package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.TaskDemoSupport.error;
import static org.wsemu.samples.demos.TaskDemoSupport.local;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;

import java.io.PrintWriter;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code close-from-other-task}: TERMINAL waits in recv on a connection to a silent host; HANGUP,
 * another task, closes TERMINAL's socket after a second. Under Win16 every task is an application
 * with its own sockets: HANGUP's closesocket fails with WSAENOTSOCK and the recv goes on waiting;
 * the fix asks the owner, which cancels its call (WSAEINTR) and closes the socket itself. Under
 * Win32 the tasks are threads of one process: the closesocket succeeds and the blocked recv fails
 * with WSAEINTR, "just as if the operation were canceled".
 *
 * <p>The handle and the results are written by one task and read by the other after a message or
 * by the program after both ended; {@code sTerminal} is volatile because Win32 tasks share it as
 * a global.
 */
final class CloseFromOtherTask {
  static final int PORT = 23;
  static final int WM_GETSOCKET = WM_USER + 1;   /* #define WM_GETSOCKET (WM_USER + 1) */
  static final int WM_HANGUP = WM_USER + 2;      /* #define WM_HANGUP    (WM_USER + 2) */
  static final int IDT_CLICK = 1;                /* the user's click on "Hang up", as a timer */
  static final int CLICK_MILLIS = 1000;

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private volatile int sTerminal = -1;           // TERMINAL's socket: static SOCKET s;
  private int closeResult;                       // HANGUP: its closesocket of TERMINAL's socket
  private int closeError;
  private int cancelResult = SOCKET_ERROR;       // TERMINAL: WSACancelBlockingCall in WM_HANGUP
  private int recvResult;                        // TERMINAL: its recv, and the error
  private int recvError;
  private int ownCloseResult;                    // TERMINAL: its own closesocket afterwards

  private CloseFromOtherTask(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration("close-from-other-task",
        "A Win16 task cannot close another's socket (WSAENOTSOCK); in Win32 the blocked call gets WSAEINTR",
        "Windows Sockets 1.1 specification, sections 1.3 (Microsoft Windows and Windows-specific"
            + " extensions) and 2.7 (Windows Sockets in Multithreaded Versions of Windows)",
        "TERMINAL waits in recv on a connection to a host that never answers. A second later HANGUP,"
            + " another task, gets TERMINAL's socket handle with an inter-task SendMessage (handled"
            + " inside TERMINAL's blocking hook) and calls closesocket on it. In Win16 mode each task is"
            + " an application with its own sockets: the trace shows closesocket return -1 with"
            + " WSAENOTSOCK and TERMINAL's recv still blocked. Fixed: HANGUP posts WM_HANGUP to TERMINAL,"
            + " whose window procedure, dispatched by the hook, calls WSACancelBlockingCall; recv"
            + " returns -1 with WSAEINTR and TERMINAL closes its socket itself. Run with --mode WIN32"
            + " to see the multithreaded rule: HANGUP's closesocket returns 0 and the recv fails with"
            + " WSAEINTR.",
        CloseFromOtherTask::run);
  }

  static boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws InterruptedException {
    network.listen(network.defaultHost(), PORT, Peers.silent());
    CloseFromOtherTask demo = new CloseFromOtherTask(emu, out);
    emu.createTask("terminal", demo::terminalWinMain);
    emu.createTask("hangup", demo::hangupWinMain);
    Demonstrations.startAndAwait(emu);
    boolean interrupted = demo.recvResult == SOCKET_ERROR && demo.recvError == WSAEINTR;
    boolean shown = emu.mode() == SchedulingMode.WIN16
        ? demo.closeResult == SOCKET_ERROR && demo.closeError == WSAENOTSOCK && demo.cancelResult == 0
            && interrupted && demo.ownCloseResult == 0
        : demo.closeResult == 0 && interrupted;
    Demonstrations.print(emu, out, "result", !shown ? "the rule was not shown"
        : emu.mode() == SchedulingMode.WIN16
        ? "a Win16 task's socket is its own: only TERMINAL could end its recv (cancel, then close)"
        : "in Win32 a closesocket from another thread ends the blocked recv with WSAEINTR");
    return shown;
  }

  // ---- TERMINAL ----

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int terminalWinMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::terminalWndProc;
    wc.lpszClassName = "TermWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("TermWClass", "Terminal", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.connect(s, local(PORT), sockaddr_in.SIZE);
    sTerminal = s;
    print("terminal", "waiting in recv on socket %d", s);
    byte[] buf = new byte[64];
    recvResult = ws.recv(s, buf, buf.length, 0);         /* blocks: the host never answers */
    recvError = recvResult == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("terminal", "recv returned %d%s", recvResult, recvResult == SOCKET_ERROR ? " with " + error(recvError) : "");
    ownCloseResult = ws.closesocket(s);
    print("terminal", "its own closesocket(%d) returned %d%s", s, ownCloseResult,
        ownCloseResult == SOCKET_ERROR ? " with " + error(ws.WSAGetLastError()) + ": another task closed it" : "");
    user.DestroyWindow(hwnd);
    ws.WSACleanup();
    return 0;
  }

  /* LRESULT CALLBACK TerminalWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int terminalWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_GETSOCKET:
        return sTerminal;
      case WM_HANGUP:
        if (ws.WSAIsBlocking()) {
          cancelResult = ws.WSACancelBlockingCall();       /* the owner ends its own call */
          print("terminal", "WM_HANGUP: WSACancelBlockingCall returned %d", cancelResult);
        }
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  // ---- HANGUP ----

  /* int PASCAL WinMain(...) */
  private int hangupWinMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::hangupWndProc;
    wc.lpszClassName = "HangupWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("HangupWClass", "Hang up", WS_OVERLAPPEDWINDOW, 0, 0, 100, 50, NULL, NULL, NULL, null);
    user.SetTimer(hwnd, IDT_CLICK, CLICK_MILLIS, null);
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    return msg.wParam;
  }

  /* LRESULT CALLBACK HangupWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int hangupWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:                                       /* the user clicks "Hang up" */
        user.KillTimer(hwnd, IDT_CLICK);
        hangUp();
        user.DestroyWindow(hwnd);
        return 0;
      case WM_DESTROY:
        user.PostQuitMessage(0);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private void hangUp() {
    int hwndTerminal = user.FindWindow("TermWClass", null);
    // Win16: ask TERMINAL for its handle; Win32: the tasks are threads of one process, the handle a global.
    int s = emu.mode() == SchedulingMode.WIN16 ? user.SendMessage(hwndTerminal, WM_GETSOCKET, 0, 0) : sTerminal;
    closeResult = ws.closesocket(s);
    closeError = closeResult == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("hangup", "closesocket(%d), TERMINAL's socket, returned %d%s", s, closeResult,
        closeResult == SOCKET_ERROR ? " with " + error(closeError) : "");
    if (closeResult == SOCKET_ERROR) {
      print("hangup", "fixed: a Win16 socket belongs to its task; post WM_HANGUP and let TERMINAL end its own call");
      user.PostMessage(hwndTerminal, WM_HANGUP, 0, 0);
    }
  }

  private void print(String who, String format, Object... args) {
    Demonstrations.print(emu, out, who, format, args);
  }
}
