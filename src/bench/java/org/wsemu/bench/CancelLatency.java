package org.wsemu.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;

/**
 * Figure 5: a message posted from another thread, dispatched by the default hook during a
 * blocking recv, whose window procedure calls WSACancelBlockingCall: from the post until recv has
 * returned WSAEINTR. Baseline: a park/unpark round trip between two threads.
 */
final class CancelLatency {
  private CancelLatency() {}

  static List<Row> run(BenchMode mode) throws Exception {
    int n = mode.samples();
    Samples baseline = parkRoundTrips(n);
    Samples cancel = cancels(n);
    return List.of(
        Row.ratio("5a", "cancel latency p50 (post to WSAEINTR)", "us", cancel.percentileMicros(50),
            "park/unpark round trip", baseline.percentileMicros(50), false, 3.0),
        Row.absolute("5b", "cancel latency p99", "us", cancel.percentileMicros(99), "park/unpark round trip",
            baseline.percentileMicros(99), "-", true));
  }

  private static Samples cancels(int n) throws Exception {
    Samples samples = new Samples(n);
    AtomicLong posted = new AtomicLong();
    Semaphore ready = new Semaphore(0);
    int[] hwnd = new int[1];
    try (Loopback.Holder holder = new Loopback.Holder();
         Emulator emu = Loopback.emulator("cancel", SchedulingMode.WIN16).build()) {
      int port = holder.port();
      WinsockApi ws = emu.winsock();
      User user = emu.user();
      Task task = emu.createTask("canceller", () -> {
        Loopback.startup(ws);
        WNDCLASS wc = new WNDCLASS();
        wc.lpszClassName = "Cancel";
        wc.lpfnWndProc = (h, msg, wParam, lParam) -> {
          if (msg == WinUser.WM_USER) {
            ws.WSACancelBlockingCall();
          }
          return 0;
        };
        user.RegisterClass(wc);
        hwnd[0] = user.CreateWindow("Cancel", "", 0, 0, 0, 0, 0, 0, 0, 0, null);
        int s = Loopback.connect(ws, port);
        byte[] one = new byte[1];
        for (int i = 0; i < n / 5 + n; i++) {
          ready.release();
          int r = ws.recv(s, one, 1, 0);
          long end = System.nanoTime();
          if (r != WinSock.SOCKET_ERROR || ws.WSAGetLastError() != WinSock.WSAEINTR) {
            throw new IllegalStateException("recv: " + r + " error " + ws.WSAGetLastError());
          }
          if (i >= n / 5) {
            samples.add(end - posted.get());
          }
        }
        ready.release();
        return ws.closesocket(s);
      });
      emu.start();
      for (int i = 0; i < n / 5 + n; i++) {
        ready.acquire();
        posted.set(System.nanoTime());
        user.PostMessage(hwnd[0], WinUser.WM_USER, 0, 0);
      }
      ready.acquire();
      if (!task.join(Duration.ofMinutes(5))) {
        throw new IllegalStateException("cancel run did not finish");
      }
    }
    return samples;
  }

  /** Round trips of A unparking B and B unparking A back. */
  private static Samples parkRoundTrips(int n) throws InterruptedException {
    Samples samples = new Samples(n);
    AtomicLong turn = new AtomicLong(); // odd: B's turn, even: A's
    Thread a = Thread.currentThread();
    Thread b = Loopback.daemon("unparker", () -> {
      for (long expected = 1; ; expected += 2) {
        while (turn.get() != expected) {
          LockSupport.park();
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
        }
        turn.incrementAndGet();
        LockSupport.unpark(a);
      }
    });
    for (int i = 0; i < n / 5 + n; i++) {
      long start = System.nanoTime();
      long mine = turn.incrementAndGet() + 1;
      LockSupport.unpark(b);
      while (turn.get() != mine) {
        LockSupport.park();
      }
      if (i >= n / 5) {
        samples.add(System.nanoTime() - start);
      }
    }
    b.interrupt();
    return samples;
  }
}
