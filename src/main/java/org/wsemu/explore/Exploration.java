package org.wsemu.explore;

/** One exploration of one program. */
final class Exploration {
  private final Settings settings;
  private final ScheduledProgram program;

  Exploration(Settings settings, ScheduledProgram program) {
    this.settings = settings;
    this.program = program;
  }

  ExplorationResult run() {
    throw new UnsupportedOperationException("not yet");
  }
}
