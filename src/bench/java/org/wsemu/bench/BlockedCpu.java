package org.wsemu.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.winsock.WinsockApi;

/**
 * Figure 4: the CPU time of a Win16 task blocked in recv with the default hook and no traffic,
 * counting every thread of its emulator (task, selector, timer), as a share of one core; the
 * baseline is a plain thread blocked in a socket read.
 */
final class BlockedCpu {
  private BlockedCpu() {}

  static List<Row> run(BenchMode mode) throws Exception {
    long millis = mode.idleSeconds() * 1000L;
    double raw = rawShare(millis);
    double emulated = emulatedShare(millis);
    return List.of(Row.absolute("4", "CPU of a task blocked " + mode.idleSeconds() + " s in recv", "% of a core",
        emulated, "thread blocked in read", raw, "< 1 %", emulated < 1.0));
  }

  private static double emulatedShare(long millis) throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    try (Loopback.Holder holder = new Loopback.Holder();
         Emulator emu = Loopback.emulator("idle", SchedulingMode.WIN16)
             .traceSink(Loopback.countBlocks("recv", blocked)).build()) {
      int port = holder.port();
      WinsockApi ws = emu.winsock();
      emu.createTask("idle", () -> {
        Loopback.startup(ws);
        int s = Loopback.connect(ws, port);
        return ws.recv(s, new byte[1], 1, 0);
      });
      emu.start();
      blocked.await();
      return share("wsemu-idle-", millis);
    }
  }

  private static double rawShare(long millis) throws Exception {
    try (Loopback.Holder holder = new Loopback.Holder();
         Socket socket = new Socket("127.0.0.1", holder.port())) {
      Loopback.daemon("raw-idle-reader", () -> {
        try {
          InputStream in = socket.getInputStream();
          in.read();
        } catch (Exception e) {
          // closed
        }
      });
      return share("raw-idle-", millis);
    }
  }

  /** CPU time of the threads named {@code prefix}... over {@code millis}, in % of one core. */
  private static double share(String prefix, long millis) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = cpu(threads, prefix);
    long start = System.nanoTime();
    Thread.sleep(millis); // the measured interval itself, not synchronisation
    long used = cpu(threads, prefix) - before;
    return 100.0 * used / (System.nanoTime() - start);
  }

  private static long cpu(ThreadMXBean threads, String prefix) {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix)) {
        long time = threads.getThreadCpuTime(thread.getId());
        total += Math.max(0, time);
      }
    }
    return total;
  }
}
