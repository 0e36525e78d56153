package org.wsemu.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * A schedule, named so that it can be run again: the strategy's source and the seed of the simulated
 * network. Three forms:
 *
 * <ul>
 *   <li>{@code random-walk:SEED}: every choice drawn uniformly, from a generator seeded with SEED;
 *   <li>{@code pct:DEPTH:STEPS:SEED}: PCT with bug depth DEPTH over STEPS estimated task steps;
 *   <li>{@code choices:SEED:C.C.C}: the listed options, in the order the choices come, then option
 *       0; {@code 0*N} stands for N zeros; an empty list is the emulator's own schedule.
 * </ul>
 *
 * <p>In each, SEED seeds the simulated network too. Immutable.
 */
final class ReplayKey {
  enum Kind { RANDOM_WALK, PCT, CHOICES }

  private final Kind kind;
  private final long seed;
  private final int depth;
  private final int steps;
  private final List<Integer> values;

  private ReplayKey(Kind kind, long seed, int depth, int steps, List<Integer> values) {
    this.kind = kind;
    this.seed = seed;
    this.depth = depth;
    this.steps = steps;
    this.values = List.copyOf(values);
  }

  /**
   * The key of the schedule {@code strategy} runs with {@code seed}: a random walk's, or PCT's with
   * {@code depth} and {@code steps}.
   *
   * @throws IllegalArgumentException for {@link Strategy#EXHAUSTIVE}, whose schedules have no seed
   */
  static ReplayKey ofSeed(Strategy strategy, int depth, int steps, long seed) {
    return switch (strategy) {
      case RANDOM_WALK -> randomWalk(seed);
      case PCT -> pct(depth, steps, seed);
      case EXHAUSTIVE -> throw new IllegalArgumentException(
          "an exhaustive search's schedules have no seed: replay the choices key it printed");
    };
  }

  static ReplayKey randomWalk(long seed) {
    return new ReplayKey(Kind.RANDOM_WALK, seed, 0, 0, List.of());
  }

  static ReplayKey pct(int depth, int steps, long seed) {
    if (depth < 1 || steps < 1) {
      throw new IllegalArgumentException("pct needs depth >= 1 and steps >= 1: " + depth + ", " + steps);
    }
    return new ReplayKey(Kind.PCT, seed, depth, steps, List.of());
  }

  /** The key of a list of options, its trailing zeros dropped (they change nothing). */
  static ReplayKey choices(long seed, List<Integer> values) {
    int end = values.size();
    while (end > 0 && values.get(end - 1) == 0) {
      end--;
    }
    for (int v : values) {
      if (v < 0) {
        throw new IllegalArgumentException("negative option in a replay key: " + values);
      }
    }
    return new ReplayKey(Kind.CHOICES, seed, 0, 0, values.subList(0, end));
  }

  /** The key of the choices a run made. */
  static ReplayKey ofChoices(long seed, List<Choice> choices) {
    return choices(seed, choices.stream().map(Choice::chosen).toList());
  }

  /**
   * Parses a key.
   *
   * @throws IllegalArgumentException naming the expected forms if {@code key} is none of them
   */
  static ReplayKey parse(String key) {
    String[] parts = key.split(":", -1);
    try {
      switch (parts[0]) {
        case "random-walk":
          if (parts.length == 2) {
            return randomWalk(Long.parseLong(parts[1]));
          }
          break;
        case "pct":
          if (parts.length == 4) {
            return pct(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
          }
          break;
        case "choices":
          if (parts.length == 3) {
            return choices(Long.parseLong(parts[1]), values(parts[2]));
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      throw malformed(key);
    }
    throw malformed(key);
  }

  private static List<Integer> values(String list) {
    List<Integer> values = new ArrayList<>();
    if (list.isEmpty()) {
      return values;
    }
    for (String item : list.split("\\.", -1)) {
      int star = item.indexOf('*');
      if (star >= 0) {
        int value = Integer.parseInt(item.substring(0, star));
        int count = Integer.parseInt(item.substring(star + 1));
        if (count < 1 || count > 1_000_000) {
          throw new NumberFormatException("repeat count: " + count);
        }
        for (int i = 0; i < count; i++) {
          values.add(value);
        }
      } else {
        values.add(Integer.parseInt(item));
      }
    }
    return values;
  }

  private static IllegalArgumentException malformed(String key) {
    return new IllegalArgumentException("not a replay key: \"" + key
        + "\"; expected random-walk:SEED, pct:DEPTH:STEPS:SEED or choices:SEED:C.C.C (C an option, 0*N for N zeros)");
  }

  Kind kind() {
    return kind;
  }

  /** The seed of the schedule's generator (random walk, PCT) and of the simulated network. */
  long seed() {
    return seed;
  }

  /** The listed options of a {@code choices} key. */
  List<Integer> values() {
    return values;
  }

  /** A fresh source that makes this schedule's choices. */
  RecordingSource newSource() {
    return switch (kind) {
      case RANDOM_WALK -> new RandomWalkSource(seed);
      case PCT -> new PctSource(depth, steps, seed);
      case CHOICES -> new ListedSource(values);
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case RANDOM_WALK -> "random-walk:" + seed;
      case PCT -> "pct:" + depth + ":" + steps + ":" + seed;
      case CHOICES -> "choices:" + seed + ":" + render(values);
    };
  }

  private static String render(List<Integer> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < values.size()) {
      int run = 1;
      while (values.get(i) == 0 && i + run < values.size() && values.get(i + run) == 0) {
        run++;
      }
      out.append(out.length() == 0 ? "" : ".").append(values.get(i));
      if (run > 2) {
        out.append('*').append(run);
      } else if (run == 2) {
        out.append(".0");
      }
      i += run;
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplayKey other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
