package org.wsemu.net;

/**
 * Where a network runs code it does not own (readiness callbacks, simulated peers): an exception
 * such code throws is reported (in the emulator: an EXCEPTION trace event and the emulator's
 * callback exception handler) and the network goes on; only fatal errors (a
 * {@link VirtualMachineError} other than {@link StackOverflowError}) pass.
 *
 * <p>Thread-safe: called on whatever thread runs the code.
 */
public interface NetworkCallbacks {
  /**
   * Runs {@code code} and reports what it throws.
   *
   * @param what what runs, for the report, for example {@code "readiness callback"}
   * @return whether it returned normally
   */
  boolean run(String what, Runnable code);

  /** Reports that code the network ran, {@code what}, threw {@code error}; rethrows a fatal one. */
  void failed(String what, Throwable error);
}
