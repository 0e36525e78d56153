package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;
import static org.wsemu.winsock.WinSock.WSAGETSELECTEVENT;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.LinePeer;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code async-select-no-inprogress}: the same small job, asking a server the time while a 50 ms
 * status timer asks it for its status, done twice by one Win16 task. First with a blocking recv:
 * the default blocking hook dispatches the WM_TIMER, and the window procedure's send fails with
 * WSAEINPROGRESS. Then with WSAAsyncSelect: nothing ever blocks, the timer's send succeeds, and so
 * does a send from the window procedure entered a second time (a SendMessage from its FD_READ case).
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class AsyncSelectWithoutInProgress {
  static final String NAME = "async-select-no-inprogress";
  static final int PORT = 13;
  static final int IDT_STATUS = 1;
  static final int WM_SOCKET = WM_USER + 2;            // #define WM_SOCKET   (WM_USER + 2)
  static final int WM_SHOWLINE = WM_USER + 3;          // #define WM_SHOWLINE (WM_USER + 3)
  static final int STATUS_TIMER_MS = 50;
  /**
   * How late the server answers each line: later than the status timer's first tick can come
   * (its period plus one 55 ms tick of phase, a schedule exploration's timer phase), so that STAT
   * is always asked before DATE is answered, inside the blocking recv in the first half and
   * before QUIT in the second, as the server's dialogue expects.
   */
  static final Duration SERVER_DELAY = Duration.ofMillis(150);

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int s;                                       // static SOCKET s;
  private boolean async;                               // which half of the run
  private int refused;                                 // sends that failed with WSAEINPROGRESS
  private int sent;                                    // sends made from the window procedure that worked
  private String line = "";                            // static char szLine[80];

  private AsyncSelectWithoutInProgress(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A WSAAsyncSelect program never blocks, so its calls never fail with WSAEINPROGRESS",
        BlockingDemos.EINPROGRESS_PAGE,
        "One Win16 task asks a server for the time (DATE) while a 50 ms timer asks for its status"
            + " (STAT); the server answers each line 150 ms late. First the blocking way: recv blocks,"
            + " the default blocking hook dispatches WM_TIMER, and the window procedure's send fails"
            + " with WSAEINPROGRESS (look for send ret=-1 between BLOCK recv and UNBLOCK recv). Then,"
            + " fixed, with WSAAsyncSelect: connect returns WSAEWOULDBLOCK, FD_CONNECT, WM_TIMER and"
            + " FD_READ come through GetMessage, and every send succeeds, including one made from the"
            + " window procedure entered a second time through SendMessage (depth=2).",
        (emu, network, out) -> {
          if (!BlockingDemos.win16(emu, out, "client", BlockingDemos.NO_DEFAULT_HOOK)) {
            return false;                                // the blocking half needs the default hook
          }
          network.listen(network.defaultHost(), PORT, LinePeer.dialogue(   // it closes after BYE
              LinePeer.Exchange.on("DATE", "Mon Dec 07 1992"),
              LinePeer.Exchange.on("STAT", "OK 2 users"),
              LinePeer.Exchange.on("QUIT", "BYE")).delay(SERVER_DELAY));
          AsyncSelectWithoutInProgress demo = new AsyncSelectWithoutInProgress(emu, out);
          emu.createTask("client", demo::winMain);
          Demonstrations.startAndAwait(emu);
          return demo.refused == 1 && demo.sent == 2;
        });
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::wndProc;
    wc.lpszClassName = "TimeWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("TimeWClass", "Time", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    print("blocking: connect, send DATE, then recv blocks; a 50 ms timer will send STAT");
    s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.connect(s, server(), sockaddr_in.SIZE);
    send("DATE");
    user.SetTimer(hwnd, IDT_STATUS, STATUS_TIMER_MS, null);
    byte[] buf = new byte[80];
    int n = ws.recv(s, buf, buf.length, 0);              // blocks; the default hook dispatches WM_TIMER
    print("blocking: recv returned %d: %s", n, text(buf, n));
    ws.closesocket(s);

    print("fixed: WSAAsyncSelect(FD_CONNECT | FD_READ | FD_CLOSE), connect, and everything in the window procedure");
    async = true;
    s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.WSAAsyncSelect(s, hwnd, WM_SOCKET, FD_CONNECT | FD_READ | FD_CLOSE);
    if (ws.connect(s, server(), sockaddr_in.SIZE) == SOCKET_ERROR) {
      print("fixed: connect returned -1 with %s: the connection goes on, FD_CONNECT will tell",
          BlockingDemos.errorName(ws.WSAGetLastError()));
    }
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    print("conclusion: %d send refused with WSAEINPROGRESS, inside the blocking recv; with WSAAsyncSelect"
        + " nothing blocks and %d sends from the window procedure worked", refused, sent);
    return 0;
  }

  /* LRESULT CALLBACK WndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int wndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:                                     // the status timer: ask for the status
        user.KillTimer(hwnd, IDT_STATUS);
        if (send("STAT") == SOCKET_ERROR && ws.WSAGetLastError() == WSAEINPROGRESS) {
          refused++;
          print("WM_TIMER: send(STAT) returned -1 with WSAEINPROGRESS: the task is blocked in recv");
        } else {
          sent++;
          print("WM_TIMER: send(STAT) worked");
        }
        return 0;
      case WM_SOCKET:
        switch (WSAGETSELECTEVENT(lParam)) {
          case FD_CONNECT:
            print("FD_CONNECT: send DATE, start the 50 ms status timer");
            send("DATE");
            user.SetTimer(hwnd, IDT_STATUS, STATUS_TIMER_MS, null);
            return 0;
          case FD_READ:
            byte[] buf = new byte[80];
            int n = ws.recv(s, buf, buf.length, 0);
            line = text(buf, n);
            user.SendMessage(hwnd, WM_SHOWLINE, 0, 0);   // the window procedure, once more
            return 0;
          case FD_CLOSE:                                 // the server closed after BYE
            ws.closesocket(s);
            user.PostQuitMessage(0);
            return 0;
          default:
            return 0;
        }
      case WM_SHOWLINE:                                  // entered again, inside the FD_READ case
        print("WM_SHOWLINE (the window procedure entered again, through SendMessage): %s", line);
        if (line.startsWith("Mon")) {
          if (send("QUIT") == SOCKET_ERROR) {
            print("WM_SHOWLINE: send(QUIT) returned -1 with %s", BlockingDemos.errorName(ws.WSAGetLastError()));
          } else {
            sent++;
            print("WM_SHOWLINE: send(QUIT) from the reentered window procedure worked");
          }
        }
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private int send(String request) {
    byte[] bytes = (request + "\r\n").getBytes(StandardCharsets.US_ASCII);
    return ws.send(s, bytes, bytes.length, 0);
  }

  private static sockaddr_in server() {
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(PORT);
    sin.sin_addr.s_addr = inet_addr("127.0.0.1");
    return sin;
  }

  private static String text(byte[] buf, int n) {
    return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII).strip();
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "client", format, args);
  }
}
