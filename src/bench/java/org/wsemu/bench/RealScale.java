package org.wsemu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.winsock.WinsockApi;

/**
 * Figure 6: thousands of Win16 tasks blocked in recv at once on real loopback connections, then
 * all released by one byte each: the time to block them all, the time to release them all, and the
 * heap each costs while blocked (thread stacks are outside the heap; see docs/performance.md).
 */
final class RealScale {
  private RealScale() {}

  static List<Row> run(BenchMode mode) throws Exception {
    int n = mode.realTasks();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    CountDownLatch blocked = new CountDownLatch(n);
    try (Loopback.Holder holder = new Loopback.Holder();
         Emulator emu = Loopback.emulator("scale", SchedulingMode.WIN16)
             .traceSink(Loopback.countBlocks("recv", blocked)).build()) {
      int port = holder.port();
      WinsockApi ws = emu.winsock();
      long heapBefore = usedHeap(memory);
      long start = System.nanoTime();
      AtomicInteger failed = new AtomicInteger();
      for (int i = 0; i < n; i++) {
        emu.createTask("t" + i, () -> {
          Loopback.startup(ws);
          int s = Loopback.connect(ws, port);
          int r = ws.recv(s, new byte[1], 1, 0);
          ws.closesocket(s);
          ws.WSACleanup();
          if (r != 1) {
            failed.incrementAndGet();
          }
          return r == 1 ? 0 : 1;
        });
      }
      emu.start();
      if (!blocked.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("not all tasks blocked");
      }
      double blockMillis = (System.nanoTime() - start) / 1e6;
      long heapBlocked = usedHeap(memory);
      start = System.nanoTime();
      holder.releaseAll();
      if (!emu.awaitTasks(Duration.ofMinutes(10))) {
        throw new IllegalStateException("not all tasks finished");
      }
      double releaseMillis = (System.nanoTime() - start) / 1e6;
      double kibPerTask = (heapBlocked - heapBefore) / 1024.0 / n;
      return List.of(
          Row.absolute("6a", n + " tasks blocked in recv: time to block all", "ms", blockMillis, "-", Double.NaN,
              "all complete", failed.get() == 0),
          Row.absolute("6b", n + " tasks: time to release all", "ms", releaseMillis, "-", Double.NaN,
              "all complete", failed.get() == 0),
          Row.absolute("6c", "heap per blocked task", "KiB", kibPerTask, "-", Double.NaN, "< 256 KiB",
              kibPerTask < 256));
    }
  }

  static long usedHeap(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50); // lets the collector finish before reading the heap, not synchronisation
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
