/**
 * Internal: the emulated KERNEL that the USER and Windows Sockets layers share. It holds the
 * tasks and their threads, the Win16 and Win32 schedulers, the timer queues of the real and the
 * virtual clock, handle tables, the callback boundary (one policy for code the emulator runs but
 * does not own) and the shutdown sequence.
 *
 * <p>Not part of the API: the module does not export this package, and applications use
 * {@link org.wsemu.Emulator} instead. Depends only on {@code org.wsemu.task},
 * {@code org.wsemu.time} and {@code org.wsemu.trace}.
 */
package org.wsemu.kernel;
