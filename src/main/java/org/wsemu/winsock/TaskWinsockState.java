package org.wsemu.winsock;

import java.util.ArrayDeque;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.KernelTask;

/**
 * The Winsock state of one task, always per task whatever the mode: last error, blocking hook,
 * the stack of blocking loops, the version it negotiated, and the "static" structures the database
 * functions return. Touched only on the task's thread, except {@link #ioSerial}.
 */
final class TaskWinsockState {
  final KernelTask task;
  int lastError;
  /** The hook WSASetBlockingHook installed, or null for the mode's default behaviour. */
  BlockingHook hook;
  /** The version this task's last WSAStartup negotiated; 0 if it never called it. */
  int version;
  /** Blocking loops in progress, innermost first (more than one only for version 2 tasks). */
  final ArrayDeque<BlockingLoop> loops = new ArrayDeque<>();
  /** Readiness notifications received. */
  @GuardedBy("task.lock()") long ioSerial;
  final hostent hostent = new hostent();
  final servent servent = new servent();
  final protoent protoent = new protoent();

  TaskWinsockState(KernelTask task) {
    this.task = task;
  }

  /** The innermost blocking loop, or null. */
  BlockingLoop currentLoop() {
    return loops.peekFirst();
  }

  /** Wakes the task from a blocking loop: readiness changed. Any thread. */
  void ioReady() {
    task.lock().lock();
    try {
      ioSerial++;
      task.changed();
    } finally {
      task.lock().unlock();
    }
  }
}
