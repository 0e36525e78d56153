package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.TaskDemoSupport.error;
import static org.wsemu.samples.demos.TaskDemoSupport.local;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.BlockingHook;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code version2-no-nesting-limit}: the same chat program twice, first as a Windows Sockets 1.1
 * application, then after negotiating 2.2. It waits in recv for the server's greeting while a
 * timer stands for a line the user typed, which its window procedure sends. Under 1.1 the default
 * blocking hook dispatches the WM_TIMER inside recv, the send is nested in it and fails with
 * WSAEINPROGRESS. Under 2.2 there is no pseudo-blocking: no hook (WSASetBlockingHook fails with
 * WSAEOPNOTSUPP), nothing runs inside recv, the WM_TIMER waits in the queue until the message loop
 * takes it after recv returned, and the same send succeeds: nothing nests, so nothing is refused.
 *
 * <p>Its state belongs to its one task.
 */
final class Version2NoNesting {
  static final int PORT = 6667;
  static final int IDT_TYPED = 1;           /* a line the user typed, as a timer */
  static final int TYPED_MILLIS = 100;
  static final int GREETING_MILLIS = 300;
  static final byte[] GREETING = "hello\r\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] LINE = "ping\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int s;                            // static SOCKET s;
  private boolean sent;                     // the typed line was handled (sent or lost)
  private boolean insideRecv;               // set around recv, to say where the send ran
  private int sendResult;
  private int sendError;
  private boolean sendNested;

  private Version2NoNesting(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration("version2-no-nesting-limit",
        "Version 2.x has no pseudo-blocking: no hook, nothing nests in a blocking call, no WSAEINPROGRESS",
        "Microsoft Learn, Windows Sockets Compatibility Issues:"
            + " https://learn.microsoft.com/windows/win32/winsock/windows-sockets-compatibility-issues-2",
        "One chat program runs twice: as a 1.1 application, then after WSAStartup(2.2). It waits in"
            + " recv for the server's greeting (due at 300 ms) while a timer at 100 ms stands for a"
            + " line the user typed, which its window procedure sends. Under 1.1 the trace shows the"
            + " default hook dispatch WM_TIMER inside recv (depth 2) and the nested send return -1"
            + " with WSAEINPROGRESS: the line is lost. Under 2.2 WSASetBlockingHook fails with"
            + " WSAEOPNOTSUPP, no HOOK event appears inside recv, and the WM_TIMER is dispatched by"
            + " GetMessage after recv returned: the same send returns 6. Version 2 removes the"
            + " nesting, and with it the one-call-per-task limit; a program that needs to stay"
            + " responsive uses a thread for its network calls instead.",
        Version2NoNesting::run);
  }

  static boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws InterruptedException {
    network.listen(network.defaultHost(), PORT, Peers.sendAfter(Duration.ofMillis(GREETING_MILLIS), GREETING));
    Version2NoNesting demo = new Version2NoNesting(emu, out);
    boolean[] shown = new boolean[1];
    emu.createTask("chat", () -> {
      WNDCLASS wc = new WNDCLASS();
      wc.lpfnWndProc = demo::chatWndProc;
      wc.lpszClassName = "ChatWClass";
      demo.user.RegisterClass(wc);
      boolean old = demo.session(0x0101);
      boolean two = demo.session(0x0202);
      shown[0] = old && two;
      Demonstrations.print(emu, out, "result", shown[0]
          ? "1.1 refuses the send nested in recv (WSAEINPROGRESS); 2.2 nests nothing, and the same send works"
          : "the rule was not shown");
      return 0;
    });
    Demonstrations.startAndAwait(emu);
    return shown[0];
  }

  /** One run of the chat program as an application of {@code version}; returns whether it behaved as that version must. */
  private boolean session(int version) {
    WSADATA wsaData = new WSADATA();
    ws.WSAStartup(version, wsaData);
    boolean two = (wsaData.wVersion & 0xFF) >= 2;        /* LOBYTE(wVersion) is the major version */
    print("WSAStartup(%d.%d): version %d.%d", version & 0xFF, version >> 8, wsaData.wVersion & 0xFF, wsaData.wVersion >> 8);
    boolean noHook = true;
    if (!two) {
      TaskDemoSupport.keepDefaultHook(emu);            /* Win32 mode: no default hook otherwise */
    } else {
      BlockingHook previous = ws.WSASetBlockingHook(() -> false);
      int error = ws.WSAGetLastError();
      print("WSASetBlockingHook returned %s with %s: Winsock 2 has no blocking hook", previous == null ? "NULL" : "a hook",
          error(error));
      noHook = previous == null && error == WSAEOPNOTSUPP;
    }
    int hwnd = user.CreateWindow("ChatWClass", "Chat", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
    s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.connect(s, local(PORT), sockaddr_in.SIZE);
    sent = false;
    user.SetTimer(hwnd, IDT_TYPED, TYPED_MILLIS, null);
    print("waiting in recv for the greeting; the user types a line in %d ms", TYPED_MILLIS);
    byte[] buf = new byte[64];
    insideRecv = true;
    int n = ws.recv(s, buf, buf.length, 0);
    insideRecv = false;
    print("recv returned %d bytes", n);
    MSG msg = new MSG();
    while (!sent && user.GetMessage(msg, NULL, 0, 0) > 0) {   /* the application's message loop */
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    user.DestroyWindow(hwnd);
    ws.closesocket(s);
    ws.WSACleanup();
    boolean asVersion = two
        ? noHook && !sendNested && sendResult == LINE.length
        : sendNested && sendResult == SOCKET_ERROR && sendError == WSAEINPROGRESS;
    return asVersion && n == GREETING.length;
  }

  /* LRESULT CALLBACK ChatWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int chatWndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg == WM_TIMER && wParam == IDT_TYPED) {             /* the user typed a line: send it */
      user.KillTimer(hwnd, IDT_TYPED);
      sendNested = insideRecv;
      sendResult = ws.send(s, LINE, LINE.length, 0);
      sendError = sendResult == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
      print("WM_TIMER %s recv: send of the typed line returned %d%s", sendNested ? "inside" : "after", sendResult,
          sendResult == SOCKET_ERROR ? " with " + error(sendError) + ": the line is lost" : "");
      sent = true;
      return 0;
    }
    return user.DefWindowProc(hwnd, msg, wParam, lParam);
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "chat", format, args);
  }
}
