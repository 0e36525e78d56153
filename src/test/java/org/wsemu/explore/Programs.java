package org.wsemu.explore;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INADDR_LOOPBACK;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htonl;
import static org.wsemu.winsock.WinSock.htons;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.wsemu.Emulator;
import org.wsemu.task.TaskBody;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/** Small Win16 programs for the explorer's tests. Each call of a program has state of its own. */
final class Programs {
  private static final sockaddr_in LOCAL_7000 = new sockaddr_in(htons(7000), htonl(INADDR_LOOPBACK));

  private Programs() {}

  /**
   * A lost update: "a" reads a counter, yields, writes it back plus one; "b" yields first, then does
   * the same; a third task, "noise", yields six times. In the emulator's own order "a" finishes its
   * update while "b" yields, so the counter ends at 2; in an order where both read before either
   * writes, it ends at 1.
   */
  static ScheduledProgram lostUpdate() {
    return builder -> {
      AtomicInteger counter = new AtomicInteger();
      try (Emulator emu = builder.build()) {
        emu.createTask("a", () -> {
          int v = counter.get();
          emu.user().Yield();
          counter.set(v + 1);
          return 0;
        });
        emu.createTask("b", () -> {
          emu.user().Yield();
          int v = counter.get();
          emu.user().Yield();
          counter.set(v + 1);
          return 0;
        });
        emu.createTask("noise", () -> {
          for (int i = 0; i < 6; i++) {
            emu.user().Yield();
          }
          return 0;
        });
        runToEnd(emu);
      }
      if (counter.get() != 2) {
        throw new AssertionError("lost update: counter " + counter.get());
      }
    };
  }

  /** Tasks named {@code names} each note their name, yield, and note it again; {@code orders} gets the order. */
  static ScheduledProgram yielders(List<String> orders, String... names) {
    return builder -> {
      List<String> order = Collections.synchronizedList(new ArrayList<>());
      try (Emulator emu = builder.build()) {
        for (String name : names) {
          emu.createTask(name, () -> {
            order.add(name + "1");
            emu.user().Yield();
            order.add(name + "2");
            return 0;
          });
        }
        runToEnd(emu);
      }
      orders.add(String.join(" ", order));
    };
  }

  /**
   * A server that assumes its clients connect in the order they were started: it listens on port
   * 7000, accepts two connections and expects the first to say "alpha". Clients "alpha" and
   * "beta" (created in that order) wait for the server to listen, connect and send their names. In
   * the emulator's own order alpha connects first; in an order where beta's connect runs first, the
   * server reads "beta" first.
   */
  static ScheduledProgram connectionOrder() {
    return builder -> {
      List<String> received = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger listening = new AtomicInteger();
      try (Emulator emu = builder.build()) {
        WinsockApi ws = emu.winsock();
        emu.createTask("server", task(ws, () -> {
          int listener = ws.socket(AF_INET, SOCK_STREAM, 0);
          check(ws.bind(listener, LOCAL_7000, sockaddr_in.SIZE) == 0, "bind");
          check(ws.listen(listener, 5) == 0, "listen");
          listening.set(1);
          for (int i = 0; i < 2; i++) {
            int s = ws.accept(listener, null, null);
            byte[] buf = new byte[16];
            int n = ws.recv(s, buf, buf.length, 0);
            received.add(new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII));
            ws.closesocket(s);
          }
          ws.closesocket(listener);
        }));
        for (String name : List.of("alpha", "beta")) {
          emu.createTask(name, task(ws, () -> {
            while (listening.get() == 0) {
              emu.user().Yield();
            }
            int s = ws.socket(AF_INET, SOCK_STREAM, 0);
            check(ws.connect(s, LOCAL_7000, sockaddr_in.SIZE) == 0, "connect");
            check(ws.send(s, name.getBytes(StandardCharsets.US_ASCII), name.length(), 0) == name.length(), "send");
            ws.closesocket(s);
          }));
        }
        runToEnd(emu);
      }
      if (!received.equals(List.of("alpha", "beta"))) {
        throw new AssertionError("the server read " + received);
      }
    };
  }

  /**
   * Tasks "a", "b" and "c" as {@link #yielders}, failing only when they ran in {@code forbidden}
   * order (for example {@code "c1 b1 a2 c2 b2 a2"}): a bug that few schedules hit.
   */
  static ScheduledProgram failsOnOrder(String forbidden) {
    return builder -> {
      List<String> orders = new ArrayList<>();
      yielders(orders, "a", "b", "c").run(builder);
      String order = orders.get(0);
      if (order.equals(forbidden)) {
        throw new AssertionError("the forbidden order: " + order);
      }
    };
  }

  /**
   * Six tasks, "t0" to "t5" (created in that order), each noting its name and yielding; the first
   * choice of the schedule picks which runs first (option i: "ti"). It fails with an AssertionError
   * when "t3" or a later one runs first, so the smallest failing schedule is the single choice 3;
   * with {@code earlyBug}, also with an IllegalStateException when "t1" or "t2" runs first.
   */
  static ScheduledProgram lateStarter(boolean earlyBug) {
    return builder -> {
      int first = sixStarters(builder).get(0);
      if (first >= 3) {
        throw new AssertionError("t" + first + " ran first");
      }
      if (first >= 1 && earlyBug) {
        throw new IllegalStateException("t" + first + " ran first");
      }
    };
  }

  /**
   * The six tasks of {@link #lateStarter}; fails when "t4" or "t5" is one of the first two to run.
   * The first two choices pick them: option i of the first runs "ti" first, option j of the second
   * the j-th of the others after it in creation order, wrapping. So choices 2 and 2 (t2, then t5)
   * fail, as do choices 1 and 2 (t1, then t4) and the single choice 3 (t3, then t4 by the rule);
   * the single choices 1 and 2 pass.
   */
  static ScheduledProgram lateInFirstTwo() {
    return builder -> {
      List<Integer> order = sixStarters(builder);
      if (order.subList(0, 2).stream().anyMatch(t -> t >= 4)) {
        throw new AssertionError("t" + order.get(0) + " and t" + order.get(1) + " ran first");
      }
    };
  }

  /** Runs tasks "t0" to "t5", each noting its number and yielding; the numbers in the order they ran. */
  private static List<Integer> sixStarters(org.wsemu.Emulator.Builder builder) throws Exception {
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = builder.build()) {
      for (int i = 0; i < 6; i++) {
        int number = i;
        emu.createTask("t" + i, () -> {
          order.add(number);
          emu.user().Yield();
          return 0;
        });
      }
      runToEnd(emu);
    }
    return List.copyOf(order);
  }

  /** A program whose only task waits for a message that never comes. */
  static ScheduledProgram hangs() {
    return builder -> {
      try (Emulator emu = builder.build()) {
        emu.createTask("waiter", () -> {
          emu.user().WaitMessage();
          return 0;
        });
        emu.start();
        emu.awaitTasks(Duration.ofMinutes(10));
      }
    };
  }

  /** A task body with WSAStartup and WSACleanup around {@code body}. */
  private static TaskBody task(WinsockApi ws, ThrowingRunnable body) {
    return () -> {
      check(ws.WSAStartup(0x0101, new WSADATA()) == 0, "WSAStartup");
      try {
        body.run();
      } finally {
        ws.WSACleanup();
      }
      return 0;
    };
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what + " failed");
    }
  }

  private static void runToEnd(Emulator emu) throws InterruptedException {
    emu.start();
    if (!emu.awaitTasks(Duration.ofSeconds(20))) {
      throw new AssertionError("tasks still running");
    }
  }
}
