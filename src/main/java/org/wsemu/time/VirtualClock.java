package org.wsemu.time;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Virtual time: stands still until the Win16 scheduler advances it, which it does only when no
 * task can run (to the next timer or deadline) or when a polling task yields alone (by the
 * emulator's yield quantum). Obtain one with {@link Clock#virtual()}.
 *
 * <p>Only the emulator that runs on this clock moves it: building the emulator {@linkplain #claim()
 * claims} the clock, which hands over the one {@link Control} that can advance it. A second claim,
 * by a second emulator or anyone else, is rejected, so one instance serves one emulator.
 *
 * <p>Threading: {@link #millis()} and {@link #claim()} from any thread; the {@link Control} from
 * the owning emulator's scheduler, under its lock.
 */
public final class VirtualClock implements Clock {
  private final AtomicBoolean claimed = new AtomicBoolean();
  private volatile long now;

  VirtualClock(long startMillis) {
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

  /**
   * Makes the caller this clock's owner, the only one that can advance it. An emulator calls it
   * once, when it is built; an application never needs to.
   *
   * @return the control of this clock
   * @throws IllegalStateException if the clock was already claimed (it belongs to another emulator)
   */
  public Control claim() {
    if (!claimed.compareAndSet(false, true)) {
      throw new IllegalStateException("this virtual clock already belongs to another emulator");
    }
    return new Control(this);
  }

  @Override
  public String toString() {
    return "Clock.virtual(now=" + now + ")";
  }

  /**
   * The right to move one virtual clock forward, held by the emulator that claimed it.
   *
   * <p>Threading: {@link #millis()} from any thread; {@link #advanceTo(long)} from one thread at a
   * time (the owner's scheduler serialises it).
   */
  public static final class Control {
    private final VirtualClock clock;

    private Control(VirtualClock clock) {
      this.clock = clock;
    }

    /** The clock's time, as {@link VirtualClock#millis()}. */
    public long millis() {
      return clock.now;
    }

    /** Moves time forward to {@code millis}; never backwards. */
    public void advanceTo(long millis) {
      if (millis > clock.now) {
        clock.now = millis;
      }
    }
  }
}
