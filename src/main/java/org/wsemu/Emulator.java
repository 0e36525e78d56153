package org.wsemu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.kernel.RuleChecks;
import org.wsemu.net.NetworkFactory;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.NestingLimitException;
import org.wsemu.task.OpenResources;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.task.TaskTerminatedException;
import org.wsemu.time.Clock;
import org.wsemu.trace.Slf4jTraceSink;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceSink;
import org.wsemu.user.User;
import org.wsemu.user.UserWiring;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.WinsockConfig;
import org.wsemu.winsock.WinsockWiring;

/**
 * One emulated Windows machine: its tasks, windows, timers, clock, scheduler and trace. Nothing is
 * shared between emulators, so many may run in one JVM.
 *
 * <pre>{@code
 * try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).build()) {
 *   User user = emu.user();
 *   Task app = emu.createTask("app", () -> { ... return 0; });
 *   emu.start();
 *   app.join(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Lifecycle: a built emulator runs nothing until {@link #start()}, so that every task created
 * before it takes part in a deterministic Win16 run from the first instant. Tasks created later
 * (by a task, or by any thread) run as soon as the scheduler lets them. {@link #close()} shuts the
 * emulator down: every message loop unwinds, innermost first, and every thread it started ends.
 *
 * <p>Threading: every method may be called from any thread, except that {@link #close()} must not
 * be called from one of the emulator's own tasks.
 */
public final class Emulator implements AutoCloseable {
  /**
   * Told of every emulator as it is built, on the building thread; {@code null}, the default, for
   * nobody. A seam for the test suite's leak check, which sets it from a test class of this package.
   */
  static volatile Consumer<Emulator> buildListener;

  private final Kernel kernel;
  private final User user;
  private final WinsockApi winsock;

  private final boolean failOnViolation;

  private Emulator(Kernel kernel, User user, WinsockApi winsock, boolean failOnViolation) {
    this.kernel = kernel;
    this.user = user;
    this.winsock = winsock;
    this.failOnViolation = failOnViolation;
  }

  /** A builder with the defaults: Win16, virtual clock, platform daemon threads. */
  public static Builder builder() {
    return new Builder();
  }

  /** The USER functions (PostMessage, GetMessage, CreateWindow...) for this emulator's tasks. */
  public User user() {
    return user;
  }

  /** The Windows Sockets functions (WSAStartup, socket, recv...) for this emulator's tasks. */
  public WinsockApi winsock() {
    return winsock;
  }

  /** The trace stream; add sinks here or in the builder. */
  public Trace trace() {
    return kernel.trace();
  }

  /** The scheduling mode chosen at build time. */
  public SchedulingMode mode() {
    return kernel.mode();
  }

  /** The clock. */
  public Clock clock() {
    return kernel.clock();
  }

  /** The emulator's name (used in thread names and messages). */
  public String name() {
    return kernel.config().name();
  }

  /**
   * Creates a task that runs {@code body} on its own thread.
   *
   * @param name a name for traces and the thread
   * @throws IllegalStateException if the emulator is shut down or no task handle is free
   */
  public Task createTask(String name, TaskBody body) {
    return kernel.createTask(name, body);
  }

  /** The live task with handle {@code hTask}, or {@code null}. */
  public Task task(int hTask) {
    return kernel.task(hTask);
  }

  /** The live tasks, in handle order. */
  public List<Task> tasks() {
    return new ArrayList<>(kernel.tasks());
  }

  /**
   * Lets the tasks run. Calling it again does nothing.
   *
   * @throws IllegalStateException if the emulator was shut down
   */
  public void start() {
    kernel.start();
  }

