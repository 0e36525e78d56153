package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * A timer that closes the socket under a blocked recv: the client asks the time server, sets a
 * 100 ms time-out timer and waits in {@code recv}; the timer's window procedure "gives up" with
 * {@code closesocket} and forgets the socket. The answer comes 3 ms before the time-out, so on the
 * emulator's own schedule the timer never fires. If the answer is a few milliseconds late (network
 * delay), the default blocking hook dispatches WM_TIMER inside recv, closesocket fails with
 * WSAEINPROGRESS (ignored), and the socket the program forgot is still open at WSACleanup: checked
 * mode reports {@code sockets-left-open}. Fixed: the timer cancels the blocked call with
 * WSACancelBlockingCall, and the main code closes the socket when recv has returned.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class TimerClosesSocket extends PlantedProgram {
  static final int PORT = 37;
  static final int ID_TIMEOUT = 1;
  static final int TIMEOUT_MS = 100;
  static final Duration ANSWER_AFTER = Duration.ofMillis(97);

  /** The version with the bug. */
  public TimerClosesSocket() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public TimerClosesSocket(boolean fixed) {
    super(fixed, "timer-closes-socket",
        "a time-out timer's closesocket inside the blocked recv fails with WSAEINPROGRESS; the socket is left open",
        "NETWORK_DELAY");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends TimerClosesSocket {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    Win16.answerEachRequest(network, PORT, ANSWER_AFTER, "12:00\r\n");
    return new Client();
  }

  /** One run: the client. */
  private final class Client implements Run {
    private WinsockApi ws;
    private User user;
    private int s = INVALID_SOCKET;                      // static SOCKET s;
    private String answer;
    private boolean timedOut;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("client", this::main);
    }

    @Override
    public void check() {
      expect(answer != null || timedOut, "neither an answer nor a time-out");
    }

    private int main() {
      ws.WSAStartup(0x0101, new WSADATA());
      int hwnd = Win16.window(user, "Client", this::wndProc);
      s = Win16.connectTo(ws, PORT);
      byte[] request = Win16.ascii("TIME\r\n");
      ws.send(s, request, request.length, 0);
      user.SetTimer(hwnd, ID_TIMEOUT, TIMEOUT_MS, null);
      byte[] buf = new byte[16];
      int n = ws.recv(s, buf, buf.length, 0);            // the default hook dispatches WM_TIMER meanwhile
      user.KillTimer(hwnd, ID_TIMEOUT);
      if (n > 0 && !timedOut) {
        answer = Win16.ascii(buf, n);
      }
      if (s != INVALID_SOCKET) {                         // the bug: the timer "closed" it
        ws.closesocket(s);
        s = INVALID_SOCKET;
      }
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return 0;
    }

    private int wndProc(int hwnd, int msg, int wParam, int lParam) {
      if (msg != WM_TIMER || wParam != ID_TIMEOUT) {
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
      }
      user.KillTimer(hwnd, ID_TIMEOUT);
      timedOut = true;
      if (fixed() && ws.WSAIsBlocking()) {
        ws.WSACancelBlockingCall();                      // the fix: recv returns WSAEINTR, main closes
      } else {
        ws.closesocket(s);                               // the bug: WSAEINPROGRESS inside recv, ignored
        s = INVALID_SOCKET;
      }
      return 0;
    }
  }
}
