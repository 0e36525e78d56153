package org.wsemu.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The depth-first order of the exhaustive search over the tree of choices. A schedule is the list of
 * its choices; the next one keeps the longest prefix that still has an unexplored sibling and takes
 * that sibling; later choices get option 0 (and so the leftmost path below it). The first
 * {@code maxChoices} choices branch; the later ones stay 0.
 *
 * <p>Ordering points (TASK, DUE_ORDER, COMPLETION_ORDER) branch over every option; timing points
 * (NETWORK_DELAY, TIMER_PHASE, HOOK_REPOLL, LOOKUP_LATENCY), whose options are milliseconds, over
 * their smallest and largest only: 0, then {@code options - 1}. Stateless.
 */
final class ChoiceTree {
  private ChoiceTree() {}

  /** The prefix of the next schedule after the one that made {@code choices}, or empty when the tree is done. */
  static Optional<List<Integer>> next(List<Choice> choices, int maxChoices) {
    for (int j = Math.min(choices.size(), maxChoices) - 1; j >= 0; j--) {
      int sibling = nextOption(choices.get(j));
      if (sibling >= 0) {
        List<Integer> prefix = new ArrayList<>(Shrinker.values(choices.subList(0, j)));
        prefix.add(sibling);
        return Optional.of(prefix);
      }
    }
    return Optional.empty();
  }

  /** The option explored after {@code choice.chosen()} at its point, or -1 if none. */
  static int nextOption(Choice choice) {
    return switch (choice.point()) {
      case TASK, DUE_ORDER, COMPLETION_ORDER -> choice.chosen() + 1 < choice.options() ? choice.chosen() + 1 : -1;
      case NETWORK_DELAY, TIMER_PHASE, HOOK_REPOLL, LOOKUP_LATENCY -> choice.chosen() == 0 ? choice.options() - 1 : -1;
    };
  }
}
