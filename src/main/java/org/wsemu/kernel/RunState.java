package org.wsemu.kernel;

/** Where a task is in its life, as the scheduler sees it. */
enum RunState {
  /** Created; waiting for its first turn. */
  READY_NEW,
  /** Runnable but not running: it yielded, or it is waiting for its turn. */
  READY,
  /** Holds the processor (Win16) or is executing (Win32). */
  RUNNING,
  /** Waiting for a {@link WaitCondition}. */
  BLOCKED,
  /** Finished. */
  EXITED
}
