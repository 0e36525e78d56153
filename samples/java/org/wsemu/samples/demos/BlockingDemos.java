package org.wsemu.samples.demos;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;

import java.io.PrintWriter;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.WinsockNames;
import org.wsemu.winsock.sockaddr_in;

/**
 * Demonstrations of blocking calls, the blocking hook and the one-outstanding-call rule, and the
 * few routines their programs share (as a Win16 program would keep them in a common module).
 *
 * <p>Stateless and thread-safe.
 */
final class BlockingDemos {
  private BlockingDemos() {}

  /** This group's demonstrations, in catalogue order. */
  static List<Demonstration> all() {
    return List.of(
        NestedBlockingCall.demonstration(),
        CancelFromHook.demonstration(),
        TimerTimeout.demonstration(),
        QuitInHook.demonstration(),
        SelectZeroTimeout.demonstration(),
        BlockingLookupHook.demonstration(),
        SendFromHook.demonstration(),
        LibraryCallCancelled.demonstration());
  }

  /**
   * {@code SOCKET ConnectTo(u_short port)}: a blocking stream socket connected to 127.0.0.1:port,
   * or INVALID_SOCKET (the error is WSAGetLastError's).
   */
  static int connectTo(WinsockApi ws, int port) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (s == INVALID_SOCKET) {
      return INVALID_SOCKET;
    }
    sockaddr_in sin = new sockaddr_in(htons(port), inet_addr("127.0.0.1"));
    if (ws.connect(s, sin, sockaddr_in.SIZE) == SOCKET_ERROR) {
      ws.closesocket(s);
      return INVALID_SOCKET;
    }
    return s;
  }

  /** The winsock.h name of an error code ({@code WSAEINPROGRESS}), "0" for none, else the number ({@link WinsockNames#error}). */
  static String errorName(int error) {
    return WinsockNames.error(error);
  }

  /** Where the one-outstanding-call rule is written, for the demonstrations that show it. */
  static final String EINPROGRESS_PAGE = "Microsoft Learn, Windows Sockets 1.1 Blocking Routines and EINPROGRESS:"
      + " https://learn.microsoft.com/windows/win32/winsock/windows-sockets-1-1-blocking-routines-and-einprogress-2";

  /** Why most demonstrations of this group need Win16 mode. */
  static final String NO_DEFAULT_HOOK =
      "a Win32 task has no default blocking hook, so nothing is dispatched while a call blocks";

  /** Whether {@code emu} runs Win16 tasks; if not, prints that the demonstration needs them, and {@code why}. */
  static boolean win16(Emulator emu, PrintWriter out, String who, String why) {
    if (emu.mode() == SchedulingMode.WIN16) {
      return true;
    }
    Demonstrations.print(emu, out, who, "this demonstration needs Win16 mode: %s", why);
    return false;
  }
}
