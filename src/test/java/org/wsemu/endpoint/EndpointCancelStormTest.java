package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.CommErrors.TACCESS;
import static org.wsemu.endpoint.CommErrors.kCommErrNotConnected;
import static org.wsemu.endpoint.CommErrors.kCommErrRequestCanceled;
import static org.wsemu.user.WinUser.WM_TIMER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.Peer;
import org.wsemu.sim.Peers;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * A cancel storm: fifty endpoints on the simulated network, owned by five tasks, each task making
 * requests drawn from a seed (asynchronous and synchronous Outputs and Inputs with and without
 * time-outs, Cancels and Disconnects in both styles, reconnections, Disposes in the middle of an
 * asynchronous cancel), its CompletionScripts making more requests while cancels run. Every request
 * completes exactly once: a CompletionScript call, a return, or an exception; none twice, none
 * missing, and all of an endpoint's before its Dispose returns. In Win16 mode on the virtual clock the
 * storm repeats exactly with the same seed; in Win32 mode it runs preemptively, for races.
 */
class EndpointCancelStormTest {
  private static final int TASKS = 5;
  private static final int ENDPOINTS_PER_TASK = 10;
  private static final int STEPS = 150;
  private static final int ECHO_PORT = 7;
  private static final int SILENT_PORT = 9;

  @Test
  @Timeout(60)
  void everyRequestCompletesExactlyOnceAndTheStormRepeatsWithItsSeed() throws Exception {
    Storm first = storm(SchedulingMode.WIN16, 12);
    Storm again = storm(SchedulingMode.WIN16, 12);

    first.assertEveryRequestCompletedOnce();
    assertEquals(first.events, again.events, "the same seed, the same storm");
    assertEquals(first.cancels, again.cancels);
    // every way a cancel begins: Cancel, Disconnect and Dispose, time-outs, in both styles
    assertEquals(List.of("request async Cancel", "request async Disconnect", "request sync Cancel", "request sync Dispose",
        "timeout async Input", "timeout sync Input"), List.copyOf(first.cancelKinds().keySet()));
    Map<Integer, Integer> results = first.results();
    assertTrue(results.getOrDefault(0, 0) > 50, results.toString());
    assertTrue(results.getOrDefault(kCommErrRequestCanceled, 0) > 50, results.toString());
    assertTrue(results.getOrDefault(TACCESS, 0) > 0, "requests made during a cancel: " + results);
    assertTrue(results.getOrDefault(kCommErrNotConnected, 0) > 0, "requests after a Disconnect: " + results);
    assertTrue(first.issued() > TASKS * STEPS, "the scripts made requests too: " + first.issued());
  }

  @Test
  @Timeout(60)
  void anotherSeedIsAnotherStorm() throws Exception {
    Storm one = storm(SchedulingMode.WIN16, 12);
    Storm other = storm(SchedulingMode.WIN16, 13);

    other.assertEveryRequestCompletedOnce();
    assertNotEquals(one.events, other.events);
  }

  @Test
  @Timeout(60)
  void inWin32ModeEveryRequestCompletesExactlyOnceToo() throws Exception {
    Storm storm = storm(SchedulingMode.WIN32, 7);

    storm.assertEveryRequestCompletedOnce();
    Map<Integer, Integer> results = storm.results();
    assertTrue(results.getOrDefault(kCommErrRequestCanceled, 0) > 0, results.toString());
  }

  // ---- the storm ----

  /** What a storm did: every request's completions, and every completion in order. */
  private record Storm(Map<Integer, AtomicInteger> completions, List<String> events, List<String> cancels) {
    int issued() {
      return completions.size();
    }

    void assertEveryRequestCompletedOnce() {
      Map<Integer, Integer> wrong = new TreeMap<>();
      completions.forEach((id, count) -> {
        if (count.get() != 1) {
          wrong.put(id, count.get());
        }
      });
      assertEquals(Map.of(), wrong, "requests completed other than once (id=count) of " + issued());
      assertEquals(issued(), events.size());
    }

    /** What began the cancels, as "why style request" (timeout async Input...), and how many times. */
    Map<String, Integer> cancelKinds() {
      Map<String, Integer> counts = new TreeMap<>();
      for (String cancel : cancels) {
        counts.merge(cancel, 1, Integer::sum);
      }
      return counts;
    }

