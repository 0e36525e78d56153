package org.wsemu.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.WinsockApi;

/**
 * Figure 3: messages posted from another thread and dispatched to a window procedure while the
 * task is blocked in recv (the default hook dispatches them), against a LinkedBlockingQueue
 * hand-off between the same two threads. One operation is one message; the benchmark thread posts
 * {@link #BATCH} and waits until the last was handled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DispatchBench {
  static final int BATCH = 1000;

  @Param({"wsemu", "queue"})
  public String impl;

  private final Semaphore handled = new Semaphore(0);
  private Emulator emu;
  private Loopback.Holder holder;
  private volatile int hwnd;
  private LinkedBlockingQueue<Integer> queue;
  private Thread consumer;

  @Setup
  public void setup() throws Exception {
    if (impl.equals("queue")) {
      queue = new LinkedBlockingQueue<>();
      consumer = Loopback.daemon("queue-consumer", () -> {
        int count = 0;
        try {
          for (;;) {
            queue.take();
            if (++count % BATCH == 0) {
              handled.release();
            }
          }
        } catch (InterruptedException e) {
          // stopped
        }
      });
      return;
    }
    holder = new Loopback.Holder();
    int port = holder.port();
    emu = Loopback.emulator("dispatch", SchedulingMode.WIN16).build();
    WinsockApi ws = emu.winsock();
    User user = emu.user();
    CountDownLatch ready = new CountDownLatch(1);
    emu.createTask("blocked", () -> {
      Loopback.startup(ws);
      int[] count = {0};
      WNDCLASS wc = new WNDCLASS();
      wc.lpszClassName = "Counter";
      wc.lpfnWndProc = (h, msg, wParam, lParam) -> {
        if (msg == WinUser.WM_USER && ++count[0] % BATCH == 0) {
          handled.release();
        }
        return 0;
      };
      user.RegisterClass(wc);
      hwnd = user.CreateWindow("Counter", "", 0, 0, 0, 0, 0, 0, 0, 0, null);
      int s = Loopback.connect(ws, port);
      ready.countDown();
      return ws.recv(s, new byte[1], 1, 0); // blocked for good: the default hook dispatches
    });
    emu.start();
    ready.await();
  }

  @TearDown
  public void tearDown() throws Exception {
    if (emu != null) {
      emu.close();
      holder.close();
    } else {
      consumer.interrupt();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void dispatch() throws InterruptedException {
    if (queue != null) {
      for (int i = 0; i < BATCH; i++) {
        queue.offer(i);
      }
    } else {
      User user = emu.user();
      for (int i = 0; i < BATCH; i++) {
        while (!user.PostMessage(hwnd, WinUser.WM_USER, i, 0)) {
          Thread.onSpinWait(); // the queue is full (never with a batch under the limit)
        }
      }
    }
    handled.acquire();
  }
}
