package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * A blocking hook that counts its calls as time: the client's custom blocking hook gives a request
 * 200 ms by cancelling the blocked call on its fourth idle call, as if the hook ran every 50 ms.
 * The specification promises no rate: a blocking call runs its hook when it likes. The answer
 * comes after 120 ms; on the emulator's own schedule the hook is re-run every 50 ms when nothing
 * happens, and the answer comes in time. If the hook is re-run sooner (hook re-poll), the count
 * runs out early and a request answered within its time-out is cancelled. Fixed: the hook measures
 * the time with GetTickCount.
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class HookCountsTime extends PlantedProgram {
  static final int PORT = 13;
  static final int TIMEOUT_MS = 200;
  static final int CALLS_PER_TIMEOUT = 4;              // the bug: "the hook runs every 50 ms"
  static final Duration ANSWER_AFTER = Duration.ofMillis(120);

  /** The version with the bug. */
  public HookCountsTime() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public HookCountsTime(boolean fixed) {
    super(fixed, "hook-counts-time",
        "a custom blocking hook counts its idle calls as 50 ms each and cancels a call that would have been answered in time",
        "HOOK_REPOLL");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends HookCountsTime {
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

  /** One run: the client, one task. */
  private final class Client implements Run {
    private WinsockApi ws;
    private User user;
    private int idleCalls;                               // static int nIdle;
    private int started;                                 // static DWORD dwStart;
    private String answer;
    private int error;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      user = emu.user();
      emu.createTask("client", this::main);
    }

    @Override
    public void check() {
      expect(answer != null, "the request was cancelled (error " + error + ") though the server answers within "
          + TIMEOUT_MS + " ms: the hook's count of its calls ran out early");
    }

    private int main() {
      ws.WSAStartup(0x0101, new WSADATA());
      int s = Win16.connectTo(ws, PORT);
      if (s == INVALID_SOCKET) {
        ws.WSACleanup();
        return 1;
      }
      byte[] request = Win16.ascii("TIME\r\n");
      ws.send(s, request, request.length, 0);
      idleCalls = 0;
      started = user.GetTickCount();
      ws.WSASetBlockingHook(this::hook);
      byte[] buf = new byte[16];
      int n = ws.recv(s, buf, buf.length, 0);            // the hook runs meanwhile
      if (n > 0) {
        answer = Win16.ascii(buf, n);
      } else {
        error = ws.WSAGetLastError();
      }
      ws.WSAUnhookBlockingHook();
      ws.closesocket(s);
      ws.WSACleanup();
      return 0;
    }

    /* BOOL FAR PASCAL TimeoutHook(void) */
    private boolean hook() {
      MSG msg = new MSG();
      if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
        return true;
      }
      boolean timedOut = fixed() ? user.GetTickCount() - started >= TIMEOUT_MS
          : ++idleCalls >= CALLS_PER_TIMEOUT;             // the bug: a call is not 50 ms
      if (timedOut) {
        ws.WSACancelBlockingCall();
      }
      return false;
    }
  }
}
