package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_DESTROY;
import static org.wsemu.user.WinUser.WM_QUIT;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * WM_QUIT lost in a nested loop: a status monitor polls its server every 100 ms from its timer's
 * window procedure (a send and a blocking recv of the answer, 4 ms), and quits when its window is
 * closed (WM_DESTROY posts the quit). The user closes the window at 157 ms, between two polls on
 * the emulator's own schedule. If the poll timer's phase puts a poll around that moment (timer
 * phase), the default blocking hook dispatches WM_CLOSE inside recv, and then takes the WM_QUIT
 * that WM_DESTROY posted: the specification's default hook dispatches it, and it is lost. The
 * monitor's message loop never ends (the user's task notices it 300 ms later and posts a WM_QUIT to
 * end it). Fixed: the window procedure only notes the close while {@code WSAIsBlocking()}, and the
 * poll closes the window once recv has returned.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class QuitLostInHook extends PlantedProgram {
  static final int PORT = 79;
  static final int ID_POLL = 1;
  static final int POLL_EVERY_MS = 100;
  static final int CLOSE_AT_MS = 157;
  static final int NOTICE_AFTER_MS = 300;
  static final Duration ANSWER_AFTER = Duration.ofMillis(4);

  /** The version with the bug. */
  public QuitLostInHook() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public QuitLostInHook(boolean fixed) {
    super(fixed, "quit-lost-in-hook",
        "a WM_QUIT posted while recv blocks is taken by the default hook and lost: the message loop never ends",
        "TIMER_PHASE");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends QuitLostInHook {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    Win16.answerEachRequest(network, PORT, ANSWER_AFTER, "UP\r\n");
    return new Monitor();
  }

  /** One run: the monitor, and the user who closes it. */
  private final class Monitor implements Run {
    private WinsockApi ws;
    private User user;
    private int s = INVALID_SOCKET;
    private int hMonitor;
    private boolean closeRequested;
    private boolean hung;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      hMonitor = emu.createTask("monitor", this::main).handle();
      emu.createTask("user", this::userMain);
    }

    @Override
    public void check() {
      expect(!hung, "the monitor was still running " + NOTICE_AFTER_MS + " ms after its window was closed: WM_QUIT was lost");
    }

    private int main() {
      ws.WSAStartup(0x0101, new WSADATA());
      int hwnd = Win16.window(user, "Monitor", this::wndProc);
      s = Win16.connectTo(ws, PORT);
      user.SetTimer(hwnd, ID_POLL, POLL_EVERY_MS, null);
      MSG msg = new MSG();
      while (user.GetMessage(msg, NULL, 0, 0) != 0) {    // ends with WM_QUIT
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
      ws.closesocket(s);
      ws.WSACleanup();
      return 0;
    }

    private int wndProc(int hwnd, int msg, int wParam, int lParam) {
      switch (msg) {
        case WM_TIMER -> {
          byte[] request = Win16.ascii("STATUS\r\n");
          ws.send(s, request, request.length, 0);
          byte[] buf = new byte[16];
          ws.recv(s, buf, buf.length, 0);                  // the default hook dispatches meanwhile
          if (fixed() && closeRequested) {
            user.DestroyWindow(hwnd);                      // the fix: close once recv has returned
          }
          return 0;
        }
        case WM_CLOSE -> {
          if (fixed() && ws.WSAIsBlocking()) {
            closeRequested = true;
          } else {
            user.DestroyWindow(hwnd);
          }
          return 0;
        }
        case WM_DESTROY -> {
          user.KillTimer(hwnd, ID_POLL);
          user.PostQuitMessage(0);
          return 0;
        }
        default -> {
          return user.DefWindowProc(hwnd, msg, wParam, lParam);
        }
      }
    }

    /** The user: closes the monitor's window at 157 ms; ends it if it is still running 300 ms later. */
    private int userMain() {
      user.SetTimer(NULL, 0, CLOSE_AT_MS, null);
      MSG msg = new MSG();
      user.GetMessage(msg, NULL, 0, 0);
      user.KillTimer(NULL, msg.wParam);
      user.PostMessage(user.FindWindow("Monitor", null), WM_CLOSE, 0, 0);
      user.SetTimer(NULL, 0, NOTICE_AFTER_MS, null);
      user.GetMessage(msg, NULL, 0, 0);
      user.KillTimer(NULL, msg.wParam);
      if (user.IsTask(hMonitor)) {
        hung = true;
        user.PostAppMessage(hMonitor, WM_QUIT, 0, 0);
      }
      return 0;
    }
  }
}
