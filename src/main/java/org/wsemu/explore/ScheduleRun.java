package org.wsemu.explore;

import java.util.List;
import java.util.Optional;
import org.wsemu.trace.TraceEvent;

/**
 * One run of a program on one schedule: what {@link Explorer#replay} returns.
 *
 * @param replayKey the key that runs this schedule again
 * @param choices every choice the schedule made, in order
 * @param failure what the program (or the emulator's {@code close()}) threw, or a
 *     {@link ScheduleTimeoutException} when the schedule did not end in time
 * @param trace the run's whole trace
 */
public record ScheduleRun(String replayKey, List<Choice> choices, Optional<Throwable> failure, List<TraceEvent> trace) {
  /** Freezes the lists. */
  public ScheduleRun {
    choices = List.copyOf(choices);
    trace = List.copyOf(trace);
  }

  /** Whether the run failed. */
  public boolean failed() {
    return failure.isPresent();
  }
}
