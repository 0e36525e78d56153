package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.TaskDemoSupport.error;
import static org.wsemu.samples.demos.TaskDemoSupport.local;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code blocked-task-yields}: a Win16 task blocked in recv does not stop the machine. READER
 * waits in accept, then in recv; its default blocking hook finds no message and the task yields,
 * so TICKER, a second application, runs: its timer ticks, it connects on the first tick and sends
 * the data READER waits for on the third.
 *
 * <p>Its state belongs to its two tasks: {@code readerBlocked} is written by READER and read by
 * TICKER (volatile, for Win32 mode, where they run in parallel); the rest is written by one task
 * and read by the program once both have ended.
 */
final class BlockedTaskYields {
  static final int PORT = 2000;
  static final int IDT_TICK = 1;
  static final int TICK_MILLIS = 500;
  static final String DATA = "hello";

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final List<Integer> ticksWhileBlocked = new ArrayList<>();
  private volatile boolean readerBlocked;   // set by READER around its blocking calls
  private int ticks;                        // TICKER: static int nTicks;
  private int sTicker = INVALID_SOCKET;     // TICKER: static SOCKET s;
  private String received = "";

  private BlockedTaskYields(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration("blocked-task-yields",
        "A Win16 task blocked in a Winsock call yields: the other applications keep running",
        "Windows Sockets 1.1 specification, section 2.7 (Windows Sockets in Multithreaded Versions of"
            + " Windows) and appendix B.3 (Multithreadedness and blocking routines)",
        "READER listens, then waits in accept and in recv. Its default blocking hook finds no"
            + " message, so the task yields and TICKER, a second application, runs: it creates a"
            + " window with a 500 ms timer, connects to READER on the first tick and sends \"hello\""
            + " on the third. In the trace READER's BLOCK recv is followed by TICKER's WM_TIMER ticks"
            + " and its send, and only then by READER's UNBLOCK recv: the blocked task never held the"
            + " processor.",
        BlockedTaskYields::run);
  }

  static boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws InterruptedException {
    BlockedTaskYields demo = new BlockedTaskYields(emu, out);
    emu.createTask("reader", demo::readerWinMain);
    emu.createTask("ticker", demo::tickerWinMain);
    Demonstrations.startAndAwait(emu);
    boolean shown = demo.received.equals(DATA) && demo.ticksWhileBlocked.equals(List.of(1, 2, 3));
    Demonstrations.print(emu, out, "result", shown
        ? "READER stayed blocked through TICKER's 3 ticks and got its data: a blocked task lets the others run"
        : "the rule was not shown: ticks while READER blocked " + demo.ticksWhileBlocked + ", data \"" + demo.received + "\"");
    return shown;
  }

  // ---- READER ----

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int readerWinMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.bind(s, local(PORT), sockaddr_in.SIZE);
    ws.listen(s, 1);
    print("reader", "waiting in accept on port %d", PORT);
    readerBlocked = true;
    int c = ws.accept(s, null, null);                  /* c = accept(s, NULL, NULL); blocks */
    readerBlocked = false;
    if (c == INVALID_SOCKET) {
      return fail("reader", "accept");
    }
    print("reader", "accepted TICKER's connection; waiting in recv");
    byte[] buf = new byte[64];
    readerBlocked = true;
    int n = ws.recv(c, buf, buf.length, 0);            /* n = recv(c, buf, sizeof(buf), 0); blocks */
    readerBlocked = false;
    if (n == SOCKET_ERROR) {
      return fail("reader", "recv");
    }
    received = new String(buf, 0, n, StandardCharsets.US_ASCII);
    print("reader", "recv returned %d bytes \"%s\"", n, received);
    ws.closesocket(c);
    ws.closesocket(s);
    ws.WSACleanup();
    return 0;
  }

  // ---- TICKER ----

  /* int PASCAL WinMain(...) */
  private int tickerWinMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::tickerWndProc;
    wc.lpszClassName = "TickerWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("TickerWClass", "Ticker", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, NULL, null);
    user.SetTimer(hwnd, IDT_TICK, TICK_MILLIS, null);
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    return msg.wParam;
  }

  /* LRESULT CALLBACK TickerWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int tickerWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:
        ticks++;
        if (readerBlocked) {
          ticksWhileBlocked.add(ticks);
        }
        print("ticker", "tick %d%s", ticks, readerBlocked ? " (READER is blocked)" : "");
        if (ticks == 1) {
          sTicker = ws.socket(AF_INET, SOCK_STREAM, 0);
          int r = ws.connect(sTicker, local(PORT), sockaddr_in.SIZE);
          print("ticker", "connect to READER returned %d", r);
        } else if (ticks == 3) {
          byte[] data = DATA.getBytes(StandardCharsets.US_ASCII);
          print("ticker", "send \"%s\" returned %d", DATA, ws.send(sTicker, data, data.length, 0));
          ws.closesocket(sTicker);
          user.KillTimer(hwnd, IDT_TICK);
          user.DestroyWindow(hwnd);
        }
        return 0;
      case WM_DESTROY:
        user.PostQuitMessage(0);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private int fail(String who, String call) {
    print(who, "%s failed with %s", call, error(ws.WSAGetLastError()));
    return 1;
  }

  private void print(String who, String format, Object... args) {
    Demonstrations.print(emu, out, who, format, args);
  }
}
