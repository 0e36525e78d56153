package org.wsemu.kernel;

import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.wsemu.internal.GuardedBy;
import org.wsemu.task.NestingLimitException;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.task.TaskTerminatedException;

/**
 * The kernel's record of one task: its identity, its thread, its scheduling state, and the
 * runtime interface that the USER and Winsock layers use to make it wait and to wake it.
 *
 * <p>Applications see it as a {@link Task}. The other public methods are the kernel SPI:
 *
 * <ul>
 *   <li>State that a wait reads is guarded by {@link #lock()} (in Win16 mode one lock shared by
 *       the whole emulator, in Win32 mode one per task). Whoever changes it calls
 *       {@link #changed()} while still holding the lock: that is the only way a task is woken.
 *   <li>{@link #await}, {@link #yieldCpu}, {@link #directedYield} and the nesting methods may be
 *       called only on the task's own thread.
 * </ul>
 */
public final class KernelTask implements Task {
  /** Deadline value meaning "no deadline". */
  public static final long NO_DEADLINE = TimerQueue.NONE;

  private final Kernel kernel;
  private final int handle;
  private final String name;
  private final String label;
  private final long order;
  private final TaskBody body;
  private final ReentrantLock lock;
  final Condition signal;
  private final Map<Object, Object> attachments = new ConcurrentHashMap<>();
  private final CountDownLatch exited = new CountDownLatch(1);

  // Scheduling state, guarded by lock.
  @GuardedBy("lock") RunState state = RunState.READY_NEW;
  @GuardedBy("lock") WaitCondition waitCondition;
  @GuardedBy("lock") long waitDeadline = NO_DEADLINE;

  private volatile boolean terminating;
  private volatile boolean killed;
  private volatile Thread thread;
  private volatile Integer exitCode;
  private volatile Throwable failure;
  @GuardedBy("lock") private long messageSerial;
  @GuardedBy("lock") private long inputSerial;
  private int nesting; // task thread only
  private final BitSet shutdownQuitTaken = new BitSet(); // task thread only: by nesting level
  @GuardedBy("lock") int clockReads; // GetTickCount reads since the task last gave up the processor
  @GuardedBy("lock") long yieldedAt = Long.MIN_VALUE; // virtual time of its last yield, if that was its last switch

  KernelTask(Kernel kernel, int handle, String name, long order, TaskBody body, ReentrantLock lock) {
    this.kernel = kernel;
    this.handle = handle;
    this.name = name;
    this.label = String.format("%04X:%s", handle, name);
    this.order = order;
    this.body = body;
    this.lock = lock;
    this.signal = lock.newCondition();
  }

  // ---- Task ----

  @Override
  public int handle() {
    return handle;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isAlive() {
    return exited.getCount() > 0;
  }

  @Override
  public boolean join(Duration timeout) throws InterruptedException {
    return exited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public OptionalInt exitCode() {
    Integer code = exitCode;
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  @Override
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "Task(" + label + ")";
  }

  // ---- kernel SPI ----

  /** The emulator kernel this task belongs to. */
  public Kernel kernel() {
    return kernel;
  }

  /** {@code "HHHH:name"}, the label used in traces. */
  public String label() {
    return label;
  }

  /** Creation order; the Win16 round-robin order. */
  public long order() {
    return order;
  }

  /** The lock guarding this task's wait-relevant state. */
  public ReentrantLock lock() {
    return lock;
  }

  /**
   * Wakes the task if it waits and its condition may now hold. The caller must hold
   * {@link #lock()} and must have changed the state the condition reads.
   *
   * @throws IllegalStateException if the caller does not hold the lock
   */
  public void changed() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("changed() without holding the lock of " + label);
    }
    kernel.scheduler().changed(this);
  }

  /**
   * Counts one more message arrived in this task's queue (posted, timer, quit) and wakes the task.
   * The caller must hold {@link #lock()}.
   */
  public void messageArrived() {
    messageSerial++;
    inputSerial++;
    changed();
  }

  /**
   * Counts a message sent by another task, waiting to be processed, and wakes the task. It is input
   * (a blocking hook's PeekMessage processes it) but not a queued message (WaitMessage ignores it).
   * The caller must hold {@link #lock()}.
   */
  public void inputArrived() {
    inputSerial++;
    changed();
  }

  /** How many messages have arrived in the queue so far; caller holds {@link #lock()}. */
  public long messageSerial() {
    return messageSerial;
  }

  /**
   * How many messages of any kind, queued or sent, have arrived so far; caller holds
   * {@link #lock()}. A pseudo-blocking call waits for this to move.
   */
  public long inputSerial() {
    return inputSerial;
  }