    /** How many completions had each result code. */
    Map<Integer, Integer> results() {
      Map<Integer, Integer> counts = new TreeMap<>();
      for (String event : events) {
        counts.merge(Integer.parseInt(event.substring(event.lastIndexOf(' ') + 1)), 1, Integer::sum);
      }
      return counts;
    }
  }

  private static Storm storm(SchedulingMode mode, long seed) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(seed).build();
    net.listen(net.defaultHost(), ECHO_PORT, delayedEcho(seed));
    net.listen(net.defaultHost(), SILENT_PORT, Peers.silent());
    Ledger ledger = new Ledger();
    TraceRecorder trace = new TraceRecorder();
    Clock clock = mode == SchedulingMode.WIN16 ? Clock.virtual() : Clock.system();
    try (Emulator emu = Emus.builder(mode).clock(clock).network(net).traceSink(trace).build()) {
      List<Task> tasks = new ArrayList<>();
      for (int t = 0; t < TASKS; t++) {
        StormTask body = new StormTask(emu, ledger, new Random(seed * 31 + t), "storm" + t);
        tasks.add(emu.createTask("storm" + t, body::run));
      }
      emu.start();
      for (Task task : tasks) {
        assertEquals(0, Emus.join(task));
      }
    }
    List<String> cancels = trace.events(e -> e.kind() == TraceKind.NOTE && e.name().equals("EndpointCancel")).stream()
        .map(e -> e.field("why") + " " + e.field("style") + " " + String.valueOf(e.field("by")).replaceAll("#\\d+", ""))
        .toList();
    return new Storm(Map.copyOf(ledger.completions), List.copyOf(ledger.events), cancels);
  }

  /** An echo that answers each piece after a delay drawn from the seed (0 to 40 ms). */
  private static Peer delayedEcho(long seed) {
    AtomicInteger accepted = new AtomicInteger();
    return connection -> {
      Random random = new Random(seed * 1_000 + accepted.getAndIncrement());
      return () -> {
        byte[] buf = new byte[2048];
        int n;
        while ((n = connection.read(buf, 0, buf.length)) > 0) {
          byte[] piece = java.util.Arrays.copyOf(buf, n);
          connection.after(Duration.ofMillis(random.nextInt(41)), () -> connection.send(piece));
        }
        if (n == 0) {
          connection.close();
        }
      };
    };
  }

  /** Every request made, and how often each completed; thread-safe (scripts of several tasks). */
  private static final class Ledger {
    final Map<Integer, AtomicInteger> completions = new ConcurrentHashMap<>();
    final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextId = new AtomicInteger();

    int issue() {
      int id = nextId.incrementAndGet();
      completions.put(id, new AtomicInteger());
      return id;
    }

    void complete(int id, String what, int result) {
      completions.get(id).incrementAndGet();
      events.add(id + " " + what + " " + result);
    }
  }

  /** One task of the storm: its endpoints and its seeded choices; everything runs on the task. */
  private static final class StormTask {
    private final Emulator emu;
    private final Ledger ledger;
    private final Random random;
    private final String className;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Map<Endpoint, List<Integer>> requests = new IdentityHashMap<>(); // made by this task, per endpoint
    private User user;
    private int hwnd;

    StormTask(Emulator emu, Ledger ledger, Random random, String className) {
      this.emu = emu;
      this.ledger = ledger;
      this.random = random;
      this.className = className;
    }

    int run() {
      user = emu.user();
      WinsockApi ws = emu.winsock();
      hwnd = Emus.window(user, className, user::DefWindowProc);
      for (int i = 0; i < ENDPOINTS_PER_TASK; i++) {
        endpoints.add(Endpoint.Instantiate(ws, user, emu.trace()));
        ports.add(i % 3 == 0 ? SILENT_PORT : ECHO_PORT);
        connect(i);
      }
      for (int step = 0; step < STEPS; step++) {
        int i = random.nextInt(endpoints.size());
        act(i, endpoints.get(i));
      }
      pump(100);
      for (Endpoint ep : endpoints) {
        ep.Dispose();                                       // completes what is still pending
      }
      assertCompletedOnce(requests.keySet(), "after Dispose");
      pump(50);
      assertCompletedOnce(requests.keySet(), "and nothing after it");
      user.DestroyWindow(hwnd);
      return 0;
    }

    private void act(int i, Endpoint ep) {
      if (ep.State() == EndpointState.DISCONNECTED && random.nextBoolean()) {
        sync(ep, "UnBind", () -> ep.UnBind(null));              // and connect again
        connect(i);
        return;
      }
      int choice = random.nextInt(100);
      if (choice < 25) {
        int id = issue(ep);
        ep.Output(new byte[1 + random.nextInt(4000)], async(id, "Output", timeout()));
      } else if (choice < 50) {
        int id = issue(ep);
        ep.Input(InputSpec.byteCount(1 + random.nextInt(300)), async(id, "Input", timeout()));
      } else if (choice < 57) {
        sync(ep, "Input", () -> ep.Input(InputSpec.byteCount(1 + random.nextInt(100)),
            CallbackSpec.sync().withTimeout(5 + random.nextInt(56))));
      } else if (choice < 61) {
        sync(ep, "Output", () -> ep.Output(new byte[1 + random.nextInt(200)], CallbackSpec.sync().withTimeout(50)));
      } else if (choice < 71) {
        int id = issue(ep);
        ep.Cancel(async(id, "Cancel", 0));
      } else if (choice < 75) {
        sync(ep, "Cancel", () -> ep.Cancel(null));
      } else if (choice < 80) {
        int id = issue(ep);
        ep.Disconnect(true, async(id, "Disconnect", 0));
      } else if (choice < 84) {
        if (random.nextBoolean()) {
          int id = issue(ep);
          ep.Cancel(async(id, "Cancel", 0));                 // Dispose during an asynchronous cancel
        }
        ep.Dispose();
        assertCompletedOnce(List.of(ep), "after a Dispose in the storm");
        endpoints.set(i, Endpoint.Instantiate(emu.winsock(), user, emu.trace()));
        connect(i);
      } else {
        pump(1 + random.nextInt(30));
      }
    }

    private int issue(Endpoint ep) {
      int id = ledger.issue();
      requests.computeIfAbsent(ep, e -> new ArrayList<>()).add(id);
      return id;
    }

    private void assertCompletedOnce(Collection<Endpoint> eps, String when) {
      List<String> wrong = new ArrayList<>();
      for (int id : eps.stream().flatMap(ep -> requests.getOrDefault(ep, List.of()).stream()).toList()) {
        int count = ledger.completions.get(id).get();
        if (count != 1) {
          wrong.add(id + "=" + count);
        }
      }
      if (!wrong.isEmpty()) {
        throw new AssertionError(className + ": requests completed other than once " + when + ": " + wrong);
      }
    }

    /** An asynchronous spec whose script records the completion, and now and then makes another request. */
    private CallbackSpec async(int id, String what, int timeout) {
      return CallbackSpec.async((ep, data, result) -> {
        ledger.complete(id, what, result);
        if (result == kCommErrRequestCanceled && random.nextInt(3) == 0) {
          int next = issue(ep);                             // during a cancel: TACCESS
          ep.Output(new byte[] {1, 2, 3}, CallbackSpec.async((e, d, r) -> ledger.complete(next, "Output from a script", r)));
        }
      }).withTimeout(timeout);
    }

    /** 0 (none) half of the time, else 5 to 60 ms. */
    private int timeout() {
      return random.nextBoolean() ? 0 : 5 + random.nextInt(56);
    }

    private void connect(int i) {
      Endpoint ep = endpoints.get(i);
      sync(ep, "Bind", () -> ep.Bind(null, null));
      sockaddr_in sin = new sockaddr_in();
      sin.sin_family = WinSock.AF_INET;
      sin.sin_port = WinSock.htons(ports.get(i));
      sin.sin_addr.s_addr = WinSock.inet_addr("127.0.0.1");
      sync(ep, "Connect", () -> ep.Connect(sin, CallbackSpec.sync().withTimeout(1_000)));
    }

    /** A synchronous request: its return or its exception is its one completion. */
    private void sync(Endpoint ep, String what, Runnable request) {
      int id = issue(ep);
      int result = 0;
      try {
        request.run();
      } catch (EndpointException e) {
        result = e.error();
      }
      ledger.complete(id, what + " (sync)", result);
    }

    /** Dispatches the task's messages for {@code millis}: the scripts run in here. */
    private void pump(int millis) {
      user.SetTimer(hwnd, 1, Math.max(10, millis), null);
      MSG msg = new MSG();
      while (user.GetMessage(msg, 0, 0, 0) != 0) {
        if (msg.message == WM_TIMER && msg.hwnd == hwnd) {
          user.KillTimer(hwnd, 1);
          return;
        }
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
      throw new IllegalStateException("WM_QUIT during the storm");
    }
  }
}
