package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.schedule.ChoicePoint;

/** The bounded exhaustive search over the tree of choices. */
@Timeout(120)
class ExhaustiveSearchTest {

  /**
   * Two tasks that yield once: the only choice is which runs first (a yielding task is offered to
   * run again only when it is alone, docs/scheduling.md), so exactly two schedules.
   */
  @Test
  void twoTasksYieldingOnceHaveExactlyTwoSchedules() {
    List<String> orders = Collections.synchronizedList(new ArrayList<>());
    ExplorationResult result = Explorer.builder().strategy(Strategy.EXHAUSTIVE).build()
        .explore(Programs.yielders(orders, "a", "b"));
    assertFalse(result.failed());
    assertTrue(result.exhausted());
    assertEquals(2, result.schedulesRun());
    assertEquals(2, result.distinctTraces());
    assertEquals(List.of("a1 b1 a2 b2", "b1 a1 b2 a2"), orders);
    assertTrue(result.summary().contains("the tree of choices is exhausted; no failure."), result.summary());
  }

  /** Three tasks yielding once: every order the scheduling rule allows, and nothing else. */
  @Test
  void threeTasksYieldingOnceRunInEveryOrderTheRuleAllows() {
    List<String> orders = Collections.synchronizedList(new ArrayList<>());
    ExplorationResult result = Explorer.builder().strategy(Strategy.EXHAUSTIVE).build()
        .explore(Programs.yielders(orders, "a", "b", "c"));
    assertTrue(result.exhausted());
    Set<String> expected = allowedOrders();
    assertEquals(36, expected.size());
    assertEquals(expected, new HashSet<>(orders));
    assertEquals(36, result.distinctTraces());
    assertEquals(36, result.schedulesRun(), "each schedule a new order: no task choice is asked and then thrown away");
    assertEquals(orders.size(), result.schedulesRun());
  }

  @Test
  void theScheduleBudgetStopsTheSearchBeforeTheTreeIsExhausted() {
    ExplorationResult result = Explorer.builder().strategy(Strategy.EXHAUSTIVE).schedules(5).build()
        .explore(Programs.yielders(Collections.synchronizedList(new ArrayList<>()), "a", "b", "c"));
    assertFalse(result.exhausted());
    assertEquals(5, result.schedulesRun());
  }

  @Test
  void onlyTheFirstMaxChoicesBranch() {
    List<String> orders = Collections.synchronizedList(new ArrayList<>());
    ExplorationResult result = Explorer.builder().strategy(Strategy.EXHAUSTIVE).maxChoices(1).build()
        .explore(Programs.yielders(orders, "a", "b", "c"));
    assertTrue(result.exhausted());
    assertEquals(List.of("a1 b1 c1 a2 b2 c2", "b1 c1 a1 b2 c2 a2", "c1 a1 b1 c2 a2 b2"), orders);
  }

  @Test
  void theSearchFindsTheLostUpdateAndReportsTheChoicesAsItsKey() {
    ExplorationResult result = Explorer.builder().strategy(Strategy.EXHAUSTIVE).seed(9).build()
        .explore(Programs.lostUpdate());
    ScheduleFailure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertFalse(result.exhausted());
    assertEquals(9, failure.seed(), "every schedule of the search runs on the base seed's network");
    assertEquals(failure.schedule() + 1, result.schedulesRun());
    assertTrue(failure.replayKey().startsWith("choices:9:"), failure.replayKey());
    assertEquals("lost update: counter 1", Explorer.replay(failure.replayKey(), Programs.lostUpdate())
        .failure().orElseThrow().getMessage());
  }

  @Test
  void orderingPointsBranchOverEveryOptionAndTimingPointsOverTheirEnds() {
    assertEquals(1, ChoiceTree.nextOption(new Choice(ChoicePoint.TASK, 3, 0)));
    assertEquals(2, ChoiceTree.nextOption(new Choice(ChoicePoint.DUE_ORDER, 3, 1)));
    assertEquals(-1, ChoiceTree.nextOption(new Choice(ChoicePoint.COMPLETION_ORDER, 3, 2)));
    assertEquals(55, ChoiceTree.nextOption(new Choice(ChoicePoint.TIMER_PHASE, 56, 0)));
    assertEquals(-1, ChoiceTree.nextOption(new Choice(ChoicePoint.TIMER_PHASE, 56, 55)));
    assertEquals(5, ChoiceTree.nextOption(new Choice(ChoicePoint.NETWORK_DELAY, 6, 0)));
    assertEquals(List.of(0, 5), ChoiceTree.next(List.of(new Choice(ChoicePoint.TASK, 2, 0),
        new Choice(ChoicePoint.NETWORK_DELAY, 6, 0), new Choice(ChoicePoint.TASK, 2, 1)), 64).orElseThrow());
    assertEquals(List.of(1), ChoiceTree.next(List.of(new Choice(ChoicePoint.TASK, 2, 0),
        new Choice(ChoicePoint.NETWORK_DELAY, 6, 0)), 1).orElseThrow(), "beyond maxChoices nothing branches");
    assertTrue(ChoiceTree.next(List.of(new Choice(ChoicePoint.TASK, 2, 1)), 64).isEmpty());
  }

  /**
   * The orders of three tasks of two steps each (the first ends in Yield) where a task that just
   * yielded runs next only when no other can: the scheduling rule, independently enumerated.
   */
  private static Set<String> allowedOrders() {
    Set<String> orders = new HashSet<>();
    enumerate(new int[] {0, 0, 0}, -1, new ArrayList<>(), orders);
    return orders;
  }

  private static void enumerate(int[] done, int yielded, List<String> steps, Set<String> out) {
    List<Integer> ready = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      if (done[t] < 2) {
        ready.add(t);
      }
    }
    if (ready.isEmpty()) {
      out.add(String.join(" ", steps));
      return;
    }
    List<Integer> options = ready.stream().filter(t -> t != yielded).toList();
    for (int t : options.isEmpty() ? ready : options) {
      done[t]++;
      steps.add((char) ('a' + t) + "" + done[t]);
      enumerate(done, done[t] == 1 ? t : -1, steps, out);
      steps.remove(steps.size() - 1);
      done[t]--;
    }
  }
}
