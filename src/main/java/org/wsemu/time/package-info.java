/**
 * The clocks an emulator runs on: {@link org.wsemu.time.Clock} and its two implementations,
 * {@link org.wsemu.time.SystemClock} (the machine's monotonic clock) and
 * {@link org.wsemu.time.VirtualClock} (time that moves only when the emulator that claimed it
 * advances it, which makes Win16 runs deterministic).
 *
 * <p>Depends on no other package of wsemu.
 */
package org.wsemu.time;
