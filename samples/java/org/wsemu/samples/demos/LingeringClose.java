package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.TaskDemoSupport.error;
import static org.wsemu.samples.demos.TaskDemoSupport.local;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.SOL_SOCKET;
import static org.wsemu.winsock.WinSock.SO_LINGER;

import java.io.PrintWriter;
import org.wsemu.Emulator;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.linger;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code lingering-close}: an upload program sends 12,000 bytes and closes its socket with
 * SO_LINGER on. closesocket is then a blocking call: it waits, running the blocking hook (a
 * progress timer ticks), until the data has reached the peer, or until the linger time runs out,
 * when the connection is reset and what was not delivered is lost.
 *
 * <p>Its state belongs to its one task.
 */
final class LingeringClose {
  static final int SLOW_PORT = 20;          /* reads 4,000 bytes a second */
  static final int STUCK_PORT = 21;         /* never reads */
  static final int IDT_PROGRESS = 1;
  static final int PROGRESS_MILLIS = 500;
  static final int BYTES = 12_000;

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int ticks;                         // progress ticks during the current closesocket
  private boolean closing;

  private LingeringClose(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration("lingering-close",
        "With SO_LINGER on, closesocket blocks until the data is delivered or the linger time runs out",
        "Windows Sockets 1.1 specification, section 4.1.3 (closesocket())",
        "An upload program sends 12,000 bytes, sets SO_LINGER {l_onoff 1, l_linger 10} and calls"
            + " closesocket, to a peer that reads 4,000 bytes a second: closesocket is a blocking call"
            + " (BLOCK closesocket in the trace), the default hook dispatches the program's 500 ms"
            + " progress timer meanwhile, and it returns 0 once the last byte has reached the peer,"
            + " after about a second of virtual time, with a FIN. Then the same with l_linger 2 to a"
            + " peer that never reads: closesocket returns after exactly 2 s, and the trace shows the"
            + " RST that replaced the graceful close; the bytes not yet delivered are lost.",
        LingeringClose::run);
  }

  static boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws InterruptedException {
    network.listen(network.defaultHost(), SLOW_PORT, Peers.slowReader(4000));
    network.listen(network.defaultHost(), STUCK_PORT, Peers.silent());
    LingeringClose demo = new LingeringClose(emu, out);
    boolean[] shown = new boolean[1];
    emu.createTask("upload", () -> {
      demo.ws.WSAStartup(0x0101, new WSADATA());
      TaskDemoSupport.keepDefaultHook(emu);            /* Win32 mode: no default hook otherwise */
      WNDCLASS wc = new WNDCLASS();
      wc.lpfnWndProc = demo::uploadWndProc;
      wc.lpszClassName = "UploadWClass";
      demo.user.RegisterClass(wc);
      int hwnd = demo.user.CreateWindow("UploadWClass", "Upload", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
      int delivered = demo.upload(hwnd, SLOW_PORT, 10);
      int timedOut = demo.upload(hwnd, STUCK_PORT, 2);
      int slack = emu.mode() == SchedulingMode.WIN16 ? 50 : 1000;   // real time is late under load
      shown[0] = delivered > 0 && delivered < 10_000 && timedOut >= 2000 && timedOut < 2000 + slack;
      demo.user.DestroyWindow(hwnd);
      demo.ws.WSACleanup();
      Demonstrations.print(emu, out, "result", shown[0]
          ? "closesocket with SO_LINGER blocked until the data was delivered (1st) or the linger time ran out (2nd)"
          : "the rule was not shown");
      return 0;
    });
    Demonstrations.startAndAwait(emu);
    return shown[0];
  }

  /**
   * Connects to {@code port}, sends {@link #BYTES}, closes with SO_LINGER {1, lingerSeconds};
   * returns how long closesocket took in milliseconds, or -1 if a call failed.
   */
  private int upload(int hwnd, int port, int lingerSeconds) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (ws.connect(s, local(port), sockaddr_in.SIZE) == SOCKET_ERROR) {
      return fail("connect");
    }
    int sent = ws.send(s, new byte[BYTES], BYTES, 0);
    print("sent %d bytes to port %d (a peer that %s)", sent, port, port == SLOW_PORT ? "reads 4,000 bytes a second" : "never reads");
    ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, lingerSeconds), linger.SIZE);  /* {l_onoff, l_linger} */
    print("closesocket with SO_LINGER {1, %d}: blocks until the data is delivered or %d s have passed", lingerSeconds, lingerSeconds);
    ticks = 0;
    closing = true;
    user.SetTimer(hwnd, IDT_PROGRESS, PROGRESS_MILLIS, null);
    int start = user.GetTickCount();
    int r = ws.closesocket(s);
    int took = user.GetTickCount() - start;
    closing = false;
    user.KillTimer(hwnd, IDT_PROGRESS);
    if (r == SOCKET_ERROR) {
      return fail("closesocket");
    }
    print("closesocket returned %d after %d ms; the progress timer ticked %d times meanwhile%s", r, took, ticks,
        took >= lingerSeconds * 1000 ? ": the linger time ran out, the connection was reset" : ": all the data reached the peer");
    return took;
  }

  /* LRESULT CALLBACK UploadWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int uploadWndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg == WM_TIMER && wParam == IDT_PROGRESS && closing) {
      ticks++;
      print("progress: still in closesocket");
      return 0;
    }
    return user.DefWindowProc(hwnd, msg, wParam, lParam);
  }

  private int fail(String call) {
    print("%s failed with %s", call, error(ws.WSAGetLastError()));
    return -1;
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "upload", format, args);
  }
}
