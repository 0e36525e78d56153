package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock.WSAEINVAL;

import java.io.PrintWriter;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.user.User;
import org.wsemu.winsock.BlockingHook;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * {@code cancel-from-hook}: a mail client waits in {@code recv} for a greeting that never comes;
 * its own blocking hook, which dispatches no messages, gives up after a second by calling
 * {@code WSACancelBlockingCall}, and {@code recv} fails with WSAEINTR. Afterwards the program does
 * only what the specification promises still works: it closes the socket.
 *
 * <p>One instance per run; its task is the only thread that touches it.
 */
final class CancelFromHook {
  static final String NAME = "cancel-from-hook";
  static final int PORT = 110;
  static final int GIVE_UP_MS = 1000;
  /** How often the blocking loop runs a custom hook when nothing happens: four times a second. */
  static final Duration REPOLL = Duration.ofMillis(250);

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int dwStart;                 // static DWORD dwStart;
  private int hookCalls;
  private int cancelResult = -2;

  private CancelFromHook(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "WSACancelBlockingCall from the blocking hook makes the blocked call fail with WSAEINTR",
        "Windows Sockets 1.1 specification, section 4.3.9 (WSACancelBlockingCall())",
        "A mail client connects to a server that never sends its greeting and blocks in recv. It has"
            + " installed its own blocking hook, which dispatches no messages (so nothing can re-enter the"
            + " program) and watches GetTickCount: the blocking loop runs it four times a second, and after"
            + " one second it calls WSACancelBlockingCall, which returns 0. As soon as the hook returns, recv"
            + " fails with WSAEINTR. After a cancelled recv the specification promises only closesocket; the"
            + " program closes the socket, and a second WSACancelBlockingCall, now that nothing blocks, fails"
            + " with WSAEINVAL. In the trace, look for the HOOK lines between BLOCK recv and UNBLOCK recv,"
            + " the WSACancelBlockingCall inside the last one, and UNBLOCK recv with cancelled=true.",
        builder -> builder.hookRepollInterval(REPOLL),
        (emu, network, out) -> new CancelFromHook(emu, out).run(network));
  }

  private boolean run(SimulatedNetwork network) throws InterruptedException {
    network.listen(network.defaultHost(), PORT, Peers.silent());
    Task task = emu.createTask("mail", this::winMain);
    Demonstrations.startAndAwait(emu);
    return task.exitCode().orElse(1) == 0;
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    int s = BlockingDemos.connectTo(ws, PORT);
    if (s == INVALID_SOCKET) {
      return 1;
    }
    BlockingHook previous = ws.WSASetBlockingHook(this::giveUpHook); // lpfnPrev = WSASetBlockingHook(GiveUpHook);
    print("waits in recv for the server's greeting; the hook gives up after %d ms", GIVE_UP_MS);
    dwStart = user.GetTickCount();
    byte[] buf = new byte[512];
    int n = ws.recv(s, buf, buf.length, 0);
    int error = n == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("recv returned %d, WSAGetLastError() = %s, after %d ms and %d hook calls",
        n, errorName(error), user.GetTickCount() - dwStart, hookCalls);
    ws.WSASetBlockingHook(previous);

    int again = ws.WSACancelBlockingCall();             // nothing blocks now
    int againError = again == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
    print("WSACancelBlockingCall() with no blocking call returned %d, WSAGetLastError() = %s",
        again, errorName(againError));
    int closed = ws.closesocket(s);                     // the one call a cancelled recv leaves reliable
    print("closesocket returned %d", closed);
    ws.WSACleanup();

    boolean shown = cancelResult == 0 && n == SOCKET_ERROR && error == WSAEINTR
        && again == SOCKET_ERROR && againError == WSAEINVAL && closed == 0;
    print(shown ? "conclusion: the hook's WSACancelBlockingCall ended recv with WSAEINTR; only closesocket is"
        + " certain afterwards" : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /*
   * BOOL FAR PASCAL GiveUpHook(void)
   * Dispatches nothing (no reentrancy); cancels once the time is up.
   */
  private boolean giveUpHook() {
    hookCalls++;
    if (user.GetTickCount() - dwStart >= GIVE_UP_MS) {
      cancelResult = ws.WSACancelBlockingCall();        // the only Winsock call a hook may make
      print("the hook calls WSACancelBlockingCall(): %d", cancelResult);
    }
    return false;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "mail", format, args);
  }
}
