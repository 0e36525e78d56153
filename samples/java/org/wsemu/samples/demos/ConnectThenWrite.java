package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAGETSELECTERROR;
import static org.wsemu.winsock.WinSock.WSAGETSELECTEVENT;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wsemu.Emulator;
import org.wsemu.sim.LinePeer;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code connect-then-write}: a Win16 program registers FD_CONNECT, FD_WRITE, FD_READ and FD_CLOSE
 * and connects without blocking. connect fails with WSAEWOULDBLOCK; the window procedure gets
 * FD_CONNECT (the connection is made), then FD_WRITE (there is room to send), and only then makes
 * its first send. The server answers the line and closes: FD_READ, FD_CLOSE.
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class ConnectThenWrite {
  static final String NAME = "connect-then-write";
  static final int PORT = 7;
  static final int WM_SOCKET = WM_USER + 2;            // #define WM_SOCKET (WM_USER + 2)

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int s;                                       // static SOCKET s;
  private final List<String> events = new ArrayList<>(); // the FD_ events and the sends, in order

  private ConnectThenWrite(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A non-blocking connect posts FD_CONNECT, then FD_WRITE; the program sends after FD_WRITE",
        "Microsoft Learn, WSAAsyncSelect function (winsock.h):"
            + " https://learn.microsoft.com/windows/win32/api/winsock/nf-winsock-wsaasyncselect",
        "The program calls WSAAsyncSelect for FD_CONNECT, FD_WRITE, FD_READ and FD_CLOSE, which"
            + " makes the socket non-blocking, and connects to a server that answers one line 100 ms late: connect returns -1"
            + " with WSAEWOULDBLOCK, the connection goes on. The window procedure receives FD_CONNECT"
            + " (error 0: connected), then FD_WRITE (room to send), and sends its first line from the"
            + " FD_WRITE case. In the trace the two ASYNC select events come in that order before the"
            + " send; the answer comes as FD_READ, the server's close as FD_CLOSE.",
        (emu, network, out) -> {
          network.listen(network.defaultHost(), PORT,            // answers one line, 100 ms later, and closes
              LinePeer.query(Map.of("HELLO", List.of("HELLO"))).delay(Duration.ofMillis(100)));
          ConnectThenWrite demo = new ConnectThenWrite(emu, out);
          emu.createTask("client", demo::winMain);
          Demonstrations.startAndAwait(emu);
          return demo.events.equals(List.of("FD_CONNECT", "FD_WRITE", "send=7", "FD_READ", "recv=7", "FD_CLOSE"));
        });
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::wndProc;
    wc.lpszClassName = "EchoWClass";
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow("EchoWClass", "Echo", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    s = ws.socket(AF_INET, SOCK_STREAM, 0);
    ws.WSAAsyncSelect(s, hwnd, WM_SOCKET, FD_CONNECT | FD_WRITE | FD_READ | FD_CLOSE);
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(PORT);
    sin.sin_addr.s_addr = inet_addr("127.0.0.1");
    if (ws.connect(s, sin, sockaddr_in.SIZE) == SOCKET_ERROR) {
      print("connect returned -1 with %s: the connection is under way; nothing is sent yet",
          BlockingDemos.errorName(ws.WSAGetLastError()));
    }
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) != 0) {
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ws.WSACleanup();
    print("conclusion: in order %s", String.join(", ", events));
    return 0;
  }

  /* LRESULT CALLBACK WndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int wndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg != WM_SOCKET) {
      return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
    int error = WSAGETSELECTERROR(lParam);
    switch (WSAGETSELECTEVENT(lParam)) {
      case FD_CONNECT:                                   // connected (or not: the error says)
        events.add("FD_CONNECT");
        print("FD_CONNECT, error %s: connected; wait for FD_WRITE before sending", BlockingDemos.errorName(error));
        return 0;
      case FD_WRITE: {                                   // room to send: the first send
        events.add("FD_WRITE");
        byte[] line = "HELLO\r\n".getBytes(StandardCharsets.US_ASCII);
        int n = ws.send(s, line, line.length, 0);
        events.add("send=" + n);
        print("FD_WRITE: the first send returned %d", n);
        return 0;
      }
      case FD_READ: {
        events.add("FD_READ");
        byte[] buf = new byte[80];
        int n = ws.recv(s, buf, buf.length, 0);
        events.add("recv=" + n);
        print("FD_READ: recv returned %d: %s", n, n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII).strip() : "");
        return 0;
      }
      case FD_CLOSE:                                     // the server closed after its answer
        events.add("FD_CLOSE");
        ws.closesocket(s);
        user.PostQuitMessage(0);
        return 0;
      default:
        return 0;
    }
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "client", format, args);
  }
}
