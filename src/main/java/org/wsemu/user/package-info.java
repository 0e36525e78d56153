/**
 * The USER functions of Windows 3.x with their C names: {@link org.wsemu.user.User} (messages,
 * window classes and windows, timers, tasks), the structures ({@link org.wsemu.user.MSG},
 * {@link org.wsemu.user.WNDCLASS}, {@link org.wsemu.user.POINT}), the callbacks
 * ({@link org.wsemu.user.WNDPROC}, {@link org.wsemu.user.TIMERPROC}) and the constants of
 * {@code windef.h} and {@code winuser.h} ({@link org.wsemu.user.WinDef},
 * {@link org.wsemu.user.WinUser}). The implementation (message queues, windows, timers) is
 * package-private; {@link org.wsemu.user.UserWiring} is the emulator's internal wiring entry.
 *
 * <p>Built on the kernel; depends on no other layer.
 */
package org.wsemu.user;
