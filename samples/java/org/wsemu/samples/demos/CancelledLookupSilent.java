package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;

import java.io.PrintWriter;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * {@code cancelled-lookup-silent}: a Win16 program starts WSAAsyncGetHostByName (the lookup takes
 * 100 ms) and cancels it at 20 ms, from a WM_TIMER, the way a Cancel button would. The cancel
 * returns 0. The program keeps running its message loop until 300 ms, well past the lookup's
 * latency: no reply is ever posted, and its buffer is left untouched.
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class CancelledLookupSilent {
  static final String NAME = "cancelled-lookup-silent";
  static final int IDT_CANCEL = 1;
  static final int IDT_WAIT = 2;
  static final int WM_HOSTRESOLVED = WM_USER + 1;      // #define WM_HOSTRESOLVED (WM_USER + 1)

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final byte[] hostBuf = new byte[MAXGETHOSTSTRUCT]; // static char hostBuf[MAXGETHOSTSTRUCT];
  private int hAsync;                                  // static HANDLE hAsync;
  private int cancelled = -1;                          // what WSACancelAsyncRequest returned
  private int replies;                                 // WM_HOSTRESOLVED messages received

  private CancelledLookupSilent(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A WSAAsyncGetXByY request cancelled in time never posts its reply",
        "Microsoft Learn, WSACancelAsyncRequest function (winsock.h):"
            + " https://learn.microsoft.com/windows/win32/api/winsock/nf-winsock-wsacancelasyncrequest",
        "The lookup of mailhost takes 100 ms. At 20 ms a WM_TIMER, standing for the user's Cancel"
            + " button, calls WSACancelAsyncRequest: it returns 0, the request is cancelled. The"
            + " program's message loop runs on until a second timer at 300 ms, three times the"
            + " lookup's latency: no WM_USER+1 reply arrives, and the buffer stays empty. In the trace"
            + " the ASYNC events show the request queued, started and cancelled, and nothing is posted"
            + " between the cancel and the WM_TIMER at 300 ms.",
        builder -> builder.host("mailhost", "10.0.0.25").lookupLatency(Duration.ofMillis(100)),
        (emu, network, out) -> {
          CancelledLookupSilent demo = new CancelledLookupSilent(emu, out);
          emu.createTask("mail", demo::winMain);
          Demonstrations.startAndAwait(emu);
          return demo.cancelled == 0 && demo.replies == 0 && demo.bufferUntouched();
        });
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::wndProc;
    wc.lpszClassName = "MailWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("MailWClass", "Mail", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    hAsync = ws.WSAAsyncGetHostByName(hwnd, WM_HOSTRESOLVED, "mailhost", hostBuf, MAXGETHOSTSTRUCT);
    print("WSAAsyncGetHostByName(\"mailhost\") returned handle %d; the lookup takes 100 ms", hAsync);
    user.SetTimer(hwnd, IDT_CANCEL, 20, null);           // the user presses Cancel at 20 ms
    user.SetTimer(hwnd, IDT_WAIT, 300, null);            // and the program looks again at 300 ms
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    return 0;
  }

  /* LRESULT CALLBACK WndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int wndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER:
        user.KillTimer(hwnd, wParam);
        if (wParam == IDT_CANCEL) {                      // Cancel: the lookup is still running
          cancelled = ws.WSACancelAsyncRequest(hAsync);
          print("WM_TIMER: WSACancelAsyncRequest(%d) returned %d%s", hAsync, cancelled,
              cancelled == 0 ? ": cancelled before it completed" : " with " + BlockingDemos.errorName(ws.WSAGetLastError()));
          hAsync = 0;
        } else {                                         // 300 ms: three times the latency
          print("WM_TIMER: 300 ms, %d WM_HOSTRESOLVED received, buffer %s: the cancelled lookup never replied",
              replies, bufferUntouched() ? "untouched" : "written");
          user.PostQuitMessage(0);
        }
        return 0;
      case WM_HOSTRESOLVED:                              // must not come
        replies++;
        print("WM_HOSTRESOLVED: handle %d: a reply to a cancelled request", wParam);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private boolean bufferUntouched() {
    for (byte b : hostBuf) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "mail", format, args);
  }
}
