/**
 * The basic types of tasks that every layer shares: {@link org.wsemu.task.Task} (an emulated task
 * with its own thread), {@link org.wsemu.task.TaskBody} (its {@code WinMain}),
 * {@link org.wsemu.task.SchedulingMode} (cooperative Win16 or preemptive Win32),
 * {@link org.wsemu.task.CallbackExceptionHandler} (what happens when a callback throws), and the
 * exceptions thrown at a Java programming error or at shutdown
 * ({@link org.wsemu.task.TaskThreadException}, {@link org.wsemu.task.NestingLimitException},
 * {@link org.wsemu.task.TaskTerminatedException}), and {@link org.wsemu.task.OpenResources} (what
 * an emulator holds: threads, timers, sockets, selectors).
 *
 * <p>Depends on no other package of wsemu.
 */
package org.wsemu.task;
