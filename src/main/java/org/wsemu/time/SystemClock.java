package org.wsemu.time;

/**
 * The real clock: milliseconds of the machine's monotonic clock since this object was created.
 * Obtain one with {@link Clock#system()}.
 *
 * <p>Thread-safe.
 */
public final class SystemClock implements Clock {
  private final long originNanos = System.nanoTime();

  SystemClock() {}

  @Override
  public long millis() {
    return nanos() / 1_000_000L;
  }

  /** Nanoseconds since the origin, for precise timed waits. */
  public long nanos() {
    return System.nanoTime() - originNanos;
  }

  @Override
  public boolean isVirtual() {
    return false;
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
