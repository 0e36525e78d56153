package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.sim.Peer;
import org.wsemu.sim.PeerConnection;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * A global buffer reused by a nested window procedure: LOGGER's window procedure formats each
 * record into its static line buffer, sends it to the log server, waits in {@code recv} for the
 * acknowledgement, and then files the line from the buffer. APP posts a record every 40 ms (and
 * yields); the acknowledgement of record 1 comes 1 ms before record 2, so on the emulator's own
 * schedule LOGGER's recv has returned by the time APP posts record 2. If the acknowledgement is
 * a little late (network delay), the default blocking hook dispatches record 2 inside recv: the
 * nested call overwrites the buffer (its own send fails with WSAEINPROGRESS), and record 1 is filed
 * as "record 2". Fixed: each record is formatted into a buffer of its own, and a record that comes
 * while {@code WSAIsBlocking()} waits in a queue until the call has returned.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class SharedBufferNested extends PlantedProgram {
  static final int PORT = 514;
  static final int WM_LOG = WM_USER + 2;               // wParam: the record's number
  static final int WM_DONE = WM_USER + 3;
  static final int RECORD_EVERY_MS = 40;               // APP's timer: record 1 at 40 ms, record 2 at 80 ms
  static final Duration ACK_AFTER = Duration.ofMillis(38);   // the acknowledgement arrives at 79 ms

  /** The version with the bug. */
  public SharedBufferNested() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public SharedBufferNested(boolean fixed) {
    super(fixed, "shared-buffer-nested",
        "a record dispatched inside the handler's recv overwrites the handler's static line buffer",
        "NETWORK_DELAY");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends SharedBufferNested {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), PORT, SharedBufferNested::server);
    return new Logger();
  }

  /** The log server: acknowledges each record with "OK", 38 ms after it came. */
  private static Peer.Session server(PeerConnection connection) {
    return () -> {
      byte[] buf = new byte[64];
      int n;
      while ((n = connection.read(buf, 0, buf.length)) > 0) {
        connection.after(ACK_AFTER, () -> connection.send(Win16.ascii("OK")));
      }
      if (n != PeerConnection.WOULD_BLOCK) {
        connection.close();
      }
    };
  }

  /** One run: LOGGER, and APP, which posts it two records. */
  private final class Logger implements Run {
    private WinsockApi ws;
    private User user;
    private int s = INVALID_SOCKET;
    private final byte[] szLine = new byte[32];          // static char szLine[32];
    private final List<String> filed = new ArrayList<>();
    private final Deque<Integer> backlog = new ArrayDeque<>();
    private boolean done;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("logger", this::loggerMain);
      emu.createTask("app", this::appMain);
    }

    @Override
    public void check() {
      expect(filed.equals(List.of("record 1", "record 2")),
          "filed " + filed + " instead of [record 1, record 2]: the nested handler overwrote the line buffer");
    }

    private int loggerMain() {
      ws.WSAStartup(0x0101, new WSADATA());
      int hwnd = Win16.window(user, "Logger", this::loggerWndProc);
      s = Win16.connectTo(ws, PORT);
      MSG msg = new MSG();
      while (!done && user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.DispatchMessage(msg);
      }
      ws.closesocket(s);
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return 0;
    }

    private int loggerWndProc(int hwnd, int msg, int wParam, int lParam) {
      if (msg == WM_DONE) {
        done = true;
        return 0;
      }
      if (msg != WM_LOG) {
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
      }
      if (!fixed()) {
        log(wParam);
        return 0;
      }
      backlog.add(wParam);                               // the fix: records wait their turn, in order,
      if (!ws.WSAIsBlocking()) {                         // and none is sent while a call blocks
        while (!backlog.isEmpty()) {
          log(backlog.remove());
        }
      }
      return 0;
    }

    /** Sends record {@code n} and files it once acknowledged. */
    private void log(int n) {
      byte[] line = fixed() ? new byte[szLine.length] : szLine;   // the fix: a buffer of its own
      Arrays.fill(line, (byte) 0);
      byte[] text = Win16.ascii("record " + n);         // wsprintf(szLine, "record %d", n);
      System.arraycopy(text, 0, line, 0, text.length);
      ws.send(s, line, text.length, 0);
      byte[] ack = new byte[2];
      ws.recv(s, ack, ack.length, 0);                    // the default hook dispatches meanwhile
      filed.add(Win16.ascii(line, strlen(line)));        // the line, read back from the buffer
    }

    /** APP: record 1 at 40 ms (then lets LOGGER run), record 2 at 80 ms, then done. */
    private int appMain() {
      int timer = user.SetTimer(NULL, 0, RECORD_EVERY_MS, null);
      MSG msg = new MSG();
      for (int record = 1; record <= 2 && user.GetMessage(msg, NULL, 0, 0) != 0; ) {
        if (msg.message != WM_TIMER) {
          continue;
        }
        int hwndLogger = user.FindWindow("Logger", null);
        user.PostMessage(hwndLogger, WM_LOG, record, 0);
        if (record == 1) {
          user.Yield();                                  // let LOGGER handle it
        } else {
          user.KillTimer(NULL, timer);
          user.PostMessage(hwndLogger, WM_DONE, 0, 0);
        }
        record++;
      }
      return 0;
    }
  }

  private static int strlen(byte[] buf) {
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return n;
  }
}