  /**
   * Waits until every task has finished, the tasks that tasks start meanwhile included. A task has
   * finished when its thread has left the emulator: after its body returned, its exit also hands
   * the processor on and, in Win16 mode with a virtual clock, runs what falls due meanwhile (a
   * peer's answer to the task's last close, say), so a trace recorded up to {@link #close()} is the
   * same from run to run.
   *
   * @return whether they all finished within the timeout
   * @throws InterruptedException if the calling thread is interrupted
   */
  public boolean awaitTasks(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (List<KernelTask> unfinished = kernel.unfinishedTasks(); !unfinished.isEmpty();
        unfinished = kernel.unfinishedTasks()) {
      for (KernelTask task : unfinished) {
        long remaining = deadline - System.nanoTime();
        if (!task.join(Duration.ofNanos(Math.max(0, remaining)))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * What this emulator holds now: the live threads it started (its tasks, the timer thread, the
   * real network's selector thread), its pending timers, and its network's open sockets and
   * selectors. After {@link #close()} it is {@link OpenResources#isEmpty() empty}; anything left
   * is a leak. A snapshot, from any thread.
   */
  public OpenResources openResources() {
    return kernel.openResources();
  }

  /**
   * Shuts down: every task unwinds (each message loop level gets WM_QUIT, innermost first); tasks
   * still running after the grace period are forced out with {@link TaskTerminatedException};
   * then the timer thread stops.
   *
   * @return whether every task thread ended
   * @throws IllegalStateException if called from one of this emulator's tasks
   */
  public boolean shutdown() {
    return kernel.shutdown();
  }

  /** Whether {@link #shutdown()} has run to its end: nothing runs on this emulator any more. */
  public boolean isShutDown() {
    return kernel.isShutDown();
  }

  /**
   * {@link #shutdown()}, failing loudly if a task thread could not be stopped.
   *
   * @throws IllegalStateException if a task thread is still alive, or if called from a task
   */
  @Override
  public void close() {
    if (!shutdown()) {
      throw new IllegalStateException("emulator " + name() + ": some task threads did not stop; see the log");
    }
    if (failOnViolation) {
      List<Violation> found = violations();
      if (!found.isEmpty()) {
        throw new RuleViolationException(name(), found);
      }
    }
  }

  /**
   * The rule violations found so far in checked mode ({@link Builder#checked(boolean)}), in
   * {@code seq} order; empty when checked mode is off. A snapshot; any thread.
   */
  public List<Violation> violations() {
    List<Violation> all = new ArrayList<>();
    for (RuleChecks.Found f : kernel.rules().found()) {
      all.add(new Violation(f.rule(), f.seq(), f.time(), f.task(), f.function(), f.detail()));
    }
    return List.copyOf(all);
  }

  /**
   * How many violations of each rule were found so far, the rules in the order first seen; empty
   * when checked mode is off or nothing was broken. A snapshot; any thread.
   */
  public Map<String, Integer> violationSummary() {
    return Collections.unmodifiableMap(kernel.rules().summary());
  }

  @Override
  public String toString() {
    return "Emulator(" + name() + ", " + mode() + ")";
  }

  /**
   * Settings of a new emulator; all have defaults. Conflicting settings are rejected by
   * {@link #build()}.
   *
   * <p>Not thread-safe; use it on one thread.
   */
  public static final class Builder {
    private String name;
    private SchedulingMode mode = SchedulingMode.WIN16;
    private Clock clock;
    private ThreadFactory threadFactory;
    private int maxNestingDepth = 64;
    private int postedMessageLimit = 10_000;
    private Duration yieldQuantum = Duration.ofMillis(1);
    private CallbackExceptionHandler exceptionHandler = CallbackExceptionHandler.logAndContinue();
    private Duration shutdownGrace = Duration.ofSeconds(5);
    private boolean checked;
    private boolean failOnViolation;
    private boolean slf4jTrace;
    private ChoiceSource choices = ChoiceSource.none();
    private final List<TraceSink> sinks = new ArrayList<>();
    private NetworkFactory network;
    private boolean networkChosen;
    private String hostName = WinsockConfig.defaults().hostName();
    private final List<WinsockConfig.Host> hosts = new ArrayList<>();
    private Duration lookupLatency = WinsockConfig.defaults().lookupLatency();
    private Duration hookRepollInterval = WinsockConfig.defaults().hookRepollInterval();
    private boolean repostQuitFromDefaultHook;
    private int maxSockets = WinsockConfig.defaults().maxSockets();
    private int maxAsyncRequests = WinsockConfig.defaults().maxAsyncRequests();

    private Builder() {}

    /** The emulator's name, for thread names and messages; default: a per-instance hex id. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Cooperative Win16 (the default) or preemptive Win32. */
    public Builder mode(SchedulingMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The clock; default {@link Clock#virtual()} in Win16 mode, {@link Clock#system()} in Win32
     * mode. Win16 with a real clock is allowed (the real network needs it); Win32 with a virtual
     * clock is not.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Makes the task threads; default: virtual threads on JDK 24 and later, platform daemon
     * threads before (docs/performance.md says why), or as the system property
     * {@code wsemu.taskThreads} says ({@code platform} or {@code virtual}). On JDK 21 to 23 a
     * virtual-thread factory ({@code Thread.ofVirtual().factory()}) works too, for programs that
     * never wait while holding a monitor.
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * How deeply callbacks may nest in one task (a window procedure dispatching a message whose
     * procedure dispatches another...) before {@link NestingLimitException}; default 64.
     *
     * @throws IllegalArgumentException if {@code depth < 1}
     */
    public Builder maxNestingDepth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("depth < 1: " + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /**
     * How many posted messages a task's queue holds before PostMessage returns FALSE; default
     * 10,000, Windows' documented default.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public Builder postedMessageLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit < 1: " + limit);
      }
      this.postedMessageLimit = limit;
      return this;
    }

    /**
     * Virtual time that passes when a task yields (Yield, PeekMessage finding nothing) and no other
     * task can run, so that a program polling GetTickCount makes progress; default 1 ms.
     *
     * @throws IllegalArgumentException if {@code quantum} is shorter than 1 ms
     */
    public Builder yieldQuantum(Duration quantum) {
      if (quantum.toMillis() < 1) {
        throw new IllegalArgumentException("quantum < 1 ms: " + quantum);
      }
      this.yieldQuantum = quantum;
      return this;
    }

    /**
     * What happens when a callback, or other code the emulator runs but does not own (timer actions,
     * network callbacks, simulated peers), throws; default {@link CallbackExceptionHandler#logAndContinue()}.
     */
    public Builder callbackExceptionHandler(CallbackExceptionHandler handler) {
      this.exceptionHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * How long shutdown waits for tasks to unwind before forcing them out, and again after;
     * default 5 s.
     *
     * @throws IllegalArgumentException if {@code grace} is negative
     */
    public Builder shutdownGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("grace < 0: " + grace);
      }
      this.shutdownGrace = grace;
      return this;
    }

    /** Adds a trace sink, for example a {@link org.wsemu.trace.TraceRecorder}. */
    public Builder traceSink(TraceSink sink) {
      sinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /**
     * The network under the Winsock layer: a {@link RealNetwork}, a
     * {@link SimulatedNetwork}, or {@code null} for none (socket() then fails with WSAENETDOWN; the
     * database functions still work). Default: the real network with a real clock, a simulated
     * network with default settings (one host, "local", 10.0.0.1) with a virtual clock. The real
     * network needs a real clock: virtual time cannot wait for real sockets. The network's hosts
     * join the hosts table after the ones added here.
     */
    public Builder network(NetworkFactory network) {
      this.network = network;
      this.networkChosen = true;
      return this;
    }

    /** The name gethostname reports; the hosts table maps it to 127.0.0.1. Default "wsemu". */
    public Builder hostName(String hostName) {
      this.hostName = Objects.requireNonNull(hostName, "hostName");
      return this;
    }

    /**
     * Adds an entry to the embedded hosts table (after "localhost" and the host name); the same name
     * twice gathers the addresses.
     *
     * @param address a dotted IPv4 address
     * @throws IllegalArgumentException if {@code address} is not one
     */
    public Builder host(String name, String address, String... aliases) {
      hosts.add(new WinsockConfig.Host(name, List.of(aliases), List.of(address)));
      return this;
    }

    /**
     * How long every blocking database call (gethostbyname...) takes; with more than 0 it waits like
     * any blocking routine, running the hook. Default 0: answers at once.
     */
    public Builder lookupLatency(Duration latency) {
      this.lookupLatency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /**
     * How often a blocking call re-runs a custom blocking hook when nothing else happens (so that a
     * hook can time out with GetTickCount); default 50 ms.
     */
    public Builder hookRepollInterval(Duration interval) {
      this.hookRepollInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * The TwinSock behaviour for a WM_QUIT taken by the default blocking hook: cancel the blocking
     * call (WSAEINTR) and post WM_QUIT again. Default false: it is dispatched and lost, as the
     * specification's default hook does.
     */
    public Builder repostQuitFromDefaultHook(boolean repost) {
      this.repostQuitFromDefaultHook = repost;
      return this;
    }

    /** How many sockets an application may hold (WSAEMFILE beyond); default 32767. */
    public Builder maxSockets(int max) {
      this.maxSockets = max;
      return this;
    }

    /**
     * How many WSAAsyncGetXByY requests an application may have outstanding; one more fails with
     * WSAEWOULDBLOCK. 1 to 65535; the default, 65535, sets no limit beyond the request handles
     * themselves (1 to 0xFFFF, shared by every application), as on Windows. A small limit lets a
     * test exercise an application's handling of WSAEWOULDBLOCK.
     */
    public Builder maxAsyncRequests(int max) {
      this.maxAsyncRequests = max;
      return this;
    }

    /**
     * Checked mode, like an application verifier: the emulator reports the program's violations of
     * Windows Sockets rules (docs/checked-mode.md lists them) as VIOLATION trace events, in
     * {@link Emulator#violations()}, and as a NOTE {@code violations} summary at shutdown; default
     * false. Off, nothing changes, not even the trace. The emulated calls behave the same either way.
     */
    public Builder checked(boolean enabled) {
      this.checked = enabled;
      return this;
    }

    /**
     * Whether {@link Emulator#close()} throws {@link RuleViolationException} listing the
     * violations, after everything is closed, when the program broke a rule; default false. True
     * turns {@link #checked(boolean) checked mode} on too. The emulated calls themselves never throw.
     */
    public Builder failOnViolation(boolean enabled) {
      this.failOnViolation = enabled;
      return this;
    }

    /**
     * Where the emulator takes the choices it otherwise makes by itself (which ready task runs
     * next, the order of actions due at one instant, timing jitter; {@link ChoicePoint} lists
     * them); default {@link ChoiceSource#none()}, the emulator's own rules. Schedule exploration
     * sets it. Choices are taken in Win16 mode only; with a virtual clock and the simulated network
     * the same answers give the same run.
     */
    public Builder choices(ChoiceSource source) {
      this.choices = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Whether the trace also goes to SLF4J, one line per event at DEBUG in category
     * {@code org.wsemu.trace} ({@link Slf4jTraceSink}); default false. Without it an emulator
     * touches SLF4J only to log a failure, so a program without an SLF4J provider gets no warning
     * from SLF4J.
     */
    public Builder slf4jTrace(boolean enabled) {
      this.slf4jTrace = enabled;
      return this;
    }

    /**
     * Builds the emulator; it runs nothing until {@link Emulator#start()}.
     *
     * @throws IllegalArgumentException if the clock is virtual in Win32 mode or with a network that
     *     cannot run in virtual time (the real one),
     *     not one of {@link Clock}'s, or a Winsock setting is out of range
     * @throws IllegalStateException if the virtual clock or the simulated network already belongs to another emulator
     * @throws IllegalArgumentException if no thread factory is given and the system property
     *     {@code wsemu.taskThreads} is neither {@code platform} nor {@code virtual}, or asks for
     *     virtual threads before JDK 21
     */
    public Emulator build() {
      Clock chosenClock = clock != null ? clock : mode == SchedulingMode.WIN16 ? Clock.virtual() : Clock.system();
      String chosenName = name != null ? name : Integer.toHexString(System.identityHashCode(this));
      ThreadFactory factory = threadFactory != null ? threadFactory : TaskThreads.defaultFactory();
      Kernel.Config config = new Kernel.Config(chosenName, mode, chosenClock, factory, maxNestingDepth,
          yieldQuantum.toMillis(), exceptionHandler, shutdownGrace);
      Trace trace = new Trace(chosenClock::millis);
      if (slf4jTrace) {
        trace.addSink(new Slf4jTraceSink());
      }
      sinks.forEach(trace::addSink);
      NetworkFactory chosenNetwork = networkChosen ? network
          : chosenClock.isVirtual() ? SimulatedNetwork.builder().build() : new RealNetwork();
      if (chosenNetwork != null && chosenClock.isVirtual() && !chosenNetwork.supportsVirtualTime()) {
        throw new IllegalArgumentException("the real network needs Clock.system(): virtual time cannot wait for real sockets");
      }
      WinsockConfig winsockConfig = new WinsockConfig(hostName, hosts, lookupLatency, hookRepollInterval,
          repostQuitFromDefaultHook, maxSockets, maxAsyncRequests);
      Kernel kernel = new Kernel(config, trace);
      if (checked || failOnViolation) {
        kernel.rules().enable();
      }
      if (mode == SchedulingMode.WIN16) {
        kernel.useChoices(choices);
      }
      User user = UserWiring.install(kernel, postedMessageLimit);
      Emulator emulator = new Emulator(kernel, user, WinsockWiring.install(kernel, user, chosenNetwork, winsockConfig),
          failOnViolation);
      Consumer<Emulator> listener = buildListener;
      if (listener != null) {
        listener.accept(emulator);
      }
      return emulator;
    }
  }
}
