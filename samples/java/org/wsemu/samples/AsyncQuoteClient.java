package org.wsemu.samples;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;
import static org.wsemu.winsock.WinSock.WSAGETASYNCERROR;
import static org.wsemu.winsock.WinSock.WSAGETSELECTERROR;
import static org.wsemu.winsock.WinSock.WSAGETSELECTEVENT;
import static org.wsemu.winsock.WinSock.htons;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.samples.QuoteClient.Outcome;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.AsyncBuffer;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.hostent;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@link QuoteClient} written the asynchronous way: no call ever blocks, and everything happens in
 * the window procedure, driven by one GetMessage / DispatchMessage loop.
 *
 * <p>WinMain starts a WM_TIMER timeout and WSAAsyncGetHostByName("localhost") into a
 * MAXGETHOSTSTRUCT buffer. Its reply creates the socket, asks for FD_CONNECT, FD_READ and FD_CLOSE
 * with WSAAsyncSelect (which makes the socket non-blocking) and connects: connect fails with
 * WSAEWOULDBLOCK, as expected. FD_CONNECT sends the request, each FD_READ receives what came,
 * FD_CLOSE (the server closes after its answer) prints the quote. If the timer fires first, it
 * cancels whatever is outstanding: the lookup with WSACancelAsyncRequest while it is pending,
 * otherwise the connection with closesocket. The timeout covers the whole exchange, lookup
 * included (QuoteClient's covers its recv), because here nothing blocks that a hook could watch.
 *
 * <p>It prints the same lines as QuoteClient, with times counted from the start of the exchange
 * (the lookup, when the timeout starts too), and its run returns the same {@link Outcome}. The C
 * original is in the comments.
 */
public final class AsyncQuoteClient {
  static final String CLASS_NAME = "AsyncQuoteWClass";
  static final int IDT_TIMEOUT = 1;
  static final int WM_HOSTRESOLVED = WM_USER + 1;          // #define WM_HOSTRESOLVED (WM_USER + 1)
  static final int WM_SOCKET = WM_USER + 2;                // #define WM_SOCKET (WM_USER + 2)

  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final int port;
  private final int timeoutMillis;
  private final byte[] hostBuf = new byte[MAXGETHOSTSTRUCT];   // static char hostBuf[MAXGETHOSTSTRUCT];
  private final StringBuilder quote = new StringBuilder();     // static char szQuote[256];
  private int hAsync;                                          // static HANDLE hAsync;
  private int s = INVALID_SOCKET;                              // static SOCKET s = INVALID_SOCKET;
  private Outcome outcome = Outcome.FAILED;
  private int requestTick;                                     // static DWORD dwRequest;

  private AsyncQuoteClient(Emulator emu, PrintWriter out, int port, int timeoutMillis) {
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
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
    QuoteClient.checkTimeout(timeoutMillis);
    AsyncQuoteClient client = new AsyncQuoteClient(emu, out, port, timeoutMillis);
    Task task = emu.createTask("quote", client::winMain);
    emu.start();
    if (!task.join(Duration.ofMinutes(1).plusMillis(timeoutMillis))) {
      throw new IllegalStateException("the client did not finish within a minute of its timeout");
    }
    return Outcome.values()[task.exitCode().orElse(Outcome.FAILED.ordinal())];
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    requestTick = user.GetTickCount();                           // until the request begins, times count from here
    WSADATA wsaData = new WSADATA();
    if (ws.WSAStartup(0x0101, wsaData) != 0) {
      return report("WSAStartup", ws.WSAGetLastError()).ordinal();
    }
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::mainWndProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(CLASS_NAME, "Quote", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    requestTick = user.GetTickCount();                           // dwRequest = GetTickCount();
    user.SetTimer(hwnd, IDT_TIMEOUT, timeoutMillis, null);       // the timeout, for the whole exchange
    hAsync = ws.WSAAsyncGetHostByName(hwnd, WM_HOSTRESOLVED, "localhost", hostBuf, MAXGETHOSTSTRUCT);
    if (hAsync == 0) {
      finish(hwnd, report("WSAAsyncGetHostByName", ws.WSAGetLastError()));
    }

    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {             // while (GetMessage(&msg, NULL, 0, 0)) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    return msg.wParam;                                           // the outcome, from PostQuitMessage
  }

  /* LRESULT CALLBACK MainWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int mainWndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_HOSTRESOLVED:
        if (wParam == hAsync) {
          hAsync = 0;
          onHostResolved(hwnd, lParam);
        }
        return 0;
      case WM_SOCKET:
        if (wParam == s) {                                       // not a message queued before closesocket
          onSocketEvent(hwnd, WSAGETSELECTEVENT(lParam), WSAGETSELECTERROR(lParam));
        }
        return 0;
      case WM_TIMER:
        if (wParam == IDT_TIMEOUT) {
          onTimeout(hwnd);
        }
        return 0;
      case WM_DESTROY:
        user.PostQuitMessage(outcome.ordinal());                 // PostQuitMessage(nOutcome);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  /* case WM_HOSTRESOLVED: the lookup's reply, lParam = WSAMAKEASYNCREPLY(buflen, error) */
  private void onHostResolved(int hwnd, int lParam) {
    if (WSAGETASYNCERROR(lParam) != 0) {
      finish(hwnd, report("WSAAsyncGetHostByName", WSAGETASYNCERROR(lParam)));
      return;
    }
    hostent hp = AsyncBuffer.hostent(hostBuf);                   // hp = (LPHOSTENT) hostBuf;
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    sin.sin_addr.set(hp.h_addr());                               // memcpy(&sin.sin_addr, hp->h_addr, hp->h_length);

    if ((s = ws.socket(AF_INET, SOCK_STREAM, 0)) == INVALID_SOCKET) {
      finish(hwnd, report("socket", ws.WSAGetLastError()));
      return;
    }
    if (ws.WSAAsyncSelect(s, hwnd, WM_SOCKET, FD_CONNECT | FD_READ | FD_CLOSE) == SOCKET_ERROR) {
      finish(hwnd, report("WSAAsyncSelect", ws.WSAGetLastError()));
      return;
    }
    if (ws.connect(s, sin, sockaddr_in.SIZE) == SOCKET_ERROR && ws.WSAGetLastError() != WSAEWOULDBLOCK) {
      finish(hwnd, report("connect", ws.WSAGetLastError()));  // WSAEWOULDBLOCK: FD_CONNECT tells the rest
    }
  }

  /* case WM_SOCKET: wParam = s, lParam = WSAMAKESELECTREPLY(event, error) */
  private void onSocketEvent(int hwnd, int event, int error) {
    switch (event) {
      case FD_CONNECT:
        if (error != 0) {
          finish(hwnd, report("connect", error));
          return;
        }
        byte[] request = "QUOTE\r\n".getBytes(StandardCharsets.US_ASCII);
        if (ws.send(s, request, request.length, 0) == SOCKET_ERROR) {
          finish(hwnd, report("send", ws.WSAGetLastError()));
        }
        return;
      case FD_READ:
        if (receive() == SOCKET_ERROR && ws.WSAGetLastError() != WSAEWOULDBLOCK) {
          finish(hwnd, report("recv", ws.WSAGetLastError()));   // WSAEWOULDBLOCK: already read, as allowed
        }
        return;
      case FD_CLOSE:
        if (error != 0) {
          finish(hwnd, report("recv", error));
          return;
        }
        while (receive() > 0) {                                  // what came with the close
          continue;
        }
        out.printf("[t=%5d ms] quote: %s%n", elapsed(), quote.toString().strip());
        finish(hwnd, Outcome.QUOTE);
        return;
      default:
        return;
    }
  }

  /** One recv into the quote: its result (bytes, 0 at the end, or SOCKET_ERROR). */
  private int receive() {
    byte[] buf = new byte[256];
    int n = ws.recv(s, buf, buf.length, 0);                      // n = recv(s, buf, sizeof(buf), 0);
    if (n > 0) {
      quote.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
    }
    return n;
  }

  /* case WM_TIMER: cancel whatever is outstanding */
  private void onTimeout(int hwnd) {
    String cancelled;
    if (hAsync != 0) {
      ws.WSACancelAsyncRequest(hAsync);                          // no reply will come (WSAEALREADY:
      hAsync = 0;                                                // it is queued, and ignored as stale)
      cancelled = "the lookup was cancelled (WSACancelAsyncRequest)";
    } else {
      ws.closesocket(s);                                         // no FD_CLOSE will come
      s = INVALID_SOCKET;
      cancelled = "the socket was closed (closesocket)";
    }
    out.printf("[t=%5d ms] quote: no answer within %d ms; %s%n", elapsed(), timeoutMillis, cancelled);
    finish(hwnd, Outcome.TIMED_OUT);
  }

  /** Ends the exchange: no more timer, no socket, and the window goes (WM_DESTROY quits). */
  private void finish(int hwnd, Outcome result) {
    outcome = result;
    user.KillTimer(hwnd, IDT_TIMEOUT);
    if (s != INVALID_SOCKET) {
      ws.closesocket(s);
      s = INVALID_SOCKET;
    }
    user.DestroyWindow(hwnd);
  }

  /** Milliseconds since the request began (GetTickCount wraps, and so does the difference). */
  private int elapsed() {
    return user.GetTickCount() - requestTick;
  }

  private Outcome report(String call, int error) {
    out.printf("[t=%5d ms] quote: %s failed, error %d%n", elapsed(), call, error);
    return Outcome.FAILED;
  }
}
