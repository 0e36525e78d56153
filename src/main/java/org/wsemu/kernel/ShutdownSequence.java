package org.wsemu.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * The two phases of emulator shutdown. First every task is marked terminating and woken: its
 * message loops see WM_QUIT level by level, innermost first, and its waits end. Tasks still alive
 * after the grace period are marked killed (their next emulated call throws
 * {@code TaskTerminatedException}), interrupted, and given the grace period again.
 *
 * <p>Runs once, on the thread that shuts the emulator down.
 */
final class ShutdownSequence {
  /** Asked for when there is something to log: an emulator that logs nothing never starts SLF4J. */
  private static Logger log() {
    return LoggerFactory.getLogger(ShutdownSequence.class);
  }

  private final List<KernelTask> tasks;
  private final Scheduler scheduler;
  private final Trace trace;
  private final Duration grace;

  ShutdownSequence(List<KernelTask> tasks, Scheduler scheduler, Trace trace, Duration grace) {
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.trace = trace;
    this.grace = grace;
  }

  /** Runs both phases; returns whether every task thread ended. */
  boolean run() {
    for (KernelTask task : tasks) {
      wake(task, KernelTask::markTerminating);
    }
    scheduler.start(); // after marking: tasks that never ran get a turn only to exit
    if (joinAll()) {
      return true;
    }
    for (KernelTask task : tasks) {
      if (task.isAlive()) {
        log().warn("task {} did not unwind within {}; forcing it out", task.label(), grace);
        if (trace.enabled()) {
          trace.event(TraceKind.NOTE, "-", "kill").with("task", task.label()).emit();
        }
        wake(task, KernelTask::markKilled);
        Thread thread = task.thread();
        if (thread != null) {
          thread.interrupt();
        }
      }
    }
    if (joinAll()) {
      return true;
    }
    List<String> stuck = new ArrayList<>();
    for (KernelTask task : tasks) {
      if (task.isAlive()) {
        stuck.add(task.label());
      }
    }
    log().error("shutdown left tasks running: {}", stuck);
    return false;
  }

  private static void wake(KernelTask task, Consumer<KernelTask> mark) {
    task.lock().lock();
    try {
      mark.accept(task);
      task.changed();
    } finally {
      task.lock().unlock();
    }
  }

  private boolean joinAll() {
    long deadline = System.nanoTime() + grace.toNanos();
    for (KernelTask task : tasks) {
      Thread thread = task.thread();
      long remaining = deadline - System.nanoTime();
      if (thread == null || remaining <= 0) {
        continue;
      }
      try {
        thread.join(Math.max(1, remaining / 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    for (KernelTask task : tasks) {
      Thread thread = task.thread();
      if (thread != null && thread.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
