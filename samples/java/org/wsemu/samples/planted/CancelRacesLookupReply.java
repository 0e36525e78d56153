package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAGETSELECTEVENT;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAGETASYNCERROR;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.AsyncBuffer;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * A cancel racing a lookup reply: a mail client keeps a session with its directory server and
 * meanwhile looks its mail server up with WSAAsyncGetHostByName. If the directory closes the
 * session first (FD_CLOSE), the program gives the lookup up with WSACancelAsyncRequest, ignores the
 * result, and looks the backup server up into the same buffer, taking the next reply for the
 * backup's. The reply and the close are due at the same instant, and on the emulator's own schedule
 * the reply is posted first. If the close is indicated first (due order), the cancel comes after
 * the reply was posted: it fails with WSAEALREADY, and the mail server's reply is taken for the
 * backup's. Fixed: a failed cancel means a reply is coming, so the backup gets its own buffer and
 * replies are matched by their task handle (wParam).
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class CancelRacesLookupReply extends PlantedProgram {
  static final int PORT = 389;
  static final int WM_LOOKUP = WM_USER + 4;
  static final int WM_SOCKET = WM_USER + 5;
  static final String MAIL = "mail";
  static final String BACKUP = "backup";
  static final String MAIL_ADDRESS = "10.0.0.25";
  static final String BACKUP_ADDRESS = "10.0.0.26";
  static final Duration LOOKUP_TAKES = Duration.ofMillis(100);
  static final Duration SESSION_CLOSES_AFTER = Duration.ofMillis(100);

  /** The version with the bug. */
  public CancelRacesLookupReply() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public CancelRacesLookupReply(boolean fixed) {
    super(fixed, "cancel-races-lookup-reply",
        "WSACancelAsyncRequest after the reply was posted: the program assumes no reply comes and reuses the buffer",
        "DUE_ORDER");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends CancelRacesLookupReply {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.host(MAIL, MAIL_ADDRESS).host(BACKUP, BACKUP_ADDRESS).lookupLatency(LOOKUP_TAKES);
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), PORT, connection -> {
      connection.after(SESSION_CLOSES_AFTER, connection::close);
      return () -> { };
    });
    return new Client();
  }

  /** One run: the mail client. */
  private final class Client implements Run {
    private WinsockApi ws;
    private User user;
    private byte[] hostbuf = new byte[MAXGETHOSTSTRUCT];   // static char hostbuf[MAXGETHOSTSTRUCT];
    private int hLookup;                                    // static HANDLE hLookup;
    private String server;                                  // the server the program chose
    private String address;                                 // the address it took for it
    private int s = INVALID_SOCKET;
    private int cancelResult;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("mailer", this::main);
    }

    @Override
    public void check() {
      String expected = MAIL.equals(server) ? MAIL_ADDRESS : BACKUP_ADDRESS;
      expect(expected.equals(address), "the program chose " + server + " but took the address " + address
          + " (WSACancelAsyncRequest returned " + cancelResult + ")");
    }

    private int main() {
      ws.WSAStartup(0x0101, new WSADATA());
      int hwnd = Win16.window(user, "Mailer", this::wndProc);
      server = MAIL;
      hLookup = ws.WSAAsyncGetHostByName(hwnd, WM_LOOKUP, MAIL, hostbuf, hostbuf.length);
      s = ws.socket(AF_INET, SOCK_STREAM, 0);
      ws.WSAAsyncSelect(s, hwnd, WM_SOCKET, FD_CLOSE);
      ws.connect(s, new sockaddr_in(htons(PORT), inet_addr("127.0.0.1")), sockaddr_in.SIZE); // WSAEWOULDBLOCK
      MSG msg = new MSG();
      while ((address == null || s != INVALID_SOCKET) && user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.DispatchMessage(msg);
      }
      user.DestroyWindow(hwnd);
      ws.WSACleanup();
      return 0;
    }

    private int wndProc(int hwnd, int msg, int wParam, int lParam) {
      if (msg == WM_SOCKET && WSAGETSELECTEVENT(lParam) == FD_CLOSE) {
        ws.closesocket(s);
        s = INVALID_SOCKET;
        if (address == null) {                             // the mail server is still being looked up
          cancelResult = ws.WSACancelAsyncRequest(hLookup); // the bug: the result is ignored
          if (fixed() && cancelResult == SOCKET_ERROR) {
            hostbuf = new byte[MAXGETHOSTSTRUCT];            // the fix: the coming reply keeps its buffer
          }
          server = BACKUP;
          hLookup = ws.WSAAsyncGetHostByName(hwnd, WM_LOOKUP, BACKUP, hostbuf, hostbuf.length);
        }
        return 0;
      }
      if (msg != WM_LOOKUP) {
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
      }
      if (fixed() && wParam != hLookup) {                  // the fix: the reply to the cancelled request
        return 0;
      }
      if (WSAGETASYNCERROR(lParam) == 0) {
        address = Win16.dotted(AsyncBuffer.hostent(hostbuf).h_addr());
      }
      return 0;
    }
  }
}
