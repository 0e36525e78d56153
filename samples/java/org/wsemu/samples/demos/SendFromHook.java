package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_CHAR;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wsemu.Emulator;
import org.wsemu.sim.Peer;
import org.wsemu.sim.PeerConnection;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * {@code send-from-hook}: the dropped characters of Win16 telnet clients. TELNET waits in {@code
 * recv} for the server's prompt; the user types meanwhile (KEYBOARD posts WM_CHAR), the default
 * blocking hook dispatches the keys, and the window procedure's {@code send} of each fails with
 * WSAEINPROGRESS: the keys are lost. Fixed: the window procedure queues the keys while {@code
 * WSAIsBlocking()}, and the main code sends them once {@code recv} has returned.
 *
 * <p>Either task may start first: KEYBOARD yields until TELNET's window exists.
 *
 * <p>One instance per run; the tasks share it and switch only at their message calls and inside
 * blocking calls (Win16). The server's bytes are kept in a thread-safe list: the network's side
 * writes them.
 */
final class SendFromHook {
  static final String NAME = "send-from-hook";
  static final int PORT = 23;
  static final String TELNET_CLASS = "TelnetWClass";
  static final String TYPED = "ls\r";
  static final String PROMPT = "$ ";
  static final Duration PROMPT_DELAY = Duration.ofMillis(300);
  static final int TYPE_EVERY_MS = 200;                // the user types at 200 ms and at 400 ms

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final List<StringBuffer> serverReceived = new CopyOnWriteArrayList<>(); // one per connection
  private int s;                       // static SOCKET s;
  private boolean queueKeys;           // which version of the window procedure runs
  private final StringBuilder pending = new StringBuilder(); // static char szPending[80];
  private int lostKeys;

