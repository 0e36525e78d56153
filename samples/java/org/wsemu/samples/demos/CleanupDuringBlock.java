package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.TaskDemoSupport.error;
import static org.wsemu.samples.demos.TaskDemoSupport.local;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;
import static org.wsemu.winsock.WinSock.WSAEINTR;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code cleanup-during-block}: the user closes a mail client's window while it waits in recv for
 * the server's answer. The classic bug calls WSACleanup from the window procedure, which the
 * default blocking hook dispatched: it fails with WSAEINPROGRESS and the recv goes on waiting.
 * The fix cancels the blocking call there, and cleans up once recv has returned WSAEINTR.
 *
 * <p>Its state belongs to its one task.
 */
final class CleanupDuringBlock {
  static final int PORT = 110;
  static final int IDT_USER = 1;            /* the user's click on the close box, as a timer */
  static final int CLICK_MILLIS = 200;
  static final int ANSWER_MILLIS = 1000;
  static final byte[] ANSWER = "+OK bye\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private boolean fixed;                    // which WM_CLOSE handler runs
  private int cleanupResult;                // phase 1: what WSACleanup returned in WM_CLOSE,
  private int cleanupError;                 //   and its error
  private int cancelResult = SOCKET_ERROR;  // phase 2: what WSACancelBlockingCall returned
  private int recvError;                    // WSAGetLastError after the last recv

  private CleanupDuringBlock(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration("cleanup-during-block",
        "WSACleanup during a blocking call fails with WSAEINPROGRESS: cancel the call, clean up after",
        "Windows Sockets 1.1 specification, section 4.3.10 (WSACleanup())",
        "A mail client waits in recv for its server's answer (due after 1 s) when the user closes its"
            + " window (a timer at 200 ms stands for the click). The default blocking hook dispatches"
            + " WM_CLOSE, and the window procedure calls WSACleanup: the trace shows it return -1 with"
            + " WSAEINPROGRESS, and the recv go on waiting until the answer arrives. Fixed: the window"
            + " procedure calls WSACancelBlockingCall instead; recv returns -1 with WSAEINTR at once,"
            + " and the program closes the socket and calls WSACleanup, which now returns 0.",
        CleanupDuringBlock::run);
  }

  static boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws InterruptedException {
    network.listen(network.defaultHost(), PORT, Peers.sendAfter(Duration.ofMillis(ANSWER_MILLIS), ANSWER));
    CleanupDuringBlock demo = new CleanupDuringBlock(emu, out);
    int[] shown = new int[1];
    emu.createTask("mail", () -> {
      WNDCLASS wc = new WNDCLASS();
      wc.lpfnWndProc = demo::mailWndProc;
      wc.lpszClassName = "MailWClass";
      demo.user.RegisterClass(wc);
      shown[0] = (demo.bug() ? 1 : 0) + (demo.fix() ? 1 : 0);
      Demonstrations.print(emu, out, "result", shown[0] == 2
          ? "WSACleanup inside a blocking call is refused (WSAEINPROGRESS); cancel first, then clean up"
          : "the rule was not shown");
      return 0;
    });
    Demonstrations.startAndAwait(emu);
    return shown[0] == 2;
  }

  /** The bug: WSACleanup in WM_CLOSE. Returns whether it failed and the recv went on. */
  private boolean bug() {
    print("bug: WM_CLOSE calls WSACleanup");
    fixed = false;
    int n = session();
    boolean shown = cleanupResult == SOCKET_ERROR && cleanupError == WSAEINPROGRESS && n == ANSWER.length;
    print("recv was not interrupted: it returned %d bytes when the answer came; Winsock is still started,"
        + " so the program must clean up again: WSACleanup returns %d", n, ws.WSACleanup());
    return shown;
  }

  /** The fix: WSACancelBlockingCall in WM_CLOSE, WSACleanup after recv returned. */
  private boolean fix() {
    print("fixed: WM_CLOSE calls WSACancelBlockingCall; WSACleanup comes after recv returned");
    fixed = true;
    int n = session();
    int cleanup = ws.WSACleanup();
    print("WSACleanup after recv returned: %d", cleanup);
    return cancelResult == 0 && n == SOCKET_ERROR && recvError == WSAEINTR && cleanup == 0;
  }

  /** WSAStartup, a window, a connection, the click timer and the recv; returns what recv returned. */
  private int session() {
    ws.WSAStartup(0x0101, new WSADATA());
    TaskDemoSupport.keepDefaultHook(emu);              /* Win32 mode: no default hook otherwise */
    int hwnd = user.CreateWindow("MailWClass", "Mail", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.connect(s, local(PORT), sockaddr_in.SIZE);
    user.SetTimer(hwnd, IDT_USER, CLICK_MILLIS, null);
    print("waiting in recv for the server's answer");
    byte[] buf = new byte[64];
    int n = ws.recv(s, buf, buf.length, 0);            /* blocks; the default hook dispatches */
    recvError = n == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("recv returned %d%s", n, n == SOCKET_ERROR ? " with " + error(recvError) : " bytes");
    ws.closesocket(s);
    user.DestroyWindow(hwnd);
    return n;
  }

  /* LRESULT CALLBACK MailWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int mailWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:                                   /* the user clicks the close box */
        user.KillTimer(hwnd, IDT_USER);
        user.PostMessage(hwnd, WM_CLOSE, 0, 0);
        return 0;
      case WM_CLOSE:
        if (!fixed) {
          cleanupResult = ws.WSACleanup();             /* the bug: WSACleanup(); */
          cleanupError = ws.WSAGetLastError();
          print("WM_CLOSE: WSACleanup returned %d with %s", cleanupResult, error(cleanupError));
        } else if (ws.WSAIsBlocking()) {
          cancelResult = ws.WSACancelBlockingCall();   /* the fix: cancel, clean up later */
          print("WM_CLOSE: WSACancelBlockingCall returned %d", cancelResult);
        }
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "mail", format, args);
  }
}
