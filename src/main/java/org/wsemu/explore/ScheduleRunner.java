package org.wsemu.explore;

import java.time.Duration;

/** Runs a program on one schedule. */
final class ScheduleRunner {
  private ScheduleRunner() {}

  static ScheduleRun run(ReplayKey key, ScheduledProgram program, Duration timeout) {
    throw new UnsupportedOperationException("not yet");
  }
}
