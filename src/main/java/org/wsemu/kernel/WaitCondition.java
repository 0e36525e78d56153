package org.wsemu.kernel;

/**
 * What a blocked task waits for, for example "a message matching my filter is in my queue".
 *
 * <p>Threading: evaluated by the scheduler, on any thread, always while holding the waiting task's
 * {@link KernelTask#lock()}. It must read only state guarded by that lock, must not block, and
 * must not call into the emulator.
 */
@FunctionalInterface
public interface WaitCondition {
  /** Whether the wait is over. */
  boolean satisfied();
}
