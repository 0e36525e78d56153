package org.wsemu.testing;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceSink;

/**
 * A trace sink that looks at which locks the thread calling it holds: every
 * {@link java.util.concurrent.locks.Lock} (the task and scheduler locks, the simulated network's
 * lock) and every monitor, by class. The emulator's contract: a sink runs holding no such lock.
 *
 * <p>Thread-safe.
 */
public final class LockProbe implements TraceSink {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int KEPT = 5;

  private final List<String> violations = new ArrayList<>();
  private final Set<TraceKind> kinds = EnumSet.noneOf(TraceKind.class);
  private final Set<String> monitors = new TreeSet<>();

  @Override
  public void accept(TraceEvent event) {
    ThreadInfo info = THREADS.getThreadInfo(new long[] {Thread.currentThread().getId()}, true, true)[0];
    LockInfo[] locks = info.getLockedSynchronizers();
    synchronized (this) {
      kinds.add(event.kind());
      if (locks.length > 0 && violations.size() < KEPT) {
        violations.add(event + " on " + info.getThreadName() + " holding "
            + Arrays.stream(locks).map(LockInfo::getClassName).toList());
      }
      Arrays.stream(info.getLockedMonitors()).map(LockInfo::getClassName).forEach(monitors::add);
    }
  }

  /** The first few events delivered on a thread that held a lock, with the locks' classes. */
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
