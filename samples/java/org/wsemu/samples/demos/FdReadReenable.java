package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAGETSELECTEVENT;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.sim.Peer;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code fd-read-reenable}: a Win16 program registers FD_READ only and takes 10 bytes per FD_READ
 * from a server that sends 30 bytes at once, then 10 bytes at 100 ms and 10 more at 200 ms. Each
 * recv re-enables FD_READ, and with data left a new FD_READ follows at once. From the fourth FD_READ
 * on the program stops calling recv: the data at 200 ms brings no message. At 300 ms a timer reads
 * everything with one recv, and no FD_READ follows, for nothing is left.
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class FdReadReenable {
  static final String NAME = "fd-read-reenable";
  static final int PORT = 2000;
  static final int IDT_READ = 1;
  static final int WM_SOCKET = WM_USER + 2;            // #define WM_SOCKET (WM_USER + 2)

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int s;                                       // static SOCKET s;
  private boolean reading = true;                      // static BOOL bReading = TRUE;
  private final List<String> seen = new ArrayList<>(); // what happened, in order

  private FdReadReenable(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "recv re-enables FD_READ: one message per recv while data is left, none without a recv",
        "Microsoft Learn, WSAAsyncSelect function (winsock.h):"
            + " https://learn.microsoft.com/windows/win32/api/winsock/nf-winsock-wsaasyncselect",
        "The server sends three 10-byte records at once, one more at 100 ms and one at 200 ms. The"
            + " window procedure takes 10 bytes per FD_READ: after each recv that leaves data a new"
            + " FD_READ is posted (three messages at 0 ms), after the third nothing is left and none"
            + " is. The fourth FD_READ (100 ms) gets no recv, so FD_READ is not re-enabled and the"
            + " record at 200 ms posts nothing. At 300 ms a timer reads the 20 waiting bytes with one"
            + " recv; nothing is left, so no FD_READ follows. In the trace, each ASYNC select"
            + " FD_READ comes right after a recv, except the first and the one at 100 ms.",
        (emu, network, out) -> {
          network.listen(network.defaultHost(), PORT, records());
          FdReadReenable demo = new FdReadReenable(emu, out);
          emu.createTask("reader", demo::winMain);
          Demonstrations.startAndAwait(emu);
          return demo.seen.stream().map(e -> e.replaceAll("@\\d+", "")).toList().equals(List.of(
              "FD_READ", "recv=10", "FD_READ", "recv=10", "FD_READ", "recv=10", "FD_READ", "WM_TIMER", "recv=20"));
        });
  }

  /** The server: three records at once, one at 100 ms, one at 200 ms and its close; it ignores what comes. */
  private static Peer records() {
    return connection -> {
      connection.send(bytes("record 1\r\nrecord 2\r\nrecord 3\r\n"));
      connection.after(Duration.ofMillis(100), () -> connection.send(bytes("record 4\r\n")));
      connection.after(Duration.ofMillis(200), () -> {
        connection.send(bytes("record 5\r\n"));
        connection.close();                              // the last record: the server closes
      });
      return () -> {
        byte[] ignored = new byte[64];
        while (connection.read(ignored, 0, ignored.length) > 0) {
          continue;
        }
      };
    };
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::wndProc;
    wc.lpszClassName = "ReaderWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("ReaderWClass", "Reader", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.WSAAsyncSelect(s, hwnd, WM_SOCKET, FD_READ);     // FD_READ only
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(PORT);
    sin.sin_addr.s_addr = inet_addr("127.0.0.1");
    ws.connect(s, sin, sockaddr_in.SIZE);               // WSAEWOULDBLOCK: the connection goes on
    user.SetTimer(hwnd, IDT_READ, 300, null);
    print("connected; reading 10 bytes per FD_READ, until the fourth FD_READ");

    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    print("conclusion: in order %s; a recv that left data was followed by FD_READ at once,"
        + " without a recv the record at 200 ms posted nothing", String.join(", ", seen));
    return 0;
  }

  /* LRESULT CALLBACK WndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int wndProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case WM_SOCKET:
        if (WSAGETSELECTEVENT(lParam) == FD_READ) {
          seen.add("FD_READ@" + emu.clock().millis());
          if (seen.stream().filter(e -> e.startsWith("FD_READ")).count() == 4) {
            reading = false;
          }
          if (reading) {
            receive("FD_READ", 10);                      // one recv per FD_READ, 10 bytes
          } else {
            print("FD_READ: not calling recv; so FD_READ stays disabled, whatever arrives");
          }
        }
        return 0;
      case WM_TIMER:                                     // 300 ms: read what waits, at once
        seen.add("WM_TIMER@" + emu.clock().millis());
        user.KillTimer(hwnd, IDT_READ);
        print("WM_TIMER: no FD_READ since the one at 100 ms; one recv for everything");
        receive("WM_TIMER", 80);
        ws.closesocket(s);
        user.PostQuitMessage(0);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  private void receive(String where, int len) {
    byte[] buf = new byte[len];
    int n = ws.recv(s, buf, len, 0);                     // re-enables FD_READ
    seen.add("recv=" + n);
    print("%s: recv(%d) returned %d: %s", where, len, n,
        n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII).strip().replace("\r\n", " | ") : BlockingDemos.errorName(ws.WSAGetLastError()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "reader", format, args);
  }
}
