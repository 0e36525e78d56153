package org.wsemu.schedule;

/**
 * How far the timing choices may move things: the largest extra delay, in virtual milliseconds,
 * that a {@link ChoiceSource} may choose at each timing choice point.
 *
 * @param networkDelayMillis the most extra delay of one simulated packet ({@link ChoicePoint#NETWORK_DELAY})
 * @param timerPhaseMillis the most extra delay of a timer's first expiry ({@link ChoicePoint#TIMER_PHASE});
 *     55 ms is one tick of the Win16 timer
 * @param lookupLatencyMillis the most extra latency of an asynchronous lookup ({@link ChoicePoint#LOOKUP_LATENCY})
 */
public record ChoiceLimits(int networkDelayMillis, int timerPhaseMillis, int lookupLatencyMillis) {
  /** 5 ms of network delay, one 55 ms timer tick, 20 ms of lookup latency. */
  public static final ChoiceLimits DEFAULT = new ChoiceLimits(5, 55, 20);

  /** Checks the limits. @throws IllegalArgumentException if one is negative */
  public ChoiceLimits {
    if (networkDelayMillis < 0 || timerPhaseMillis < 0 || lookupLatencyMillis < 0) {
      throw new IllegalArgumentException("negative choice limit: " + networkDelayMillis + ", "
          + timerPhaseMillis + ", " + lookupLatencyMillis);
    }
  }
}
