package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.FIONREAD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.wsemu.sim.Link;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * Fixtures for the WSAAsyncSelect tests: a window that records the socket messages it gets, and
 * message loops that wait for them on the emulator's clock (a timer, never a sleep).
 */
final class AsyncSelectTestSupport {
  private AsyncSelectTestSupport() {}

  /** The message the tests register. */
  static final int WM_SOCKET = WM_USER + 1;
  /** A second message, for replacing registrations. */
  static final int WM_SOCKET2 = WM_USER + 2;
  /** How long a loop waits for expected messages before failing (emulator milliseconds). */
  static final int PATIENCE = 8000;

  private static final int TIMEOUT_TIMER = 0x7001;
  private static final int QUIET_TIMER = 0x7002;
  private static final int TICK_TIMER = 0x7003;
  /** How often {@link Recorder#pumpUntil} looks again without a message (emulator milliseconds). */
  static final int TICK = 10;
  private static final AtomicInteger CLASSES = new AtomicInteger();
  /** When the message being dispatched on this task's thread was posted. */
  private static final ThreadLocal<Integer> POSTED_AT = ThreadLocal.withInitial(() -> 0);

  /** "s FD_READ" for a message without error, "s FD_CONNECT WSAECONNREFUSED" with one. */
  static String ev(int s, int event) {
    return ev(s, event, 0);
  }

  /** As {@link #ev(int, int)}, with an error. */
  static String ev(int s, int event, int error) {
    return s + " " + WinsockNames.networkEvents(event) + (error == 0 ? "" : " " + ErrorNames.of(error));
  }

  /** A handler a recorder calls after recording a socket message: (socket, event, error). */
  @FunctionalInterface
  interface Reaction {
    void on(int s, int event, int error);
  }

  /**
   * A window of the calling task that records WM_SOCKET (as {@link #ev}) and WM_SOCKET2 (the same,
   * prefixed with "2: "), with the time each was posted and the task that dispatched it.
   */
  static final class Recorder {
    final User user;
    final int hwnd;
    private final List<String> messages = new ArrayList<>();
    private final List<Integer> times = new ArrayList<>();
    private final List<Integer> tasks = new ArrayList<>();
    private final List<List<Integer>> raw = new ArrayList<>();
    private Reaction reaction = (s, event, error) -> { };

    private Recorder(User user) {
      this.user = user;
      this.hwnd = Emus.window(user, "AsyncSelect" + CLASSES.incrementAndGet(), (h, m, w, l) -> {
        if (m == WM_SOCKET || m == WM_SOCKET2) {
          int event = WinSock.WSAGETSELECTEVENT(l);
          int error = WinSock.WSAGETSELECTERROR(l);
          messages.add((m == WM_SOCKET2 ? "2: " : "") + ev(w, event, error));
          times.add(POSTED_AT.get());
          tasks.add(user.GetCurrentTask());
          raw.add(List.of(h, m, w, l));
          reaction.on(w, event, error);
          return 0;
        }
        return user.DefWindowProc(h, m, w, l);
      });
    }

    /** A recorder window of the calling task. */
    static Recorder create(User user) {
      return new Recorder(user);
    }

    /** Calls {@code then} after recording each socket message (from the window procedure). */
    Recorder reacting(Reaction then) {
      this.reaction = then;
      return this;
    }

    /** What was recorded so far, in order. */
    List<String> messages() {
      return List.copyOf(messages);
    }

    /** When each recorded message was posted (GetTickCount). */
    List<Integer> times() {
      return List.copyOf(times);
    }

    /** The task that dispatched each recorded message. */
    List<Integer> tasks() {
      return List.copyOf(tasks);
    }

    /** Each recorded message as [hwnd, message, wParam, lParam]. */
    List<List<Integer>> raw() {
      return List.copyOf(raw);
    }

    /** Pumps the calling task's messages until {@code count} are recorded; fails after {@link #PATIENCE}. */
    List<String> await(int count) {
      pumpUntil(() -> messages.size() >= count, "waiting for " + count + " messages");
      return messages();
    }

    /**
     * Pumps until {@code done} holds, looking after every message and every {@link #TICK} ms (for
     * conditions no message announces); fails after {@link #PATIENCE}.
     */
    void pumpUntil(BooleanSupplier done, String what) {
      if (done.getAsBoolean()) {
        return;
      }
      assertEquals(TIMEOUT_TIMER, user.SetTimer(hwnd, TIMEOUT_TIMER, PATIENCE, null));
      assertEquals(TICK_TIMER, user.SetTimer(hwnd, TICK_TIMER, TICK, null));
      try {
        MSG msg = new MSG();
        while (!done.getAsBoolean()) {
          assertEquals(true, user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT");
          if (msg.message == WM_TIMER && msg.hwnd == hwnd && msg.wParam == TIMEOUT_TIMER) {
            throw new AssertionError(what + ": timed out with " + messages);
          }
          if (msg.message != WM_TIMER || msg.hwnd != hwnd || msg.wParam != TICK_TIMER) {
            dispatch(msg);
          }
        }
      } finally {
        user.KillTimer(hwnd, TIMEOUT_TIMER);
        user.KillTimer(hwnd, TICK_TIMER);
      }
    }

    /**
     * Pumps the calling task's messages for {@code millis} of the emulator's clock (a timer: posted
     * messages come first, so whatever was queued before it fired is dispatched); returns what was
     * recorded.
     */
    List<String> pumpFor(int millis) {
      assertEquals(QUIET_TIMER, user.SetTimer(hwnd, QUIET_TIMER, millis, null));
      try {
        MSG msg = new MSG();
        for (;;) {
          assertEquals(true, user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT");
          if (msg.message == WM_TIMER && msg.hwnd == hwnd && msg.wParam == QUIET_TIMER) {
            return messages();
          }
          dispatch(msg);
        }
      } finally {
        user.KillTimer(hwnd, QUIET_TIMER);
      }
    }

    private void dispatch(MSG msg) {
      POSTED_AT.set(msg.time);
      user.DispatchMessage(msg);
    }
  }

  /**
   * A network of two hosts 20 ms apart, "client" 10.0.0.1, where the tasks run, and "server"
   * 10.0.0.2, whose port 9 accepts each connection when its SYN arrives and then does nothing.
   */
  static SimulatedNetwork silentServer() {
    return server(connection -> () -> { });
  }

  /** As {@link #silentServer()}, but each connection sends "hello" after 100 ms and closes after 200 ms. */
  static SimulatedNetwork helloThenCloseServer() {
    return server(connection -> {
      connection.after(Duration.ofMillis(100), () -> connection.send(WinsockTestSupport.ascii("hello")));
      connection.after(Duration.ofMillis(200), connection::close);
      return () -> { };
    });
  }

  private static SimulatedNetwork server(org.wsemu.sim.Peer peer) {
    SimulatedNetwork net = SimulatedNetwork.builder().host("client", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(Duration.ofMillis(20))).build();
    net.listen("server", 9, peer);
    return net;
  }

  /** Pumps messages until FIONREAD on {@code s} reports {@code n} bytes. */
  static void awaitReadable(WinsockApi ws, Recorder rec, int s, int n) {
    IntRef readable = new IntRef();
    rec.pumpUntil(() -> ws.ioctlsocket(s, FIONREAD, readable) == 0 && readable.value >= n, n + " bytes");
    assertEquals(n, readable.value);
  }
}
