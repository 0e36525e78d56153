package org.wsemu.winsock;

import java.util.ArrayDeque;
import java.util.TreeMap;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.KernelTask;
import org.wsemu.user.MSG;

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
  /** The callback nesting depth of the blocking hook's own code while it runs, else 0 (checked mode). */
  int hookNesting;
  /** Checked mode: this task's WSAStartup calls not yet matched by a WSACleanup. */
  int startups;
  /** Checked mode: the version the first of those WSAStartup calls asked for. */
  int startupRequested;
  /**
   * Checked mode: the FD_READ notification (as its window procedure's message) during whose
   * dispatch a recv on {@link #emptyReadSocket} failed with WSAEWOULDBLOCK, or null.
   */
  MSG emptyRead;
  /** Checked mode: the socket of {@link #emptyRead}. */
  int emptyReadSocket;
  /** Blocking loops in progress, innermost first (more than one only for version 2 tasks). */
  final ArrayDeque<BlockingLoop> loops = new ArrayDeque<>();
  /** Readiness notifications received. */
  @GuardedBy("task.lock()") long ioSerial;
  /** Completion routines queued for the task's next alertable wait, in the order queued. */
  @GuardedBy("task.lock()") private final ArrayDeque<Runnable> completions = new ArrayDeque<>();
  final hostent hostent = new hostent();
  final servent servent = new servent();
  final protoent protoent = new protoent();
  /**
   * The sockets this task started overlapped operations on, by handle (a handle used again keeps
   * the latest socket): where its pending operations can be when it ends. Used on the task's own
   * thread only (it starts its operations and ends there).
   */
  final TreeMap<Integer, EmulatedSocket> overlappedOn = new TreeMap<>();

  TaskWinsockState(KernelTask task) {
    this.task = task;
  }

  /** The innermost blocking loop, or null. */
  BlockingLoop currentLoop() {
    return loops.peekFirst();
  }

  /**
   * Queues a completion routine (an asynchronous procedure call) for the task's next alertable
   * wait, and wakes the task if it waits. Any thread; {@code routine} later runs on the task's
   * thread only ({@link EventCalls#runCompletions}), and its ROUTINE trace event shows its
   * {@code toString} if its class defines one (say what operation it reports; never an identity).
   */
  void queueCompletion(Runnable routine) {
    task.lock().lock();
    try {
      completions.addLast(routine);
      ioSerial++;
      task.changed();
    } finally {
      task.lock().unlock();
    }
  }

  /** Whether completion routines are queued; caller holds {@code task.lock()} (a wait condition). */
  boolean completionsQueued() {
    return !completions.isEmpty();
  }

  /** Takes the next queued completion routine, or null. Any thread. */
  Runnable takeCompletion() {
    task.lock().lock();
    try {
      return completions.pollFirst();
    } finally {
      task.lock().unlock();
    }
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
