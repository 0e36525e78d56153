package org.wsemu.time;

/**
 * The time source of one emulator: what {@code GetTickCount}, message times, timers and trace
 * times read.
 *
 * <p>Two kinds exist. {@link #system()} follows the machine's monotonic clock. {@link #virtual()}
 * stands still while any task can run and jumps, when none can, to the next timer or deadline; it
 * makes Win16 runs deterministic and lets ten simulated minutes pass in milliseconds. A virtual
 * clock belongs to one emulator: passing the same instance to a second one is rejected.
 *
 * <p>Threading: {@link #millis()} may be called from any thread.
 */
public interface Clock {

  /** Milliseconds since this clock's origin (0 unless a virtual clock was given another start). */
  long millis();

  /** Whether this is a virtual clock (advanced by the emulator, not by the machine). */
  boolean isVirtual();

  /** A real clock whose origin is the moment it is created. */
  static Clock system() {
    return new SystemClock();
  }

  /** A virtual clock starting at 0 ms. */
  static Clock virtual() {
    return new VirtualClock(0);
  }

  /**
   * A virtual clock starting at the given time, for example near {@code 0xFFFFFFFF} to test a
   * program's handling of the {@code GetTickCount} wrap-around.
   *
   * @param startMillis the initial time, {@code >= 0}
   * @throws IllegalArgumentException if {@code startMillis < 0}
   */
  static Clock virtual(long startMillis) {
    return new VirtualClock(startMillis);
  }
}
