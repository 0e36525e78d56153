package org.wsemu.explore;

import java.util.Locale;

/** Writes {@link ExplorationResult#summary()}: one paragraph. Stateless. */
final class ExplorationSummary {
  private ExplorationSummary() {}

  static String of(ExplorationResult result) {
    StringBuilder out = new StringBuilder();
    out.append(name(result.strategy())).append(": ").append(result.schedulesRun())
        .append(result.schedulesRun() == 1 ? " schedule, " : " schedules, ")
        .append(result.distinctTraces()).append(result.distinctTraces() == 1 ? " distinct trace" : " distinct traces")
        .append(String.format(Locale.ROOT, " in %.1f s", result.elapsed().toMillis() / 1000.0));
    if (result.exhausted()) {
      out.append("; the tree of choices is exhausted");
    }
    if (result.failure().isEmpty()) {
      return out.append("; no failure.").toString();
    }
    ScheduleFailure f = result.failure().get();
    out.append("; schedule ").append(f.schedule()).append(" (seed ").append(f.seed()).append(") failed: ")
        .append(f.cause()).append(". Replay: ").append(f.replayKey());
    long nonZero = f.shrunkChoices().stream().filter(c -> c.chosen() != 0).count();
    out.append("; shrunk (").append(nonZero).append(" of ").append(f.choices().size())
        .append(" choices not the default): ").append(f.shrunkReplayKey());
    f.traceFile().ifPresent(p -> out.append("; trace: ").append(p));
    f.diagramFile().ifPresent(p -> out.append("; diagram: ").append(p));
    return out.append('.').toString();
  }

  private static String name(Strategy strategy) {
    return switch (strategy) {
      case RANDOM_WALK -> "Random walk";
      case PCT -> "PCT";
      case EXHAUSTIVE -> "Exhaustive search";
    };
  }
}
