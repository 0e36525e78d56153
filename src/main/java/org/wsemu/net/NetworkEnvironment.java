package org.wsemu.net;

import org.wsemu.schedule.ChoiceSource;

/**
 * What a network gets from the emulator it serves: its name, its clock and timer queue, which task
 * is calling, its trace, and where to run code the network does not own. A simulated network
 * schedules every packet on the timer queue, so that in Win16 mode with a virtual clock the network
 * runs in virtual time and deterministically.
 *
 * <p>Thread-safe.
 */
public interface NetworkEnvironment {
  /** The emulator's name, for thread names. */
  String name();

  /** The emulator's clock, in milliseconds. */
  long now();

  /**
   * Runs {@code action} once the clock reaches {@code due}: on the timer thread, or with a virtual
   * clock inside the Win16 scheduler when no task can run. It must only enqueue and wake; what it
   * throws is reported as a callback's would be. It never runs an action on the calling thread; see
   * {@link #schedulingRunsDueActions()} for when actions may run meanwhile.
   */
  NetworkTimer schedule(long due, Runnable action);

  /**
   * Whether {@link #schedule}, called on this thread, may have due actions run (and a virtual clock
   * moved on to them) at once, on another thread, while this one goes on: true on a thread outside
   * the emulator's tasks with a virtual clock, where scheduling wakes a waiting task to run them,
   * and a running task may switch and run them too. On a task's thread time stands still until the
   * task switches, and inside an action the environment runs nothing more runs meanwhile. Scheduling
   * only enqueues, so a network may schedule holding its own locks; but on such a thread it queues
   * the timers of one operation (a connection attempt's SYN and its timeout) together, from one
   * action due now, so that all are queued before time moves.
   */
  boolean schedulingRunsDueActions();

  /** The handle of the task whose thread is calling, or 0 on any other thread. */
  int currentTask();

  /** The emulator's trace. */
  NetworkTrace trace();

  /** Where the network runs code it does not own: the emulator's callback boundary. */
  NetworkCallbacks callbacks();

  /**
   * Where the emulator takes its choices: a simulated network asks it for the extra delay of each
   * packet ({@link org.wsemu.schedule.ChoicePoint#NETWORK_DELAY}) when it explores; the real
   * network ignores it. Default {@link ChoiceSource#none()}.
   */
  default ChoiceSource choices() {
    return ChoiceSource.none();
  }
}
