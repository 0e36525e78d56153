package org.wsemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;
import static org.wsemu.winsock.WinSock.htons;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.LinePeer;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.TraceAssertions;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.hostent;
import org.wsemu.winsock.sockaddr_in;

/** The example of docs/testing.md, run: what the guide shows is what happens. */
@WsemuTest(seed = 7)
@Timeout(30)
class TestingGuideExampleTest {

  @Test
  void aTimerThatFingersAgainWhileRecvBlocksMeetsWsaeinprogress(Emulator emu, SimulatedNetwork net,
      TraceRecorder trace) throws Exception {
    net.listen(net.defaultHost(), 79, LinePeer.query(Map.of("alice", List.of("Alice Liddell", "In: wonderland")))
        .delay(Duration.ofMillis(500)));
    Finger app = new Finger(emu.winsock(), emu.user());
    assertEquals(0, WsemuTasks.run(emu, app::winMain));
    assertEquals("Alice Liddell\r\nIn: wonderland\r\n", app.answer.toString());
    assertEquals(WSAEINPROGRESS, app.nestedError);
    TraceAssertions.assertThat(trace).call("gethostbyname").whileBlockedIn("recv").failedWith("WSAEINPROGRESS");
    Goldens.assertMatchesGolden(trace, "testing-guide-finger");
  }

  /** The ported program: a finger client whose refresh timer fingers again. */
  static final class Finger {
    final WinsockApi ws;
    final User user;
    final StringBuilder answer = new StringBuilder();
    int nestedError;

    Finger(WinsockApi ws, User user) {
      this.ws = ws;
      this.user = user;
    }

    int winMain() {
      ws.WSAStartup(0x0101, new WSADATA());
      WNDCLASS wc = new WNDCLASS();
      wc.lpfnWndProc = this::wndProc;
      wc.lpszClassName = "FingerWClass";
      user.RegisterClass(wc);
      int hwnd = user.CreateWindow("FingerWClass", "Finger", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, NULL,
          null);
      user.SetTimer(hwnd, 1, 100, null);              // refresh every 100 ms
      int error = finger("alice", answer);            // blocks in recv for 500 ms
      user.KillTimer(hwnd, 1);
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return error;
    }

    int wndProc(int hwnd, int msg, int wParam, int lParam) {
      if (msg == WM_TIMER) {
        user.KillTimer(hwnd, 1);
        nestedError = finger("bob", new StringBuilder()); // the reentrant call
        return 0;
      }
      return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }

    /* int Finger(LPCSTR who, LPSTR answer): the C routine, ported line by line */
    int finger(String who, StringBuilder out) {
      hostent hp = ws.gethostbyname("localhost");
      if (hp == null) {
        return ws.WSAGetLastError();
      }
      sockaddr_in sin = new sockaddr_in();
      sin.sin_family = AF_INET;
      sin.sin_port = htons(79);
      sin.sin_addr.set(hp.h_addr());
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      if (s == INVALID_SOCKET) {
        return ws.WSAGetLastError();
      }
      byte[] request = (who + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] buf = new byte[256];
      int n = SOCKET_ERROR;
      if (ws.connect(s, sin, sockaddr_in.SIZE) == 0 && ws.send(s, request, request.length, 0) == request.length) {
        while ((n = ws.recv(s, buf, buf.length, 0)) > 0) {
          out.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
      }
      int error = n == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
      ws.closesocket(s);
      return error;
    }
  }
}
