package org.wsemu.explore;

/** Writes {@link ExplorationResult#summary()}. */
final class ExplorationSummary {
  private ExplorationSummary() {}

  static String of(ExplorationResult result) {
    return result.strategy() + ": " + result.schedulesRun() + " schedules, " + result.distinctTraces()
        + " distinct traces" + (result.failed() ? ", failed" : ", no failure");
  }
}
