package org.wsemu.samples.demos;

import static org.wsemu.samples.demos.BlockingDemos.errorName;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;

import java.io.PrintWriter;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.hostent;
import org.wsemu.winsock.in_addr;

/**
 * {@code blocking-lookup-hook}: a {@code gethostbyname} that takes 350 ms (the emulator's lookup
 * latency) is a blocking call like {@code recv}: while it waits, the default blocking hook runs
 * again and again and dispatches the task's messages, here the 100 ms ticks of an hourglass timer.
 *
 * <p>One instance per run; its task is the only thread that touches it.
 */
final class BlockingLookupHook {
  static final String NAME = "blocking-lookup-hook";
  static final String HOST = "news.example";
  static final String ADDRESS = "10.0.0.7";
  static final Duration LOOKUP_LATENCY = Duration.ofMillis(350);
  static final String CLASS_NAME = "LookupWClass";
  static final int IDT_HOURGLASS = 1;
  static final int FRAME_MS = 100;

  private final Emulator emu;
  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private int frames;                  // static int nFrames;
  private int framesWhileBlocking;

  private BlockingLookupHook(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A blocking gethostbyname runs the blocking hook while it waits, so messages are dispatched",
        "Windows Sockets 1.1 specification, section 3.2 (Database Functions)",
        "The database functions may block like recv does. Here every lookup takes 350 ms (the emulator's"
            + " lookupLatency option, a slow name server). A Win16 program starts a 100 ms timer that animates"
            + " an hourglass and calls gethostbyname: while the lookup waits, the default blocking hook runs"
            + " again and again and dispatches the three WM_TIMER messages that come due, each handled with"
            + " WSAIsBlocking() TRUE, inside the lookup. In the trace, look for BLOCK gethostbyname, the"
            + " HOOK lines and the window procedure at depth=2 before UNBLOCK gethostbyname.",
        builder -> builder.lookupLatency(LOOKUP_LATENCY).host(HOST, ADDRESS),
        (emu, network, out) -> new BlockingLookupHook(emu, out).run());
  }

  private boolean run() throws InterruptedException {
    if (!BlockingDemos.win16(emu, out, "lookup", BlockingDemos.NO_DEFAULT_HOOK)) {
      return false;
    }
    Task task = emu.createTask("lookup", this::winMain);
    Demonstrations.startAndAwait(emu);
    return task.exitCode().orElse(1) == 0;
  }

  /* int PASCAL WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nCmdShow) */
  private int winMain() {
    ws.WSAStartup(0x0101, new WSADATA());
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = this::lookupWndProc;
    wc.lpszClassName = CLASS_NAME;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(CLASS_NAME, "Lookup", WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);

    user.SetTimer(hwnd, IDT_HOURGLASS, FRAME_MS, null);  // the hourglass turns while we wait
    print("calls gethostbyname(\"%s\")", HOST);
    hostent hp = ws.gethostbyname(HOST);
    int error = hp == null ? ws.WSAGetLastError() : 0;
    user.KillTimer(hwnd, IDT_HOURGLASS);
    String address = null;
    if (hp != null) {
      in_addr in = new in_addr();
      in.set(hp.h_addr());                               // inet_ntoa(*(struct in_addr FAR *) hp->h_addr)
      address = WinSock.inet_ntoa(in);
    }
    print("gethostbyname returned %s after %d hourglass frames",
        hp == null ? "NULL, WSAGetLastError() = " + errorName(error) : hp.h_name + " = " + address, frames);
    user.DestroyWindow(hwnd);
    ws.WSACleanup();

    // Three frames in the emulator's own schedule; two when the timer's first tick comes later in
    // its 55 ms period (a schedule exploration's timer phase): either way the hook dispatched them.
    boolean shown = ADDRESS.equals(address) && frames > 0 && framesWhileBlocking == frames;
    print(shown ? "conclusion: the lookup blocked like any blocking call, and the hook dispatched messages meanwhile"
        : "conclusion: the run did not show the rule");
    return shown ? 0 : 1;
  }

  /* LRESULT CALLBACK LookupWndProc(HWND hwnd, UINT msg, WPARAM wParam, LPARAM lParam) */
  private int lookupWndProc(int hwnd, int msg, int wParam, int lParam) {
    if (msg == WM_TIMER && wParam == IDT_HOURGLASS) {
      frames++;
      boolean blocking = ws.WSAIsBlocking();
      if (blocking) {
        framesWhileBlocking++;
      }
      print("WM_TIMER: hourglass frame %d, WSAIsBlocking() = %s", frames, blocking ? "TRUE" : "FALSE");
      return 0;
    }
    return user.DefWindowProc(hwnd, msg, wParam, lParam);
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "lookup", format, args);
  }
}
