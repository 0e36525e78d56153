package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wsemu.Emulator;
import org.wsemu.sim.LinePeer;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * {@code nested-blocking-call}: a chat client's keep-alive timer fires while {@code recv} blocks;
 * the default blocking hook dispatches WM_TIMER, and the window procedure's {@code send} fails with
 * WSAEINPROGRESS. Fixed: the window procedure asks {@code WSAIsBlocking()} and only notes that a
 * keep-alive is due; the main code sends it once {@code recv} has returned.
 *
 * <p>One instance per run; its task is the only thread that touches it.
 */
final class NestedBlockingCall {
  static final String NAME = "nested-blocking-call";
  static final int PORT = 7000;
  static final String CLASS_NAME = "ChatWClass";
  static final int IDT_KEEPALIVE = 1;
  static final int KEEPALIVE_MS = 100;
  static final Duration ANSWER_DELAY = Duration.ofMillis(300);

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int s = INVALID_SOCKET;      // static SOCKET s;
  private boolean fixed;               // which version of the window procedure runs
  private boolean keepAliveDue;        // static BOOL fKeepAliveDue;
  private int nestedError = -1;        // what the nested send met (the bug)
  private boolean shown;

  private NestedBlockingCall(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A Winsock call made while a blocking call is in progress on the task fails with WSAEINPROGRESS",
        BlockingDemos.EINPROGRESS_PAGE,
        "A chat client sends HELLO and blocks in recv for the server's answer, which comes 300 ms later."
            + " Its keep-alive timer fires at 100 ms; the default blocking hook dispatches WM_TIMER, and the"
            + " window procedure, running inside recv, calls send: it fails with WSAEINPROGRESS and the"
            + " NOOP is never sent, while recv itself goes on waiting. In the fixed version the window"
            + " procedure asks WSAIsBlocking (one of the two calls allowed there), only notes that a NOOP is"
            + " due, and the main code sends it once recv has returned. In the trace, look for the send"
            + " with error=WSAEINPROGRESS between BLOCK recv and UNBLOCK recv (depth=2: the window procedure"
            + " nested in the hook), and in the second half for the send that comes after UNBLOCK.",
        (emu, network, out) -> new NestedBlockingCall(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    if (!BlockingDemos.win16(emu, out, "chat", BlockingDemos.NO_DEFAULT_HOOK)) {
      return false;
    }
    network.listen(network.defaultHost(), PORT,
        LinePeer.answering(Map.of("HELLO", List.of("HELLO alice"), "NOOP", List.of("OK"))).delay(ANSWER_DELAY));
    emu.createTask("chat", this::winMain);
    Demonstrations.startAndAwait(emu);
    return shown;
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::chatWndProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(CLASS_NAME, "Chat", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
    s = BlockingDemos.connectTo(ws, PORT);

    print("bug: the keep-alive timer's window procedure sends while recv blocks");
    String answer = talk(hwnd, "HELLO");
    print("recv returned \"%s\" at last; the NOOP was never sent", answer);
    boolean bug = nestedError == WSAEINPROGRESS && answer.equals("HELLO alice");

    fixed = true;
    print("fixed: the window procedure asks WSAIsBlocking() and defers the NOOP");
    answer = talk(hwnd, "HELLO");
    String okay = "";
    if (keepAliveDue) {                                  // if (fKeepAliveDue) { ... }
      keepAliveDue = false;
      print("recv returned \"%s\"; now the deferred NOOP goes out", answer);
      okay = talk(hwnd, "NOOP");
      print("the server answered the NOOP: \"%s\"", okay);
    }
    shown = bug && answer.equals("HELLO alice") && okay.equals("OK");
    print(shown ? "conclusion: no Winsock call but WSAIsBlocking and WSACancelBlockingCall may be made"
        + " while a blocking call is in progress; defer the work until it returns"
        : "conclusion: the run did not show the rule");

    ws.closesocket(s);
    user.DestroyWindow(hwnd);
    ws.WSACleanup();
    return 0;
  }

  /** Sends one request line and blocks in recv until its answer line has come (the timer may fire meanwhile). */
  private String talk(int hwnd, String request) {
    byte[] line = (request + "\r\n").getBytes(StandardCharsets.US_ASCII);
    if (!request.equals("NOOP")) {
      user.SetTimer(hwnd, IDT_KEEPALIVE, KEEPALIVE_MS, null);
    }
    ws.send(s, line, line.length, 0);
    StringBuilder answer = new StringBuilder();
    byte[] buf = new byte[64];
    int n;
    while (answer.indexOf("\n") < 0 && (n = ws.recv(s, buf, buf.length, 0)) > 0) {
      answer.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
    }
    return answer.toString().strip();
  }

  /* LRESULT CALLBACK ChatWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int chatWndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg != WM_TIMER || wParam != IDT_KEEPALIVE) {
      return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
    user.KillTimer(hwnd, IDT_KEEPALIVE);
    if (fixed && ws.WSAIsBlocking()) {                   // if (WSAIsBlocking()) { fKeepAliveDue = TRUE; return 0; }
      keepAliveDue = true;
      print("WM_TIMER inside recv: WSAIsBlocking() is TRUE, so the NOOP is only noted as due");
      return 0;
    }
    print("WM_TIMER inside recv: the window procedure sends NOOP");
    byte[] noop = "NOOP\r\n".getBytes(StandardCharsets.US_ASCII);
    int r = ws.send(s, noop, noop.length, 0);             // the nested call
    nestedError = r == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("send returned %d, WSAGetLastError() = %s", r, errorName(nestedError));
    return 0;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "chat", format, args);
  }
}
