package org.wsemu.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shrinks a failing schedule, delta-debugging style, while it fails with the same exception class:
 * first the shortest prefix of its choices that still fails (the rest answered 0, the emulator's
 * own choice); then, until a round finds nothing smaller, four passes: chunks of the non-zero
 * choices set to 0, halving the chunks down to single choices; each non-zero choice removed, the
 * later ones moving up one place (choices are positional, and a choice whose option changes may add
 * or remove choice points after it); while more than one is not 0, schedules of a single non-zero
 * choice (each non-zero choice alone at the largest option it had, then each other choice alone at
 * option 1 and at its largest); each non-zero choice lowered to the smallest option that still
 * fails, trying 1 and then bisecting. A schedule is kept only if it has fewer non-zero choices
 * than the best so far, or as many with a smaller sum, or both equal and fewer choices in all
 * ({@link #smaller}), so shrinking ends; at most {@link #MAX_RUNS}
 * runs. After each run that still fails it goes on from the choices the run made, and names the run
 * by them (an option that did not exist where it came is 0 there).
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
  private List<Integer> smallest; // the choices of the smallest failing run so far; null before the first

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
    runs = 0;
    smallest = null;
    failureClass = original.failure().orElseThrow().getClass();
    List<Integer> start = trimmed(values(original.choices()));
    ScheduleRun best = attempt(start);
    if (best == null) {
      return original;
    }
    best = shortestPrefix(best);
    List<Integer> before;
    do {
      before = trimmed(values(best.choices()));
      best = zeroChunks(best);
      best = removeSingles(best);
      best = singleChoice(best);
      best = lowerSingles(best);
    } while (runs < MAX_RUNS && !trimmed(values(best.choices())).equals(before));
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

  /** Removes each non-zero choice in turn, the later choices moving up one place. */
  private ScheduleRun removeSingles(ScheduleRun failing) {
    ScheduleRun best = failing;
    List<Integer> values = trimmed(values(best.choices()));
    int i = 0;
    while (i < values.size() && runs < MAX_RUNS) {
      if (values.get(i) == 0) {
        i++;
        continue;
      }
      List<Integer> candidate = new ArrayList<>(values);
      candidate.remove(i);
      ScheduleRun run = attempt(candidate);
      if (run != null) {
        best = run;
        values = trimmed(values(run.choices()));
      } else {
        i++;
      }
    }
    return best;
  }

  /**
   * While more than one choice is not 0, tries schedules of a single choice that is not 0, every
   * other 0: first each non-zero choice alone at the largest option it had (one long delay often
   * does what several shorter ones did), then each other choice up to the last non-zero one alone at
   * option 1 and at its largest (the choice that matters may come earlier than any the schedule
   * changed). The first that fails is kept.
   */
  private ScheduleRun singleChoice(ScheduleRun failing) {
    List<Choice> choices = failing.choices();
    List<Integer> values = trimmed(values(choices));
    if (values.stream().filter(v -> v != 0).count() < 2) {
      return failing;
    }
    List<List<Integer>> candidates = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != 0) {
        candidates.add(alone(i, choices.get(i).options() - 1));
      }
    }
    for (int i = 0; i < values.size(); i++) {
      int largest = choices.get(i).options() - 1;
      if (values.get(i) == 0) {
        candidates.add(alone(i, 1));
        if (largest > 1) {
          candidates.add(alone(i, largest));
        }
      }
    }
    for (int c = 0; c < candidates.size() && runs < MAX_RUNS; c++) {
      ScheduleRun run = attempt(candidates.get(c));
      if (run != null) {
        return run;
      }
    }
    return failing;
  }

  /** {@code index} zeros, then {@code option}. */
  private static List<Integer> alone(int index, int option) {
    List<Integer> values = new ArrayList<>(Collections.nCopies(index, 0));
    values.add(option);
    return values;
  }

  /**
   * Lowers each non-zero choice to the smallest option that still fails: 1 first, then bisecting
   * between the largest option that passed (or failed otherwise) and the smallest that failed.
   */
  private ScheduleRun lowerSingles(ScheduleRun failing) {
    ScheduleRun best = failing;
    List<Integer> values = trimmed(values(best.choices()));
    for (int i = 0; i < values.size() && runs < MAX_RUNS; i++) {
      int passes = 0;
      int fails = values.get(i);
      while (fails - passes > 1 && runs < MAX_RUNS) {
        int option = passes == 0 ? 1 : (passes + fails) >>> 1;
        List<Integer> candidate = new ArrayList<>(values);
        candidate.set(i, option);
        ScheduleRun run = attempt(candidate);
        if (run != null) {
          best = run;
          values = trimmed(values(run.choices()));
          fails = option;
        } else {
          passes = option;
        }
      }
    }
    return best;
  }

  /**
   * The run of {@code values}, named by the choices it made (an option that did not exist where it
   * came is 0 there), if it fails as the original did; otherwise null.
   */
  private ScheduleRun attempt(List<Integer> values) {
    runs++;
    ScheduleRun run = ScheduleRunner.run(ReplayKey.choices(seed, values), program, timeout);
    if (run.failure().filter(t -> t.getClass() == failureClass).isEmpty()) {
      return null;
    }
    List<Integer> made = trimmed(values(run.choices()));
    if (smallest != null && !smaller(made, smallest)) {
      return null;
    }
    smallest = made;
    return new ScheduleRun(ReplayKey.ofChoices(seed, run.choices()).toString(), run.choices(), run.failure(), run.trace());
  }

  /**
   * Whether {@code a} is a smaller schedule than {@code b}: fewer non-zero choices, or as many with
   * a smaller sum of options, or both equal and fewer choices in all. A strict order, so every pass
   * ends.
   */
  static boolean smaller(List<Integer> a, List<Integer> b) {
    long nonZeroA = a.stream().filter(v -> v != 0).count();
    long nonZeroB = b.stream().filter(v -> v != 0).count();
    if (nonZeroA != nonZeroB) {
      return nonZeroA < nonZeroB;
    }
    long sumA = a.stream().mapToLong(Integer::longValue).sum();
    long sumB = b.stream().mapToLong(Integer::longValue).sum();
    return sumA != sumB ? sumA < sumB : a.size() < b.size();
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
