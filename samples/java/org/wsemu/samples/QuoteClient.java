package org.wsemu.samples;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.USER_TIMER_MINIMUM;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_TIMER;
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
import org.wsemu.Emulator;
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
 * A small Win16 client written the way such programs were: blocking Winsock calls, a custom
 * blocking hook, and a WM_TIMER timeout that cancels a call that takes too long.
 *
 * <p>It asks a quote server for a quote: gethostbyname, socket, connect, send, then recv until the
 * server closes. While a call blocks, its hook lets through only the messages of its own window,
 * so that the user cannot start a second operation (the reentrancy the 1.1 specification warns
 * about) but the timeout timer still works; the timer's window procedure calls
 * WSACancelBlockingCall, and the blocked recv fails with WSAEINTR. The C original is in the
 * comments.
 *
 * <p>Each line it prints starts with {@code [t=... ms]}: GetTickCount's milliseconds since the
 * request began (its host lookup), not since the clock's origin, so that the first run of a JVM
 * does not count the JVM's start-up.
 */
public final class QuoteClient {
  static final String CLASS_NAME = "QuoteWClass";
  static final int IDT_TIMEOUT = 1;

  /** What one run did. */
  public enum Outcome { QUOTE, TIMED_OUT, FAILED }

  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final int port;
  private final int timeoutMillis;
  private int hwndMain;
  private boolean timedOut;
  private int requestTick;                               // static DWORD dwRequest;

  private QuoteClient(Emulator emu, PrintWriter out, int port, int timeoutMillis) {
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** What a timeout must be: SetTimer would lengthen a shorter one, and the message would lie. */
  static void checkTimeout(int timeoutMillis) {
    if (timeoutMillis < USER_TIMER_MINIMUM) {
      throw new IllegalArgumentException("timeoutMillis " + timeoutMillis + " is below SetTimer's minimum of "
          + USER_TIMER_MINIMUM + " ms");
    }
  }

  /**
   * Runs the client as a task of {@code emu} (not started yet) against the server on
   * {@code localhost:port}, giving up after {@code timeoutMillis}. Call it on any thread but the
   * emulator's tasks; it returns when the client's task has ended.
   *
   * @throws IllegalArgumentException if {@code timeoutMillis} is below SetTimer's minimum
   *     ({@code USER_TIMER_MINIMUM}, 10 ms)
   * @throws IllegalStateException if the client does not finish within a minute of its timeout
   */
  public static Outcome run(Emulator emu, PrintWriter out, int port, int timeoutMillis) throws InterruptedException {
    checkTimeout(timeoutMillis);
    QuoteClient client = new QuoteClient(emu, out, port, timeoutMillis);
    Task task = emu.createTask("quote", client::winMain);
    emu.start();
    if (!task.join(Duration.ofMinutes(1).plusMillis(timeoutMillis))) {
      throw new IllegalStateException("the client did not finish within a minute of its timeout");
    }
    return Outcome.values()[task.exitCode().orElse(Outcome.FAILED.ordinal())];
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    requestTick = user.GetTickCount();                   // until the request begins, times count from here
    WSADATA wsaData = new WSADATA();
    if (ws.WSAStartup(0x0101, wsaData) != 0) {
      return fail("WSAStartup");
    }
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::mainWndProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);
    hwndMain = user.CreateWindow(CLASS_NAME, "Quote", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    BlockingHook previousHook = ws.WSASetBlockingHook(this::blockingHook);
    Outcome outcome = fetchQuote();
    ws.WSASetBlockingHook(previousHook);

    user.DestroyWindow(hwndMain);
    ws.WSACleanup();
    return outcome.ordinal();
  }

  private Outcome fetchQuote() {
    requestTick = user.GetTickCount();                   // dwRequest = GetTickCount();
    hostent hp = ws.gethostbyname("localhost");          // hp = gethostbyname("localhost");
    if (hp == null) {
      return failed("gethostbyname");
    }
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    sin.sin_addr.set(hp.h_addr());                        // memcpy(&sin.sin_addr, hp->h_addr, hp->h_length);

    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (s == INVALID_SOCKET) {
      return failed("socket");
    }
    try {
      if (ws.connect(s, sin, sockaddr_in.SIZE) == SOCKET_ERROR) {
        return failed("connect");
      }
      byte[] request = "QUOTE\r\n".getBytes(StandardCharsets.US_ASCII);
      if (ws.send(s, request, request.length, 0) == SOCKET_ERROR) {
        return failed("send");
      }
      StringBuilder quote = new StringBuilder();
      byte[] buf = new byte[256];
      user.SetTimer(hwndMain, IDT_TIMEOUT, timeoutMillis, null);   // the timeout
      int n;
      while ((n = ws.recv(s, buf, buf.length, 0)) > 0) {
        quote.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
      }
      user.KillTimer(hwndMain, IDT_TIMEOUT);
      if (n == SOCKET_ERROR) {
        if (ws.WSAGetLastError() == WSAEINTR && timedOut) {
          out.printf("[t=%5d ms] quote: no answer within %d ms; the call was cancelled (WSAEINTR)%n",
              elapsed(), timeoutMillis);
          return Outcome.TIMED_OUT;
        }
        return failed("recv");
      }
      out.printf("[t=%5d ms] quote: %s%n", elapsed(), quote.toString().strip());
      return Outcome.QUOTE;
    } finally {
      ws.closesocket(s);
    }
  }

  /*
   * BOOL FAR PASCAL BlockingHook(void)
   * Let only our own window's messages through: no second operation can start while one blocks.
   */
  private boolean blockingHook() {
    MSG msg = new MSG();
    if (user.PeekMessage(msg, hwndMain, 0, 0, PM_REMOVE)) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
      return true;
    }
    return false;
  }

  /* LRESULT CALLBACK MainWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int mainWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:
        if (wParam == IDT_TIMEOUT) {
          user.KillTimer(hwnd, IDT_TIMEOUT);
          if (ws.WSAIsBlocking()) {
            timedOut = true;
            ws.WSACancelBlockingCall();                   // the blocked recv fails with WSAEINTR
          }
        }
        return 0;
      case WM_DESTROY:
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  /** Milliseconds since the request began (GetTickCount wraps, and so does the difference). */
  private int elapsed() {
    return user.GetTickCount() - requestTick;
  }

  private Outcome failed(String call) {
    fail(call);
    return Outcome.FAILED;
  }

  private int fail(String call) {
    out.printf("[t=%5d ms] quote: %s failed, error %d%n", elapsed(), call, ws.WSAGetLastError());
    return Outcome.FAILED.ordinal();
  }
}
