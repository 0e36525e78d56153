package org.wsemu.testing;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.wsemu.Emulator;
import org.wsemu.kernel.KernelTask;
import org.wsemu.task.Task;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceSink;

/**
 * A trace sink that looks at which locks the thread calling it holds: the locks it is told to
 * {@link #watch} (a task's lock, the simulated network's), and every monitor, by class. The
 * emulator's contract: a sink runs holding none of the watched locks.
 *
 * <p>Thread-safe; {@link #watch} before the run.
 */
public final class LockProbe implements TraceSink {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int KEPT = 5;

  private final Map<String, BooleanSupplier> watched = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private final Set<TraceKind> kinds = EnumSet.noneOf(TraceKind.class);
  private final Set<String> monitors = new TreeSet<>();

  /** A lock to look for: {@code heldByCurrentThread} says whether the calling thread holds it. */
  public synchronized LockProbe watch(String name, BooleanSupplier heldByCurrentThread) {
    watched.put(name, heldByCurrentThread);
    return this;
  }

  /** Whether the calling thread holds the lock of one of {@code emu}'s live tasks (in Win16 mode, the scheduler's). */
  public static boolean holdsATaskLock(Emulator emu) {
    for (Task task : emu.tasks()) {
      if (((KernelTask) task).lock().isHeldByCurrentThread()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void accept(TraceEvent event) {
    Map<String, BooleanSupplier> locks;
    synchronized (this) {
      locks = Map.copyOf(watched);
    }
    List<String> held = new ArrayList<>();
    locks.forEach((name, lock) -> {
      if (lock.getAsBoolean()) {
        held.add(name);
      }
    });
    ThreadInfo info = THREADS.getThreadInfo(new long[] {Thread.currentThread().getId()}, true, false)[0];
    synchronized (this) {
      kinds.add(event.kind());
      if (!held.isEmpty() && violations.size() < KEPT) {
        violations.add(event + " on " + info.getThreadName() + " holding " + held);
      }
      Arrays.stream(info.getLockedMonitors()).map(LockInfo::getClassName).forEach(monitors::add);
    }
  }

  /** The first few events delivered on a thread that held a watched lock, with the locks' names. */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** The kinds of the events delivered. */
  public synchronized Set<TraceKind> kinds() {
    return EnumSet.copyOf(kinds);
  }

  /** The classes of the monitors held by threads running this sink, this sink's own excluded. */
  public synchronized Set<String> monitors() {
    Set<String> others = new TreeSet<>(monitors);
    others.remove(LockProbe.class.getName());
    return others;
  }
}
