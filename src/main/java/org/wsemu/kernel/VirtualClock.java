package org.wsemu.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import org.wsemu.Clock;

/**
 * Virtual time: stands still until the Win16 scheduler advances it, which it does only when no
 * task can run (to the next timer or deadline) or when a polling task yields alone (by the
 * emulator's yield quantum). Obtain one with {@link Clock#virtual()}.
 *
 * <p>Threading: {@link #millis()} from any thread; only the owning emulator's scheduler advances
 * it, and one instance may serve only one emulator.
 */
public final class VirtualClock implements Clock {
  private final AtomicBoolean claimed = new AtomicBoolean();
  private volatile long now;

  /**
   * A virtual clock at {@code startMillis}; prefer {@link Clock#virtual(long)}.
   *
   * @throws IllegalArgumentException if {@code startMillis < 0}
   */
  public VirtualClock(long startMillis) {
    if (startMillis < 0) {
      throw new IllegalArgumentException("startMillis < 0: " + startMillis);
    }
    this.now = startMillis;
  }

  @Override
  public long millis() {
    return now;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  /** Moves time forward to {@code millis}; never backwards. */
  void advanceTo(long millis) {
    if (millis > now) {
      now = millis;
    }
  }

  /** Marks this clock as owned by one emulator; false if another already owns it. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  @Override
  public String toString() {
    return "Clock.virtual(now=" + now + ")";
  }
}
