package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.VK_ESCAPE;
import static org.wsemu.user.WinUser.WM_KEYDOWN;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock.htons;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wsemu.Emulator;
import org.wsemu.sim.LinePeer;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.BlockingHook;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.hostent;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code library-call-cancelled}: a whois "library" (a DLL in Win16 terms) makes blocking calls
 * without a hook of its own. The application's hook, installed by the application, sees the user
 * press Esc and calls {@code WSACancelBlockingCall}: the library's {@code recv} fails with WSAEINTR,
 * the library cleans up and returns the error, and the application reports the cancellation.
 *
 * <p>One instance per run; the tasks share it and switch only at their message calls and inside
 * blocking calls (Win16).
 */
final class LibraryCallCancelled {
  static final String NAME = "library-call-cancelled";
  static final int PORT = 43;
  static final String CLASS_NAME = "WhoisWClass";
  static final Duration ANSWER_DELAY = Duration.ofSeconds(5);
  static final int ESC_AT_MS = 500;

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private boolean escPressed;          // static BOOL fCancelled;

  private LibraryCallCancelled(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A library's blocking call can be cancelled by the application's hook; the library sees WSAEINTR",
        "Windows Sockets 1.1 specification, section 3.3.5 (Accessing a Windows Sockets DLL from an Intermediate DLL)",
        "WHOIS calls a library routine, Whois(), that connects to a whois server (which would answer only"
            + " after 5 s) and blocks in recv; the library installs no blocking hook of its own. The"
            + " application has installed its hook, which dispatches messages and watches for Esc. At 500 ms"
            + " the user (the task USER) presses Esc: the hook calls WSACancelBlockingCall, the library's recv"
            + " fails with WSAEINTR, the library closes its socket and returns the error at once, and the"
            + " application reports that the user cancelled. In the trace, look for WSACancelBlockingCall"
            + " inside the hook while the library's recv is blocked, then UNBLOCK recv with cancelled=true.",
        builder -> builder.hookRepollInterval(Duration.ofSeconds(1)), // the hook only handles messages
        (emu, network, out) -> new LibraryCallCancelled(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    network.listen(network.defaultHost(), PORT,
        LinePeer.query(Map.of("example.com", List.of("Domain Name: EXAMPLE.COM"))).delay(ANSWER_DELAY));
    Task whois = emu.createTask("whois", this::winMain);
    emu.createTask("user", this::userWinMain);
    Demonstrations.startAndAwait(emu);
    return whois.exitCode().orElse(1) == 0;
  }

  // ---- the application ----

  /* int PASCAL WinMain(...) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = user::DefWindowProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(CLASS_NAME, "Whois", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    BlockingHook previous = ws.WSASetBlockingHook(this::escapeHook);
    print("asks the library for whois(\"example.com\"); Esc cancels");
    StringBuilder answer = new StringBuilder();
    int error = WhoisLibrary.whois(ws, "example.com", answer);
    ws.WSASetBlockingHook(previous);
    if (error == WSAEINTR && escPressed) {
      print("the library returned %s: the user cancelled the query", errorName(error));
    } else {
      print("the library returned %s, answer \"%s\"", errorName(error), answer.toString().strip());
    }
    user.DestroyWindow(hwnd);
    ws.WSACleanup();

    boolean shown = error == WSAEINTR && escPressed && answer.length() == 0;
    print(shown ? "conclusion: the application's hook cancelled the library's recv; the library saw WSAEINTR"
        : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /*
   * BOOL FAR PASCAL EscapeHook(void)
   * The default hook, but Esc cancels whatever blocks, ours or a library's.
   */
  private boolean escapeHook() {
    MSG msg = new MSG();
    if (!user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
      return false;
    }
    if (msg.message == WM_KEYDOWN && msg.wParam == VK_ESCAPE) {
      escPressed = true;
      print("the hook sees Esc and calls WSACancelBlockingCall(): %d", ws.WSACancelBlockingCall());
      return false;
    }
    user.TranslateMessage(msg);
    user.DispatchMessage(msg);
    return true;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "whois", format, args);
  }

  /**
   * The library: blocking calls, no hook of its own, the error returned to the caller. Stateless;
   * called on the caller's task.
   */
  private static final class WhoisLibrary {
    private WhoisLibrary() {}

    /* int FAR PASCAL Whois(LPCSTR query, LPSTR answer): 0, or the Winsock error */
    static int whois(WinsockApi ws, String query, StringBuilder answer) {
      hostent hp = ws.gethostbyname("localhost");
      if (hp == null) {
        return ws.WSAGetLastError();
      }
      sockaddr_in sin = new sockaddr_in();
      sin.sin_family = AF_INET;
      sin.sin_port = htons(PORT);
      sin.sin_addr.set(hp.h_addr());
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      if (s == INVALID_SOCKET) {
        return ws.WSAGetLastError();
      }
      byte[] request = (query + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] buf = new byte[256];
      int n = SOCKET_ERROR;
      if (ws.connect(s, sin, sockaddr_in.SIZE) == 0 && ws.send(s, request, request.length, 0) == request.length) {
        while ((n = ws.recv(s, buf, buf.length, 0)) > 0) {
          answer.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
      }
      int error = n == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
      ws.closesocket(s);                                  // return control as quickly as possible
      return error;
    }
  }

  // ---- USER: presses Esc after half a second ----

  /* int PASCAL WinMain(...) */
  private int userWinMain() {
    int idTimer = user.SetTimer(NULL, 0, ESC_AT_MS, null);
    MSG msg = new MSG();
    user.GetMessage(msg, NULL, 0, 0);                     // the timer's WM_TIMER
    user.KillTimer(NULL, idTimer);
    int hwnd = user.FindWindow(CLASS_NAME, null);
    Demonstrations.print(emu, out, "user", "presses Esc");
    user.PostMessage(hwnd, WM_KEYDOWN, VK_ESCAPE, 0);
    return 0;
  }
}
