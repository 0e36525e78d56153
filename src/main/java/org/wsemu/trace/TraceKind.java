package org.wsemu.trace;

/**
 * What a {@link TraceEvent} records. The kinds of every layer (USER, tasks and scheduling, Winsock,
 * the simulated network) are here, so that one stream holds everything.
 */
public enum TraceKind {
  /** An emulated API call, recorded when it returns: arguments and {@code ret}. */
  CALL,
  /** A task was created, started running, or exited. */
  TASK,
  /** The processor passed from one task to another (Win16 mode). */
  SWITCH,
  /** Virtual time jumped forward because no task could run (or a polling task yielded alone). */
  CLOCK,
  /** A USER timer expired; its WM_TIMER is now pending. */
  TIMER,
  /** A callback (window procedure, timer procedure) is entered. */
  PROC,
  /** A callback returned. */
  PROC_END,
  /** A callback threw; the exception was handed to the emulator's exception handler. */
  EXCEPTION,
  /** A message loop level gave up because the emulator is shutting down. */
  UNWIND,
  /** A pseudo-blocking call could not complete at once and entered its blocking loop. */
  BLOCK,
  /** A pseudo-blocking call left its blocking loop (completed, failed, cancelled). */
  UNBLOCK,
  /** A blocking hook was called, with what it returned. */
  HOOK,
  /** Something noteworthy that is not a call: a queue overflow, a dropped message, a kill. */
  NOTE,
  /** The simulated network moved a connection along: a SYN, an accept, a refusal, a FIN, a RST, a lost datagram. */
  NET,
  /** A fault of the simulated network was set up, drawn from the seed, or took effect. */
  FAULT,
  /**
   * An asynchronous notification: a WSAAsyncSelect message posted ({@code select}), a
   * WSAEventSelect network event recorded and its event object signalled ({@code record}), or a
   * WSAAsyncGetXByY request queued, started, completed or cancelled.
   */
  ASYNC,
  /**
   * An overlapped operation (Winsock 2) completed: its bytes, its error, and how the completion is
   * indicated (an event signalled, a completion routine queued).
   */
  COMPLETION,
  /** A completion routine (Winsock 2) is entered, in an alertable wait of the task that started its operation. */
  ROUTINE,
  /**
   * Checked mode only: the program broke a rule of Windows Sockets; the event name is the rule's
   * id, its fields the call that broke it ({@code function}), what the rule needs, and {@code rule}.
   */
  VIOLATION
}
