package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;
import static org.wsemu.winsock.WinSock.WSAGETSELECTEVENT;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.sockaddr_in;
import org.wsemu.winsock.timeval;

/**
 * An FD_READ handler that blocks: a WSAAsyncSelect client reads records of a two-digit length and
 * a body. Its FD_READ handler reads the length, and when the body is not there yet it waits for it
 * with a blocking {@code select} inside the window procedure. The server sends the length and the
 * body at once, so on the emulator's own schedule the body is always there. If the body's segment is
 * a little late (network delay), the handler blocks; the default blocking hook dispatches the next
 * FD_READ inside select, and the nested handler takes the body's first bytes for a length; checked
 * mode reports the blocking call as {@code blocking-in-async-program}. Fixed:
 * the handler never blocks; it keeps what has come in a buffer and handles each record once it is
 * complete.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class BlockingReadHandler extends PlantedProgram {
  static final int PORT = 7000;
  static final int WM_SOCKET = WM_USER + 6;
  static final List<String> RECORDS = List.of("hello", "world!");
  static final Duration FIRST_AFTER = Duration.ofMillis(20);

  /** The version with the bug. */
  public BlockingReadHandler() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public BlockingReadHandler(boolean fixed) {
    super(fixed, "blocking-read-handler",
        "the FD_READ handler waits for the rest of a record with a blocking select, and a nested FD_READ reads it",
        "NETWORK_DELAY");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends BlockingReadHandler {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), PORT, connection -> {
      connection.after(FIRST_AFTER, () -> {                  // each record: its length, then its body
        for (String record : RECORDS) {
          connection.send(Win16.ascii(String.format("%02d", record.length())));
          connection.send(Win16.ascii(record));
        }
        connection.close();
      });
      return () -> { };
    });
    return new Reader();
  }

  /** One run: the reader. */
  private final class Reader implements Run {
    private WinsockApi ws;
    private User user;
    private int s = INVALID_SOCKET;
    private final List<String> records = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();   // the fix: what has come so far

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("reader", this::main);
    }

    @Override
    public void check() {
      expect(records.equals(RECORDS), "read the records " + records + " instead of " + RECORDS);
    }

    private int main() {
      ws.WSAStartup(0x0101, new WSADATA());
      int hwnd = Win16.window(user, "Reader", this::wndProc);
      s = ws.socket(AF_INET, SOCK_STREAM, 0);
      ws.WSAAsyncSelect(s, hwnd, WM_SOCKET, FD_READ | FD_CLOSE);
      ws.connect(s, new sockaddr_in(htons(PORT), inet_addr("127.0.0.1")), sockaddr_in.SIZE); // WSAEWOULDBLOCK
      MSG msg = new MSG();
      while (s != INVALID_SOCKET && user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.DispatchMessage(msg);
      }
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return 0;
    }

    private int wndProc(int hwnd, int msg, int wParam, int lParam) {
      if (msg != WM_SOCKET || wParam != s) {
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
      }
      if (WSAGETSELECTEVENT(lParam) == FD_READ) {
        if (fixed()) {
          readWhatCame();
        } else {
          readRecord();
        }
      } else if (WSAGETSELECTEVENT(lParam) == FD_CLOSE) {
        if (fixed()) {
          readWhatCame();
        } else {
          while (readRecord()) {                         // what is left, before closing
          }
        }
        ws.closesocket(s);
        s = INVALID_SOCKET;
      }
      return 0;
    }

    /** The bug: reads one record, waiting for its body with a blocking select if need be; false if none came. */
    private boolean readRecord() {
      byte[] len = new byte[2];
      if (ws.recv(s, len, 2, 0) != 2) {
        return false;
      }
      int n = length(len);                               // atoi: the nested call may read any two bytes
      byte[] body = new byte[n];
      int got = 0;
      while (got < n) {
        int r = ws.recv(s, body, got, n - got, 0);
        if (r > 0) {
          got += r;
          continue;
        }
        if (r == SOCKET_ERROR && ws.WSAGetLastError() == WSAEWOULDBLOCK) {
          fd_set readfds = new fd_set();
          FD_SET(s, readfds);
          if (ws.select(0, readfds, null, null, new timeval(5, 0)) > 0) {  // blocks in the window procedure
            continue;
          }
        }
        break;
      }
      records.add(Win16.ascii(body, got));
      return true;
    }

    /** The fix: reads what has come, handles every complete record, keeps the rest. */
    private void readWhatCame() {
      byte[] buf = new byte[64];
      int r;
      while ((r = ws.recv(s, buf, buf.length, 0)) > 0) {
        partial.append(Win16.ascii(buf, r));
      }
      while (partial.length() >= 2) {
        int n = length(Win16.ascii(partial.substring(0, 2)));
        if (partial.length() < 2 + n) {
          break;
        }
        records.add(partial.substring(2, 2 + n));
        partial.delete(0, 2 + n);
      }
    }
  }

  /** The two-digit length, or 0 if the two bytes are not digits. */
  private static int length(byte[] len) {
    String text = Win16.ascii(len, 2);
    return text.chars().allMatch(Character::isDigit) ? Integer.parseInt(text) : 0;
  }
}
