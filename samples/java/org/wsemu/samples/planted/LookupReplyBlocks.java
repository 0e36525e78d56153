package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;
import static org.wsemu.winsock.WinSock.WSAGETASYNCERROR;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.PeerConnection;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * A lookup reply handler that blocks: the program looks its log host up with
 * WSAAsyncGetHostByName (20 ms) and, when the reply comes, its window procedure connects to the log
 * host and sends "started" with blocking calls. At 25 ms its timer checks the mail: a blocking
 * connect and a recv of the greeting, which comes 20 ms later. On the emulator's own schedule the
 * reply is handled before the mail check starts. If the lookup takes a few milliseconds longer
 * (lookup latency), the default blocking hook dispatches the reply inside the mail check's recv,
 * and the handler's connect fails with WSAEINPROGRESS: nothing is logged (or, the other way round,
 * the mail check's timer comes inside the handler's connect, and the mail check fails). Fixed: the window
 * procedures only note what is to be done, and the message loop does it, outside every blocking
 * call.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class LookupReplyBlocks extends PlantedProgram {
  static final int LOG_PORT = 514;
  static final int MAIL_PORT = 110;
  static final int WM_LOOKUP = WM_USER + 8;
  static final int ID_MAIL = 1;
  static final String LOGHOST = "loghost";
  static final Duration LOOKUP_TAKES = Duration.ofMillis(20);
  static final int MAIL_AT_MS = 25;
  static final Duration GREETING_AFTER = Duration.ofMillis(20);

  /** The version with the bug. */
  public LookupReplyBlocks() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public LookupReplyBlocks(boolean fixed) {
    super(fixed, "lookup-reply-blocks",
        "the lookup reply's handler connects with a blocking call, which fails with WSAEINPROGRESS inside another recv",
        "LOOKUP_LATENCY, NETWORK_DELAY");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends LookupReplyBlocks {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.host(LOGHOST, "127.0.0.1").lookupLatency(LOOKUP_TAKES);
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), LOG_PORT, connection -> () -> {
      byte[] buf = new byte[32];
      int n;
      while ((n = connection.read(buf, 0, buf.length)) > 0) {
        // the log server keeps what it is told
      }
      if (n != PeerConnection.WOULD_BLOCK) {
        connection.close();
      }
    });
    network.listen(network.defaultHost(), MAIL_PORT, connection -> {
      connection.after(GREETING_AFTER, () -> connection.send(Win16.ascii("+OK")));
      return () -> { };
    });
    return new Client();
  }

  /** One run: the client, one task. */
  private final class Client implements Run {
    private WinsockApi ws;
    private User user;
    private final byte[] hostbuf = new byte[MAXGETHOSTSTRUCT];
    private int logSocket = INVALID_SOCKET;
    private boolean logSent;
    private String greeting;
    private boolean wantLog;                             // the fix: what the loop is to do
    private boolean wantMail;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("client", this::main);
    }

    @Override
    public void check() {
      expect(logSent && "+OK".equals(greeting), "logged: " + logSent + ", mail greeting: " + greeting
          + ": a handler's blocking call failed inside another one");
    }

    private int main() {
      ws.WSAStartup(0x0101, new WSADATA());
      int hwnd = Win16.window(user, "Client", this::wndProc);
      ws.WSAAsyncGetHostByName(hwnd, WM_LOOKUP, LOGHOST, hostbuf, hostbuf.length);
      user.SetTimer(hwnd, ID_MAIL, MAIL_AT_MS, null);
      MSG msg = new MSG();
      while (!(logSent || logSocket == -2) || greeting == null) {
        if (wantLog) {                                   // the fix: outside every blocking call
          wantLog = false;
          log();
        } else if (wantMail) {
          wantMail = false;
          checkMail();
        } else if (user.GetMessage(msg, NULL, 0, 0) != 0) {
          user.DispatchMessage(msg);
        } else {
          break;
        }
      }
      if (logSocket >= 0) {
        ws.closesocket(logSocket);
      }
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return 0;
    }

    private int wndProc(int hwnd, int msg, int wParam, int lParam) {
      if (msg == WM_LOOKUP) {
        if (WSAGETASYNCERROR(lParam) != 0) {
          logSocket = -2;                                // no log host: nothing to log
        } else if (fixed()) {
          wantLog = true;
        } else {
          log();                                         // the bug: blocking calls in a window procedure
        }
        return 0;
      }
      if (msg == WM_TIMER && wParam == ID_MAIL) {
        user.KillTimer(hwnd, ID_MAIL);
        if (fixed()) {
          wantMail = true;
        } else {
          checkMail();
        }
        return 0;
      }
      return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }

    /** Connects to the log host and says the program started. */
    private void log() {
      logSocket = Win16.connectTo(ws, LOG_PORT);
      if (logSocket == INVALID_SOCKET) {
        logSocket = -2;                                  // gives up: nothing is logged
        return;
      }
      byte[] line = Win16.ascii("started\n");
      logSent = ws.send(logSocket, line, line.length, 0) == line.length;
    }

    /** Connects to the mail server and reads its greeting. */
    private void checkMail() {
      int s = Win16.connectTo(ws, MAIL_PORT);
      if (s == INVALID_SOCKET) {
        greeting = "(no connection)";
        return;
      }
      byte[] buf = new byte[16];
      int n = ws.recv(s, buf, buf.length, 0);
      greeting = n > 0 ? Win16.ascii(buf, n) : "(recv " + n + ")";
      ws.closesocket(s);
    }
  }
}
