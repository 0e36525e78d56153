package org.wsemu.task;

/**
 * How an {@link org.wsemu.Emulator} runs its tasks. Chosen once, when the emulator is built.
 *
 * <p>Both modes give every task its own thread; they differ in how many of those threads may run
 * at the same moment and in where a switch may happen.
 */
public enum SchedulingMode {
  /**
   * Cooperative scheduling, as in Windows 3.x. Exactly one task runs at any moment. A task loses
   * the processor only where Win16 switched: {@code GetMessage} or {@code WaitMessage} with nothing
   * to return, {@code PeekMessage} without {@code PM_NOYIELD} when nothing matches, {@code Yield},
   * an inter-task {@code SendMessage} and its reply, and (in the Winsock layer) the wait inside a
   * pseudo-blocking call. The next task is chosen by a fixed rule (see {@code docs/scheduling.md}),
   * so with a virtual clock the same program produces the same trace on every run.
   */
  WIN16,

  /**
   * Preemptive scheduling, as in Win32. Tasks are threads of one process and run in parallel;
   * blocking calls really block the calling thread. The clock is the real one.
   */
  WIN32
}
