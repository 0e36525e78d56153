package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_CHAR;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.time.Duration;
import java.util.Arrays;
import org.wsemu.Emulator;
import org.wsemu.sim.Peer;
import org.wsemu.sim.PeerConnection;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * The dropped-character telnet send: TELNET waits in {@code recv} for the server's prompt, and its
 * window procedure sends each key as it is typed, ignoring the result. The prompt comes at 100 ms
 * and the user types at 102 ms, so on the emulator's own schedule recv has returned when the keys
 * come. If the prompt is a few milliseconds late (network delay), the default blocking hook
 * dispatches the WM_CHAR messages inside recv, each send fails with WSAEINPROGRESS, and the keys are
 * lost: the server echoes nothing. Fixed: while {@code WSAIsBlocking()} the window procedure queues
 * the keys, and the main code sends them once recv has returned.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class TelnetDroppedKey extends PlantedProgram {
  static final int PORT = 23;
  static final String PROMPT = "$ ";
  static final String TYPED = "ls\r";
  static final Duration PROMPT_AFTER = Duration.ofMillis(100);
  static final int TYPE_AT_MS = 102;
  static final int WM_TYPED = WM_USER + 1;             // the user has finished typing

  /** The version with the bug. */
  public TelnetDroppedKey() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public TelnetDroppedKey(boolean fixed) {
    super(fixed, "telnet-dropped-key",
        "a key sent from the window procedure while recv waits for the prompt fails with WSAEINPROGRESS and is lost",
        "NETWORK_DELAY");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends TelnetDroppedKey {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), PORT, TelnetDroppedKey::server);
    return new Telnet();
  }

  /** The server: its prompt 100 ms after the connection, then an echo of everything; closes at the end. */
  private static Peer.Session server(PeerConnection connection) {
    connection.after(PROMPT_AFTER, () -> connection.send(Win16.ascii(PROMPT)));
    return () -> {
      byte[] buf = new byte[64];
      int n;
      while ((n = connection.read(buf, 0, buf.length)) > 0) {
        connection.send(Arrays.copyOf(buf, n));
      }
      if (n != PeerConnection.WOULD_BLOCK) {
        connection.close();
      }
    };
  }

  /** One run: TELNET and the user, who types into TELNET's window. */
  private final class Telnet implements Run {
    private WinsockApi ws;
    private User user;
    private int s = INVALID_SOCKET;                      // static SOCKET s;
    private final StringBuilder pending = new StringBuilder(); // static char szPending[80];
    private final StringBuilder screen = new StringBuilder();
    private int hwnd;
    private boolean typed;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("telnet", this::telnetMain);
      emu.createTask("user", this::userMain);
    }

    @Override
    public void check() {
      expect(screen.toString().equals(PROMPT + TYPED),
          "the screen shows \"" + screen.toString().replace("\r", "\\r") + "\", not the prompt and the echo of \"ls\\r\":"
              + " keys typed during recv were lost");
    }

    private int telnetMain() {
      ws.WSAStartup(0x0101, new WSADATA());
      hwnd = Win16.window(user, "Telnet", this::telnetWndProc);
      s = Win16.connectTo(ws, PORT);
      byte[] buf = new byte[64];
      int n = ws.recv(s, buf, buf.length, 0);            // waits for the prompt; the hook dispatches meanwhile
      if (n > 0) {
        screen.append(Win16.ascii(buf, n));
      }
      if (fixed() && pending.length() > 0) {             // the fix: send what was typed meanwhile
        byte[] keys = Win16.ascii(pending.toString());
        pending.setLength(0);
        ws.send(s, keys, keys.length, 0);
      }
      MSG msg = new MSG();
      while (!typed && user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
      ws.shutdown(s, 1);                                 // SD_SEND: the server echoes, then closes
      while ((n = ws.recv(s, buf, buf.length, 0)) > 0) {
        screen.append(Win16.ascii(buf, n));
      }
      ws.closesocket(s);
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return 0;
    }

    private int telnetWndProc(int hWnd, int msg, int wParam, int lParam) {
      if (msg == WM_TYPED) {
        typed = true;
        return 0;
      }
      if (msg != WM_CHAR) {
        return user.DefWindowProc(hWnd, msg, wParam, lParam);
      }
      if (fixed() && ws.WSAIsBlocking()) {               // if (WSAIsBlocking()) { queue it; return 0; }
        pending.append((char) wParam);
        return 0;
      }
      byte[] key = {(byte) wParam};
      ws.send(s, key, 1, 0);                             // the bug: WSAEINPROGRESS inside recv, ignored
      return 0;
    }

    /** The user: types "ls\r" at 102 ms, then says so. */
    private int userMain() {
      int idTimer = user.SetTimer(NULL, 0, TYPE_AT_MS, null);
      MSG msg = new MSG();
      user.GetMessage(msg, NULL, 0, 0);
      user.KillTimer(NULL, idTimer);
      int hwndTelnet = user.FindWindow("Telnet", null);
      for (char c : TYPED.toCharArray()) {
        user.PostMessage(hwndTelnet, WM_CHAR, c, 0);
      }
      user.PostMessage(hwndTelnet, WM_TYPED, 0, 0);
      return 0;
    }
  }
}