  /**
   * Blocks the calling task until {@code condition} holds. In Win16 mode this is a task switch:
   * another task runs meanwhile. Returns at once, without switching, if the condition already
   * holds.
   *
   * @param condition evaluated under {@link #lock()}
   * @param deadline clock time at which to give up, or {@link #NO_DEADLINE}
   * @param reason what waits, for the trace (the function name)
   * @param preferred the task to run next if it can (Win16 directed yield), or {@code null}
   * @return why the wait ended
   */
  public AwaitResult await(WaitCondition condition, long deadline, String reason, KernelTask preferred) {
    checkOwnThread("await");
    return kernel.scheduler().await(this, condition, deadline, reason, preferred);
  }

  /** Lets other tasks run (Win16), keeping this one runnable; on Win32 a {@code Thread.yield}. */
  public void yieldCpu(String reason) {
    checkOwnThread("yieldCpu");
    kernel.scheduler().yieldCpu(this, reason);
  }

  /** Lets {@code to} run next if it is runnable (Win16), keeping this task runnable. */
  public void directedYield(KernelTask to, String reason) {
    checkOwnThread("directedYield");
    kernel.scheduler().directedYield(this, Objects.requireNonNull(to, "to"), reason);
  }

  /** Whether the emulator is shutting down and this task must unwind. */
  public boolean isTerminating() {
    return terminating;
  }

  /**
   * Throws {@link TaskTerminatedException} if the soft phase of shutdown is over and this task
   * must be forced out.
   */
  public void checkKilled() {
    if (killed) {
      throw new TaskTerminatedException("task " + label + " is being terminated by emulator shutdown");
    }
  }

  /**
   * Enters one more level of callback nesting (window procedure, hook...).
   *
   * @param what the callback, for the error message
   * @return the new depth
   * @throws NestingLimitException if the emulator's cap would be exceeded
   */
  public int enterNested(Object what) {
    int cap = kernel.config().maxNestingDepth();
    if (nesting >= cap) {
      throw new NestingLimitException(
          "nesting depth " + (nesting + 1) + " > cap " + cap + " in task " + label + " entering "
              + what + " (raise Emulator.Builder.maxNestingDepth, or stop the recursion)");
    }
    return ++nesting;
  }

  /** Leaves one level entered with {@link #enterNested}. */
  public void leaveNested() {
    shutdownQuitTaken.clear(nesting);
    nesting--;
  }

  /**
   * At shutdown, the WM_QUIT of the current loop level: every callback level (the task body, each
   * window procedure, hook or callback called from it) has one, which the first GetMessage or
   * PeekMessage with PM_REMOVE at that level takes; a level entered again later has a new one. So
   * nested loops unwind innermost first, and a loop that drains the queue until PeekMessage
   * returns FALSE still ends. Task thread only.
   *
   * @param remove whether the caller takes the message (GetMessage, PM_REMOVE) or only looks at it
   * @return whether this level's WM_QUIT was still there
   */
  public boolean shutdownQuit(boolean remove) {
    checkOwnThread("shutdownQuit");
    if (shutdownQuitTaken.get(nesting)) {
      return false;
    }
    if (remove) {
      shutdownQuitTaken.set(nesting);
    }
    return true;
  }

  /** The current callback nesting depth (0 in the task body). */
  public int nesting() {
    return nesting;
  }

  /** Per-layer state attached to this task. */
  public <T> T attachment(Object key, Class<T> type) {
    return type.cast(attachments.get(key));
  }

  /** Attaches per-layer state to this task. */
  public void attach(Object key, Object value) {
    attachments.put(key, value);
  }

  // ---- kernel internals ----

  void setThread(Thread thread) {
    this.thread = thread;
  }

  Thread thread() {
    return thread;
  }

  void markTerminating() {
    terminating = true;
  }

  void markKilled() {
    killed = true;
  }

  boolean hasExited() {
    return exited.getCount() == 0;
  }

  private void checkOwnThread(String what) {
    if (thread != Thread.currentThread()) {
      throw new IllegalStateException(what + " of " + label + " called from thread "
          + Thread.currentThread().getName() + ", not the task's own thread");
    }
  }

  /** The task thread's body. */
  void run() {
    kernel.bindCurrent(this);
    try {
      kernel.scheduler().enter(this);
      if (!terminating) {
        kernel.traceTask(this, "start");
        exitCode = body.run();
      }
    } catch (Throwable e) { // the program's failure ends the task, never the emulator
      failure = e;
      kernel.taskFailed(this, e);
    } finally {
      try {
        kernel.taskExiting(this);
      } finally {
        kernel.scheduler().exit(this);
        kernel.bindCurrent(null);
        exited.countDown();
        kernel.taskExited(this);
      }
    }
  }
}
