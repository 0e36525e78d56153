package org.wsemu.kernel;

/** Why {@link KernelTask#await} returned. */
public enum AwaitResult {
  /** The wait condition became true. */
  SATISFIED,
  /** The deadline passed first. */
  TIMED_OUT,
  /** The emulator is shutting down: the caller must unwind. */
  TERMINATED
}
