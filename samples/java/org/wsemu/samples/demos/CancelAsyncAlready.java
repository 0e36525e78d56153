package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEALREADY;
import static org.wsemu.winsock.WinSock.WSAGETASYNCBUFLEN;
import static org.wsemu.winsock.WinSock.WSAGETASYNCERROR;

import java.io.PrintWriter;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.AsyncBuffer;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.hostent;

/**
 * {@code cancel-async-already}: a Win16 program starts WSAAsyncGetHostByName (the lookup takes 100
 * ms), then shows its splash screen for 150 ms, in a GetMessage loop that takes only WM_TIMER. The
 * reply is posted at 100 ms and waits in the queue. At 150 ms the program gives up on the lookup:
 * WSACancelAsyncRequest fails with WSAEALREADY, for the lookup has completed, and the reply is
 * still delivered to the window by the main message loop, which must expect it.
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class CancelAsyncAlready {
  static final String NAME = "cancel-async-already";
  static final int IDT_SPLASH = 1;
  static final int WM_HOSTRESOLVED = WM_USER + 1;      // #define WM_HOSTRESOLVED (WM_USER + 1)

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final byte[] hostBuf = new byte[MAXGETHOSTSTRUCT]; // static char hostBuf[MAXGETHOSTSTRUCT];
  private int hAsync;                                  // static HANDLE hAsync;
  private int requested;                               // the handle, kept to recognise the reply
  private int cancelError = -1;
  private boolean replyAfterCancel;

  private CancelAsyncAlready(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "WSACancelAsyncRequest of a lookup whose reply is queued fails with WSAEALREADY; the reply comes",
        "Microsoft Learn, WSACancelAsyncRequest function (winsock.h):"
            + " https://learn.microsoft.com/windows/win32/api/winsock/nf-winsock-wsacancelasyncrequest",
        "The lookup of mailhost takes 100 ms (the emulator's lookup latency). The program waits 150"
            + " ms in a GetMessage loop filtered to WM_TIMER, so the reply, posted at 100 ms, stays in"
            + " the queue. At 150 ms it cancels the lookup: WSACancelAsyncRequest returns -1 with"
            + " WSAEALREADY, because the operation has completed. Its main loop then delivers the"
            + " reply (WM_USER+1, wParam the handle, error 0) to the window. In the trace: the ASYNC"
            + " reply at 100 ms, the failed cancel at 150 ms, then the reply dispatched.",
        builder -> builder.host("mailhost", "10.0.0.25").lookupLatency(Duration.ofMillis(100)),
        (emu, network, out) -> {
          CancelAsyncAlready demo = new CancelAsyncAlready(emu, out);
          emu.createTask("mail", demo::winMain);
          Demonstrations.startAndAwait(emu);
          return demo.cancelError == WSAEALREADY && demo.replyAfterCancel;
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
    requested = hAsync;
    print("WSAAsyncGetHostByName(\"mailhost\") returned handle %d; the splash screen shows for 150 ms", hAsync);
    user.SetTimer(hwnd, IDT_SPLASH, 150, null);
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, WM_TIMER, WM_TIMER) != 0) { // the splash loop: WM_TIMER only
      user.DispatchMessage(msg);
      if (hAsync == 0) {
        break;                                           // WM_TIMER gave up on the lookup
      }
    }
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {     // the main loop
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    return 0;
  }

  /* LRESULT CALLBACK WndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int wndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_TIMER: {                                   // 150 ms: too long, cancel the lookup
        user.KillTimer(hwnd, IDT_SPLASH);
        int handle = hAsync;
        if (ws.WSACancelAsyncRequest(handle) == SOCKET_ERROR) {
          cancelError = ws.WSAGetLastError();
          print("WM_TIMER: WSACancelAsyncRequest(%d) returned -1 with %s: the lookup has already completed",
              handle, BlockingDemos.errorName(cancelError));
        } else {
          cancelError = 0;
          print("WM_TIMER: WSACancelAsyncRequest(%d) returned 0", handle);
        }
        hAsync = 0;                                      // the program no longer waits for it
        return 0;
      }
      case WM_HOSTRESOLVED: {                            // the reply, delivered all the same
        replyAfterCancel = cancelError != -1 && wParam == requested;
        int error = WSAGETASYNCERROR(lParam);
        String found = error == 0 ? ws.inet_ntoa(address(AsyncBuffer.hostent(hostBuf))) : "nothing";
        print("WM_HOSTRESOLVED: handle %d, error %s, %d bytes: mailhost is %s; the reply queued at 100 ms"
            + " is delivered after the refused cancel: the program must expect it", wParam, BlockingDemos.errorName(error), WSAGETASYNCBUFLEN(lParam), found);
        user.PostQuitMessage(0);
        return 0;
      }
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private static org.wsemu.winsock.in_addr address(hostent hp) {
    org.wsemu.winsock.in_addr in = new org.wsemu.winsock.in_addr();
    in.set(hp.h_addr());
    return in;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "mail", format, args);
  }
}
