package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * A reply order assumed between two tasks: LOGIN and MAILCHECK share a session token in a DLL's
 * data segment (one for every task in Win16). LOGIN connects to the login server and keeps the
 * token from its greeting; MAILCHECK connects to the mail server and, once its greeting has come,
 * takes the token, counting on LOGIN having stored it by then. Both greetings come at the same
 * instant, and on the emulator's own schedule LOGIN runs first. If MAILCHECK runs first (task order,
 * or the login greeting a little late), it finds no token. Fixed: MAILCHECK waits for the message
 * LOGIN posts once the token is stored.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class TokenOrderAssumed extends PlantedProgram {
  static final int LOGIN_PORT = 4000;
  static final int MAIL_PORT = 4001;
  static final int WM_TOKEN = WM_USER + 7;
  static final String TOKEN = "T-1994";
  static final Duration GREETING_AFTER = Duration.ofMillis(50);

  /** The version with the bug. */
  public TokenOrderAssumed() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public TokenOrderAssumed(boolean fixed) {
    super(fixed, "token-order-assumed",
        "MAILCHECK assumes LOGIN's reply is handled first and takes a token that is not there yet",
        "TASK, NETWORK_DELAY");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends TokenOrderAssumed {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), LOGIN_PORT, connection -> {
      connection.after(GREETING_AFTER, () -> connection.send(Win16.ascii(TOKEN)));
      return () -> { };
    });
    network.listen(network.defaultHost(), MAIL_PORT, connection -> {
      connection.after(GREETING_AFTER, () -> connection.send(Win16.ascii("+OK")));
      return () -> { };
    });
    return new Session();
  }

  /** One run: LOGIN and MAILCHECK. */
  private final class Session implements Run {
    private WinsockApi ws;
    private User user;
    private String token;                                // in NETLIB.DLL: static char szToken[16];
    private String used;
    private int hMailcheck;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("login", this::loginMain);
      hMailcheck = emu.createTask("mailcheck", this::mailcheckMain).handle();
    }

    @Override
    public void check() {
      expect(TOKEN.equals(used), "MAILCHECK used the token " + used + ", not " + TOKEN);
    }

    private int loginMain() {
      ws.WSAStartup(0x0101, new WSADATA());
      String greeting = greeting(LOGIN_PORT);
      token = greeting;
      user.PostAppMessage(hMailcheck, WM_TOKEN, 0, 0);  // the fixed MAILCHECK waits for it
      ws.WSACleanup();
      return 0;
    }

    private int mailcheckMain() {
      ws.WSAStartup(0x0101, new WSADATA());
      greeting(MAIL_PORT);
      if (fixed()) {
        MSG msg = new MSG();
        while (token == null && user.GetMessage(msg, NULL, 0, 0) != 0) {
          // the fix: wait until LOGIN says the token is there
        }
      }
      used = token;                                      // the bug: LOGIN is assumed to be done
      ws.WSACleanup();
      return 0;
    }

    /** Connects to {@code port}, reads the greeting, closes. */
    private String greeting(int port) {
      int s = Win16.connectTo(ws, port);
      if (s == INVALID_SOCKET) {
        return null;
      }
      byte[] buf = new byte[16];
      int n = ws.recv(s, buf, buf.length, 0);
      ws.closesocket(s);
      return n > 0 ? Win16.ascii(buf, n) : null;
    }
  }
}
