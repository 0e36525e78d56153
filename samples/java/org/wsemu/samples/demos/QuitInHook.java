package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEINTR;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * {@code quit-in-hook}: the user closes a mail client's window while {@code recv} blocks. With the
 * default blocking hook the WM_QUIT that WM_DESTROY posts is taken from the queue and dispatched to
 * no window: the application's own message loop never sees it and would run on with no window.
 * Fixed: a blocking hook that cancels the call on WM_QUIT and posts the WM_QUIT again (the
 * emulator's {@code Emulator.Builder.repostQuitFromDefaultHook(true)} gives the default hook the
 * same behaviour, as the TwinSock implementation did).
 *
 * <p>One instance per run; its task is the only thread that touches it.
 */
final class QuitInHook {
  static final String NAME = "quit-in-hook";
  static final int PORT = 110;
  static final String CLASS_NAME = "MailWClass";
  static final int IDT_USER_CLOSES = 1;
  static final int CLOSE_AT_MS = 300;
  static final int WAIT_FOR_QUIT_MS = 2000;
  static final Duration GREETING_DELAY = Duration.ofMillis(1000);

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;

  private QuitInHook(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "The default blocking hook takes WM_QUIT off the queue and dispatches it to no window: it is lost",
        "Windows Sockets 1.1 specification, section 4.3.13 (WSASetBlockingHook())",
        "A mail client blocks in recv for a greeting that comes after one second; at 300 ms the user"
            + " closes its window. The default blocking hook dispatches WM_CLOSE, the window is destroyed and"
            + " WM_DESTROY posts WM_QUIT; the hook's next PeekMessage takes WM_QUIT too and dispatches it to"
            + " no window. recv goes on and returns the greeting, but the application's message loop never"
            + " gets WM_QUIT: two seconds later it is still waiting, with no window. Fixed, in the same run:"
            + " the application's own blocking hook cancels the call when it meets WM_QUIT and posts it"
            + " again; recv fails with WSAEINTR at once and GetMessage returns 0. (The emulator's option"
            + " repostQuitFromDefaultHook gives the default hook this behaviour, as TwinSock did.) In the"
            + " trace, look for DispatchMessage msg=WM_QUIT inside the first blocked recv, then, in the"
            + " second half, WSACancelBlockingCall and PostQuitMessage from the hook and GetMessage ret=0.",
        builder -> builder.hookRepollInterval(Duration.ofSeconds(1)), // the fixed hook only handles messages
        (emu, network, out) -> new QuitInHook(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    if (!BlockingDemos.win16(emu, out, "mail", BlockingDemos.NO_DEFAULT_HOOK)) {
      return false;
    }
    network.listen(network.defaultHost(), PORT,
        Peers.sendAfter(GREETING_DELAY, "+OK ready\r\n".getBytes(StandardCharsets.US_ASCII)));
    Task task = emu.createTask("mail", this::winMain);
    Demonstrations.startAndAwait(emu);
    return task.exitCode().orElse(1) == 0;
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::mailWndProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);

    print("bug: the default blocking hook runs while recv waits for the greeting");
    boolean bugQuit = session();
    boolean bug = !bugQuit;

    print("fixed: the application's hook cancels recv on WM_QUIT and posts WM_QUIT again");
    BlockingHook previous = ws.WSASetBlockingHook(this::quitAwareHook);
    boolean fixed = session();
    ws.WSASetBlockingHook(previous);
    ws.WSACleanup();

    boolean shown = bug && fixed;
    print(shown ? "conclusion: a WM_QUIT taken by the default hook is lost; a hook must cancel and re-post it"
        : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /** One run of the application: window, connection, recv, then its message loop; whether WM_QUIT came. */
  private boolean session() {
    int hwnd = user.CreateWindow(CLASS_NAME, "Mail", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
    int s = BlockingDemos.connectTo(ws, PORT);
    user.SetTimer(hwnd, IDT_USER_CLOSES, CLOSE_AT_MS, null);          // the user will close the window
    byte[] buf = new byte[512];
    int n = ws.recv(s, buf, buf.length, 0);
    int error = n == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("recv returned %d%s", n, n > 0 ? " (\"" + new String(buf, 0, n, StandardCharsets.US_ASCII).strip() + "\")"
        : ", WSAGetLastError() = " + errorName(error));
    ws.closesocket(s);

    // The application's message loop, with a watchdog timer so that the demonstration ends.
    int idWatchdog = user.SetTimer(NULL, 0, WAIT_FOR_QUIT_MS, null);
    MSG msg = new MSG();
    boolean quit = false;
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      if (msg.message == WM_TIMER && msg.hwnd == NULL) {
        print("%d ms later GetMessage has brought no WM_QUIT: the application would run on with no window",
            WAIT_FOR_QUIT_MS);
        break;
      }
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    if (msg.message == WM_QUIT) {
      quit = true;
      print("GetMessage returned 0 (WM_QUIT, exit code %d): the application ends", msg.wParam);
    }
    user.KillTimer(NULL, idWatchdog);
    return quit && n == SOCKET_ERROR && error == WSAEINTR;
  }

  /*
   * BOOL FAR PASCAL QuitAwareHook(void)
   * The default hook, but a WM_QUIT cancels the blocking call and is put back for the main loop.
   */
  private boolean quitAwareHook() {
    MSG msg = new MSG();
    if (!user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
      return false;
    }
    if (msg.message == WM_QUIT) {
      ws.WSACancelBlockingCall();
      user.PostQuitMessage(msg.wParam);
      return false;
    }
    user.TranslateMessage(msg);
    user.DispatchMessage(msg);
    return true;
  }

  /* LRESULT CALLBACK MailWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int mailWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:                                   // stands for the user's click on Close
        user.KillTimer(hwnd, IDT_USER_CLOSES);
        print("the user closes the window while recv blocks");
        user.PostMessage(hwnd, WM_CLOSE, 0, 0);
        return 0;
      case WM_DESTROY:
        print("WM_DESTROY: PostQuitMessage(0), for the application's message loop");
        user.PostQuitMessage(0);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "mail", format, args);
  }
}