  private SendFromHook(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A send from a window procedure run by the hook fails with WSAEINPROGRESS: typed keys are lost",
        BlockingDemos.EINPROGRESS_PAGE,
        "The classic bug of Win16 telnet clients. TELNET waits in recv for the server's prompt (it comes"
            + " after 300 ms) while the user types \"ls\" and Enter: at 200 ms KEYBOARD posts three WM_CHAR"
            + " messages to TELNET's window. The default blocking hook dispatches them inside recv, and the window"
            + " procedure sends each key at once: every send fails with WSAEINPROGRESS, and the server never"
            + " receives the keys. Fixed, on a second connection (the user types again at 400 ms): the"
            + " window procedure asks WSAIsBlocking() and queues the keys; once recv has returned the prompt,"
            + " TELNET sends the queued keys and the server receives and echoes them. In the trace, look for"
            + " the three send calls with error=WSAEINPROGRESS inside the first blocked recv, and the single"
            + " send of 3 bytes after the second UNBLOCK recv.",
        (emu, network, out) -> new SendFromHook(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    if (!BlockingDemos.win16(emu, out, "telnet", BlockingDemos.NO_DEFAULT_HOOK)) {
      return false;
    }
    network.listen(network.defaultHost(), PORT, this::telnetServer);
    Task telnet = emu.createTask("telnet", this::telnetWinMain);
    emu.createTask("keyboard", this::keyboardWinMain);
    Demonstrations.startAndAwait(emu);
    return telnet.exitCode().orElse(1) == 0;
  }

  /** The server: sends its prompt after 300 ms and echoes what it receives, keeping a copy. */
  private Peer.Session telnetServer(PeerConnection connection) {
    StringBuffer received = new StringBuffer();
    serverReceived.add(received);
    connection.after(PROMPT_DELAY, () -> connection.send(PROMPT.getBytes(StandardCharsets.US_ASCII)));
    return () -> {
      byte[] buf = new byte[64];
      int n;
      while ((n = connection.read(buf, 0, buf.length)) > 0) {
        received.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        connection.send(java.util.Arrays.copyOf(buf, n));
      }
      if (n != PeerConnection.WOULD_BLOCK) {
        connection.close();
      }
    };
  }

  // ---- TELNET ----

  /* int PASCAL WinMain(...) */
  private int telnetWinMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::telnetWndProc;
    wc.lpszClassName = TELNET_CLASS;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(TELNET_CLASS, "Telnet", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    print("bug: each key is sent from the window procedure as it is typed");
    String screen = session();
    String got1 = serverReceived.get(0).toString();
    print("the screen shows \"%s\"; the server received \"%s\" (%d keys lost)", screen, got1, lostKeys);

    queueKeys = true;
    print("fixed: keys typed while WSAIsBlocking() are queued and sent after recv returns");
    screen = session();
    String got2 = serverReceived.get(1).toString();
    print("the screen shows \"%s\"; the server received \"%s\"",
        screen.replace("\r", "\\r"), got2.replace("\r", "\\r"));

    user.DestroyWindow(hwnd);
    ws.WSACleanup();
    boolean shown = got1.isEmpty() && lostKeys == TYPED.length() && got2.equals(TYPED)
        && screen.equals(PROMPT + TYPED);
    print(shown ? "conclusion: a window procedure run by the hook cannot send; queue the keys and send them later"
        : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /** One connection: the user types while recv waits for the prompt; returns what the screen shows. */
  private String session() {
    s = BlockingDemos.connectTo(ws, PORT);
    StringBuilder screen = new StringBuilder();
    byte[] buf = new byte[64];
    int n = ws.recv(s, buf, buf.length, 0);              // waits for the prompt
    if (n > 0) {
      screen.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
    }
    if (pending.length() > 0) {                           // the fix: send what was typed meanwhile
      byte[] keys = pending.toString().getBytes(StandardCharsets.US_ASCII);
      pending.setLength(0);
      print("recv returned the prompt; now the %d queued keys are sent", keys.length);
      ws.send(s, keys, keys.length, 0);
      while (screen.length() < PROMPT.length() + keys.length && (n = ws.recv(s, buf, buf.length, 0)) > 0) {
        screen.append(new String(buf, 0, n, StandardCharsets.US_ASCII));   // the echo
      }
    }
    ws.closesocket(s);
    return screen.toString();
  }

  /* LRESULT CALLBACK TelnetWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int telnetWndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg != WM_CHAR) {
      return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
    if (queueKeys && ws.WSAIsBlocking()) {               // if (WSAIsBlocking()) { queue it; return 0; }
      pending.append((char) wParam);
      return 0;
    }
    byte[] key = {(byte) wParam};
    if (ws.send(s, key, 1, 0) == SOCKET_ERROR) {
      lostKeys++;
      print("WM_CHAR '%s' inside recv: send failed, WSAGetLastError() = %s; the key is lost",
          wParam == '\r' ? "\\r" : Character.toString((char) wParam), errorName(ws.WSAGetLastError()));
    }
    return 0;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "telnet", format, args);
  }

  // ---- KEYBOARD: stands for the user ----

  /* int PASCAL WinMain(...): types the word into TELNET's window at 100 ms and again at 400 ms */
  private int keyboardWinMain() {
    int hwndTelnet;
    while ((hwndTelnet = user.FindWindow(TELNET_CLASS, null)) == NULL) {
      user.Yield();                                      // TELNET has not created its window yet
    }
    int idTimer = user.SetTimer(NULL, 0, TYPE_EVERY_MS, null);
    MSG msg = new MSG();
    for (int session = 0; session < 2 && user.GetMessage(msg, NULL, 0, 0) != 0; session++) {
      Demonstrations.print(emu, out, "keyboard", "the user types \"ls\\r\"");
      for (char c : TYPED.toCharArray()) {                 // one WM_TIMER: the user types the word
        user.PostMessage(hwndTelnet, WM_CHAR, c, 0);
      }
    }
    user.KillTimer(NULL, idTimer);
    return 0;
  }
}
