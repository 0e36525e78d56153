package org.wsemu.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing schedule, delta-debugging style, while it fails with the same exception class:
 * first the shortest prefix of its choices that still fails (the rest answered 0, the emulator's
 * own choice), then chunks of the non-zero choices set to 0, halving the chunks down to single
 * choices. At most {@link #MAX_RUNS} runs.
 *
 * <p>Threading: one shrink at a time, on the caller's thread.
 */
final class Shrinker {
  /** The most schedules one shrink runs. */
  static final int MAX_RUNS = 500;

  private final ScheduledProgram program;
  private final long seed;
  private final Duration timeout;
  private Class<?> failureClass;
  private int runs;

  Shrinker(ScheduledProgram program, long seed, Duration timeout) {
    this.program = program;
    this.seed = seed;
    this.timeout = timeout;
  }

  /**
   * The smallest failing schedule found, with a {@code choices} key; {@code original} itself if it
   * does not fail again when replayed from its choices, or nothing smaller fails.
   */
  ScheduleRun shrink(ScheduleRun original) {
    failureClass = original.failure().orElseThrow().getClass();
    List<Integer> start = trimmed(values(original.choices()));
    ScheduleRun best = attempt(start);
    if (best == null) {
      return original;
    }
    best = shortestPrefix(best);
    best = zeroChunks(best);
    return trimmed(values(best.choices())).equals(start) ? original : best;
  }

  /** How many schedules the last shrink ran. */
  int runs() {
    return runs;
  }

  private ScheduleRun shortestPrefix(ScheduleRun failing) {
    ScheduleRun best = failing;
    List<Integer> values = trimmed(values(best.choices()));
    int lo = 0;
    int hi = values.size();
    while (lo < hi && runs < MAX_RUNS) {
      int mid = (lo + hi) >>> 1;
      ScheduleRun run = attempt(values.subList(0, mid));
      if (run != null) {
        best = run;
        values = trimmed(values(run.choices()));
        hi = Math.min(mid, values.size());
      } else {
        lo = mid + 1;
      }
    }
    return best;
  }

  private ScheduleRun zeroChunks(ScheduleRun failing) {
    ScheduleRun best = failing;
    List<Integer> values = trimmed(values(best.choices()));
    int granularity = 2;
    while (runs < MAX_RUNS) {
      List<Integer> nonZero = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) != 0) {
          nonZero.add(i);
        }
      }
      if (nonZero.isEmpty()) {
        break;
      }
      int chunks = Math.min(granularity, nonZero.size());
      boolean reduced = false;
      for (int c = 0; c < chunks && !reduced && runs < MAX_RUNS; c++) {
        List<Integer> candidate = new ArrayList<>(values);
        for (int k = c * nonZero.size() / chunks; k < (c + 1) * nonZero.size() / chunks; k++) {
          candidate.set(nonZero.get(k), 0);
        }
        ScheduleRun run = attempt(candidate);
        if (run != null) {
          best = run;
          values = trimmed(values(run.choices()));
          granularity = Math.max(chunks - 1, 2);
          reduced = true;
        }
      }
      if (!reduced) {
        if (chunks >= nonZero.size()) {
          break;
        }
        granularity = Math.min(2 * chunks, nonZero.size());
      }
    }
    return best;
  }

  /** The run of {@code values}, if it fails as the original did; otherwise null. */
  private ScheduleRun attempt(List<Integer> values) {
    runs++;
    ScheduleRun run = ScheduleRunner.run(ReplayKey.choices(seed, values), program, timeout);
    return run.failure().filter(t -> t.getClass() == failureClass).isPresent() ? run : null;
  }

  static List<Integer> values(List<Choice> choices) {
    return choices.stream().map(Choice::chosen).toList();
  }

  static List<Integer> trimmed(List<Integer> values) {
    int end = values.size();
    while (end > 0 && values.get(end - 1) == 0) {
      end--;
    }
    return List.copyOf(values.subList(0, end));
  }
}
