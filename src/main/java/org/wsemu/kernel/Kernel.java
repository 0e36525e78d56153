package org.wsemu.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsemu.internal.GuardedBy;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.OpenResources;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.TaskBody;
import org.wsemu.task.TaskTerminatedException;
import org.wsemu.task.TaskThreadException;
import org.wsemu.time.Clock;
import org.wsemu.time.SystemClock;
import org.wsemu.time.VirtualClock;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * The emulated KERNEL of one emulator: tasks and their threads, the scheduler, the clock and its
 * timer queue, and the trace. The USER and Winsock layers are built on it; applications use
 * {@link org.wsemu.Emulator} instead.
 *
 * <p>Threading: thread-safe. {@link #require(String)} is how a task-only function finds its caller.
 */
public final class Kernel {
  /** Asked for when there is something to log: an emulator that logs nothing never starts SLF4J. */
  private static Logger log() {
    return LoggerFactory.getLogger(Kernel.class);
  }

  /** Win16 task handles are 16-bit; Win32 ones are thread ids. */
  private static final int WIN16_MAX_HANDLE = 0xFFFE;

  /**
   * Settings fixed when the emulator is built.
   *
   * @param name the emulator's name, used in thread names and messages
   * @param mode cooperative or preemptive
   * @param clock the time source
   * @param threadFactory makes task threads
   * @param maxNestingDepth cap on nested callbacks per task
   * @param yieldQuantumMillis virtual time that passes when a polling task yields alone
   * @param exceptionHandler what to do when a callback throws
   * @param shutdownGrace how long shutdown waits in each of its two phases
   */
  public record Config(
      String name,
      SchedulingMode mode,
      Clock clock,
      ThreadFactory threadFactory,
      int maxNestingDepth,
      long yieldQuantumMillis,
      CallbackExceptionHandler exceptionHandler,
      Duration shutdownGrace) {
    /** Validates the settings. */
    public Config {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(threadFactory, "threadFactory");
      Objects.requireNonNull(exceptionHandler, "exceptionHandler");
      Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }
  }

  private enum Lifecycle { NEW, RUNNING, SHUTTING_DOWN, TERMINATED }

  private final Config config;
  private final Trace trace;
  private final CallbackBoundary callbacks;
  private final RuleChecks rules;
  private volatile ChoiceSource choices = ChoiceSource.none();
  private final Scheduler scheduler;
  private final HandleTable<KernelTask> tasks;
  private final ThreadLocal<KernelTask> current = new ThreadLocal<>();
  private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> shutdownListeners = new CopyOnWriteArrayList<>();
  private final List<Supplier<OpenResources>> resourceProbes = new CopyOnWriteArrayList<>();
  private final Object lifecycleLock = new Object();
  /** Task threads that may still be alive, exited tasks' too: shutdown waits for them to end. */
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  /** Tasks gone from the task list whose threads are still leaving the scheduler. */
  private final Set<KernelTask> exiting = ConcurrentHashMap.newKeySet();
  @GuardedBy("threads") private int pruneAt = 64;
  @GuardedBy("lifecycleLock") private Lifecycle lifecycle = Lifecycle.NEW;
  @GuardedBy("lifecycleLock") private long nextOrder;

  /**
   * Creates the kernel.
   *
   * @throws IllegalArgumentException if the clock is not one of {@link Clock}'s, or is virtual in
   *     Win32 mode
   * @throws IllegalStateException if a virtual clock already belongs to another emulator
   */
  public Kernel(Config config, Trace trace) {
    this.config = Objects.requireNonNull(config, "config");
    this.trace = Objects.requireNonNull(trace, "trace");
    this.callbacks = new CallbackBoundary(trace, config.exceptionHandler());
    this.rules = new RuleChecks(trace);
    String timerThread = "wsemu-" + config.name() + "-timer";
    if (config.clock() instanceof VirtualClock virtual) {
      if (config.mode() == SchedulingMode.WIN32) {
        throw new IllegalArgumentException("a virtual clock needs SchedulingMode.WIN16: Win32 tasks run in parallel in real time");
      }
      scheduler = new CooperativeScheduler(this, new VirtualTimerQueue(callbacks, this::choices), virtual.claim(), config.yieldQuantumMillis());
    } else if (config.clock() instanceof SystemClock system) {
      TimerQueue timers = new RealTimerQueue(system, timerThread, callbacks);
      scheduler = config.mode() == SchedulingMode.WIN16
          ? new CooperativeScheduler(this, timers, null, 0)
          : new PreemptiveScheduler(trace, timers, system);
    } else {
      throw new IllegalArgumentException("clock must come from Clock.system() or Clock.virtual(): " + config.clock());
    }
    tasks = new HandleTable<>(1, config.mode() == SchedulingMode.WIN16 ? WIN16_MAX_HANDLE : Integer.MAX_VALUE);
  }

  /** The settings. */
  public Config config() {
    return config;
  }

  /** The scheduling mode. */
  public SchedulingMode mode() {
    return config.mode();
  }

  /** The clock. */
  public Clock clock() {
    return config.clock();
  }

  /**
   * Where this emulator takes its choices ({@link ChoiceSource#none()} unless exploring). Set
   * before the emulator starts; read by the scheduler, the timer queue and the layers above.
   */
  public ChoiceSource choices() {
    return choices;
  }

  /** Sets the choice source; call before {@link #start()}, on the building thread. */
  public void useChoices(ChoiceSource source) {
    this.choices = Objects.requireNonNull(source, "source");
  }

  /** The checked mode: its switch and the rule violations found. */
  public RuleChecks rules() {
    return rules;
  }

  /** The trace stream. */
  public Trace trace() {
    return trace;
  }

  /**
   * Where the emulator runs code it does not own (callbacks, hooks, timer actions, network
   * callbacks): one policy for what they throw.
   */
  public CallbackBoundary callbacks() {
    return callbacks;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  /** Registers a layer's per-task hooks; call before creating tasks. */
  public void addTaskListener(TaskListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Registers cleanup that runs once at shutdown, after every task has unwound and before the timer
   * thread stops (the network closes its sockets and stops its thread here). Listeners run in the
   * reverse order of registration.
   */
  public void addShutdownListener(Runnable listener) {
    shutdownListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Registers what a layer reports to {@link #openResources()} (the network: its sockets, selector
   * and thread); call it when the layer is installed.
   */
  public void addResourceProbe(Supplier<OpenResources> probe) {
    resourceProbes.add(Objects.requireNonNull(probe, "probe"));
  }

  /**
   * What the emulator holds now: its live task threads, the timer queue's thread and pending
   * timers, and what each {@link #addResourceProbe probe} reports. Empty after a clean shutdown.
   */
  public OpenResources openResources() {
    List<String> live = threads.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
    OpenResources all = new OpenResources(live, 0, 0, 0).plus(scheduler.timers().openResources());
    for (Supplier<OpenResources> probe : resourceProbes) {
      all = all.plus(probe.get());
    }
    return all;
  }

  /** Whether {@link #shutdown()} has run to its end: nothing runs on this kernel any more. */
  public boolean isShutDown() {
    synchronized (lifecycleLock) {
      return lifecycle == Lifecycle.TERMINATED;
    }
  }

  /**
   * The clock time at least {@code delayMillis} from now: exact with a virtual clock; with the real
   * clock one millisecond later, because the current millisecond has partly passed already.
   *
   * @throws IllegalArgumentException if {@code delayMillis < 0}
   */
  public long deadlineAfter(long delayMillis) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("delayMillis < 0: " + delayMillis);
    }
    long now = clock().millis();
    return clock().isVirtual() || delayMillis == 0 ? now + delayMillis : now + delayMillis + 1;
  }

  /**
   * The clock as a program reads it with GetTickCount. With a virtual clock, a Win16 task that
   * reads it over and over without reaching a switch point is busy-waiting, and time passes for it
   * (see {@code docs/scheduling.md}); otherwise this is {@code clock().millis()}.
   */
  public long pollClock() {
    KernelTask task = current.get();
    return task == null ? clock().millis() : scheduler.pollClock(task);
  }

  /** The task whose thread is calling, or {@code null} if it is not a task of this kernel. */
  public KernelTask current() {
    return current.get();
  }

  /**
   * The calling task, for a task-only function.
   *
   * @param function the function's name, for the message
   * @throws TaskThreadException if the caller is not a task thread of this emulator
   * @throws TaskTerminatedException if the caller is being forced out by shutdown
   */
  public KernelTask require(String function) {
    KernelTask task = current.get();
    if (task == null) {
      throw new TaskThreadException(function + " is task-only: thread '" + Thread.currentThread().getName()
          + "' is not a task of emulator " + config.name()
          + " (rule: one thread per task; a task's message loop, window procedures, hooks and"
          + " callbacks run on its own thread; only posting and sending may come from elsewhere)");
    }
    task.checkKilled();
    return task;
  }

  /** The live task with handle {@code hTask}, or {@code null}. */
  public KernelTask task(int hTask) {
    KernelTask task = tasks.get(hTask);
    return task != null && !task.hasExited() ? task : null;
  }

  /** The live tasks in handle order. */
  public List<KernelTask> tasks() {
    return tasks.values();
  }

  /**
   * The tasks that have not finished: the live ones, and those that have left the task list (their
   * handles free again) but whose threads are still in the scheduler's exit, which hands the
   * processor on and, in Win16 mode with a virtual clock, runs what falls due meanwhile.
   */
  public List<KernelTask> unfinishedTasks() {
    List<KernelTask> unfinished = new ArrayList<>(tasks.values());
    for (KernelTask task : exiting) {
      if (!unfinished.contains(task)) {
        unfinished.add(task);
      }
    }
    unfinished.removeIf(KernelTask::hasExited);
    return unfinished;
  }

  /** Keeps {@code thread} for shutdown, forgetting ended ones now and then so the set stays small. */
  private void remember(Thread thread) {
    synchronized (threads) {
      threads.add(thread);
      if (threads.size() >= pruneAt) {
        threads.removeIf(t -> !t.isAlive() && t.getState() != Thread.State.NEW);
        pruneAt = Math.max(64, threads.size() * 2);
      }
    }
  }

  /**
   * Waits for the threads of tasks that already exited: they are past the task's last emulated
   * step but may not have ended yet, and shutdown promises that no thread is left behind.
   */
  private boolean joinExited() {
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    for (Thread thread : threads) {
      long remaining = deadline - System.nanoTime();
      try {
        thread.join(Math.max(1, remaining / 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }

  /**
   * Schedules a timed action; it must only enqueue and wake (it runs on the timer thread, or with a
   * virtual clock on the thread of a Win16 task that switches, the scheduler's lock released). What
   * it throws is reported at the {@link #callbacks() callback boundary}, as code run for no task.
   * Scheduling only enqueues, on any thread: no action runs on the caller's thread, which may hold
   * locks the actions take. From a thread outside the tasks with a virtual clock, if every task
   * waits, it wakes one, which moves time on and runs what is due meanwhile.
   *
   * @param due clock time in milliseconds
   */
  public KernelTimer schedule(long due, Runnable action) {
    KernelTimer timer = scheduler.timers().schedule(due, Objects.requireNonNull(action, "action"));
    if (current.get() == null) {
      scheduler.scheduledFromOutside();
    }
    return timer;
  }

  /**
   * Creates a task; it runs once the kernel is started (at once if it already is, subject to the
   * scheduling mode).
   *
   * @throws IllegalStateException if the kernel is shutting down, or no task handle is free
   */
  public KernelTask createTask(String name, TaskBody body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    KernelTask creator = current.get();
    KernelTask task;
    synchronized (lifecycleLock) {
      if (lifecycle == Lifecycle.SHUTTING_DOWN || lifecycle == Lifecycle.TERMINATED) {
        throw new IllegalStateException("emulator " + config.name() + " is shut down: cannot create task " + name);
      }
      long order = nextOrder++;
      task = tasks.allocate(handle -> new KernelTask(this, handle, name, order, body, scheduler.newTaskLock()));
      if (task == null) {
        throw new IllegalStateException("no free task handle for " + name + ": " + tasks.size() + " tasks alive");
      }
    }
    if (trace.enabled()) {
      trace.event(TraceKind.TASK, creator == null ? "-" : creator.label(), "create")
          .with("task", task.label())
          .emit();
    }
    for (TaskListener listener : listeners) {
      listener.created(task);
    }
    Thread thread = config.threadFactory().newThread(task::run);
    thread.setName("wsemu-" + config.name() + "-task-" + task.label());
    task.setThread(thread);
    remember(thread);
    scheduler.register(task);
    thread.start();
    return task;
  }

  /**
   * Lets tasks run.
   *
   * @throws IllegalStateException if the kernel was shut down
   */
  public void start() {
    synchronized (lifecycleLock) {
      if (lifecycle == Lifecycle.RUNNING) {
        return;
      }
      if (lifecycle != Lifecycle.NEW) {
        throw new IllegalStateException("emulator " + config.name() + " is shut down: cannot start");
      }
      lifecycle = Lifecycle.RUNNING;
    }
    scheduler.start();
  }

  /**
   * Shuts down: every task unwinds (GetMessage returns WM_QUIT at each loop level, innermost
   * first; blocking calls fail), then, if some did not finish within the grace period, they are
   * forced out with {@link TaskTerminatedException}; finally the timer thread stops.
   *
   * @return whether every task thread finished
   * @throws IllegalStateException if called from a task thread of this kernel
   */
  public boolean shutdown() {
    if (current.get() != null) {
      throw new IllegalStateException("shutdown from task " + current.get().label()
          + ": an emulator cannot be shut down from one of its own tasks; post WM_QUIT instead");
    }
    synchronized (lifecycleLock) {
      if (lifecycle == Lifecycle.TERMINATED) {
        return tasks().isEmpty();
      }
      lifecycle = Lifecycle.SHUTTING_DOWN;
    }
    rules.emitSummary();
    if (trace.enabled()) {
      trace.event(TraceKind.NOTE, "-", "shutdown").with("tasks", tasks.size()).emit();
    }
    boolean done = new ShutdownSequence(tasks(), scheduler, trace, config.shutdownGrace()).run();
    done &= joinExited();
    for (int i = shutdownListeners.size() - 1; i >= 0; i--) {
      try {
        shutdownListeners.get(i).run();
      } catch (RuntimeException e) {
        log().error("shutdown cleanup failed", e);
      }
    }
    scheduler.timers().shutdown();
    synchronized (lifecycleLock) {
      lifecycle = Lifecycle.TERMINATED;
    }
    trace.flush(); // the run is over: every event it emitted reaches the sinks before this returns
    return done;
  }

  /**
   * Records a callback's exception in the trace and hands it to the emulator's handler, which may
   * rethrow it; see {@link CallbackBoundary#failed(KernelTask, String, Throwable)}.
   *
   * @param task the task whose callback threw
   * @param callback what was running
   * @param error what it threw
   * @throws Error {@code error} itself if it is fatal (see {@link CallbackBoundary#isFatal})
   */
  public void callbackFailed(KernelTask task, String callback, Throwable error) {
    callbacks.failed(task, callback, error);
  }

  // ---- called by KernelTask on the task thread ----

  void bindCurrent(KernelTask task) {
    if (task == null) {
      current.remove();
    } else {
      current.set(task);
    }
  }

  void traceTask(KernelTask task, String what) {
    if (trace.enabled()) {
      trace.event(TraceKind.TASK, task.label(), what).emit();
    }
  }

  void taskFailed(KernelTask task, Throwable error) {
    if (error instanceof TaskTerminatedException) {
      log().warn("task {} forced out: {}", task.label(), error.getMessage());
    } else {
      log().error("task {} ended by an exception", task.label(), error);
    }
  }

  void taskExiting(KernelTask task) {
    for (int i = listeners.size() - 1; i >= 0; i--) {
      try {
        listeners.get(i).exiting(task);
      } catch (RuntimeException e) {
        log().error("cleanup of task {} failed", task.label(), e);
      }
    }
    if (trace.enabled()) {
      Trace.EventBuilder event = trace.event(TraceKind.TASK, task.label(), "exit");
      task.exitCode().ifPresent(code -> event.with("code", code));
      task.failure().ifPresent(error -> event.with("error", error.getClass().getName()));
      event.emit();
    }
    exiting.add(task);
    tasks.free(task.handle());
  }

  void taskExited(KernelTask task) {
    exiting.remove(task);
  }
}
