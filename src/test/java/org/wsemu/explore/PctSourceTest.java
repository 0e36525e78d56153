package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wsemu.schedule.ChoicePoint;

/** PCT's priorities, on the choices alone. */
class PctSourceTest {

  /** Depth 1 has no change point: the task of highest priority runs whenever it is ready. */
  @Test
  void withoutChangePointsTheSameTaskWinsEveryTime() {
    PctSource pct = new PctSource(1, 10, 5);
    int first = pct.chooseTask(new int[] {1, 2, 3});
    int winner = new int[] {1, 2, 3}[first];
    for (int[] ready : List.of(new int[] {3, 2, 1}, new int[] {2, 3, 1}, new int[] {1, 3, 2})) {
      assertEquals(winner, ready[pct.chooseTask(ready)]);
    }
    assertEquals(4, pct.choices().size());
    assertTrue(pct.choices().stream().allMatch(c -> c.point() == ChoicePoint.TASK && c.options() == 3));
  }

  /**
   * With depth 2 the one change point, drawn among the k steps, demotes the task about to run
   * there; the other task wins from then on (from the first step when the point is step 1).
   */
  @Test
  void aChangePointDemotesTheTaskAboutToRun() {
    Set<Integer> demotedAt = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      PctSource pct = new PctSource(2, 4, seed);
      List<Integer> winners = new ArrayList<>();
      for (int step = 0; step < 4; step++) {
        winners.add(new int[] {1, 2}[pct.chooseTask(new int[] {1, 2})]);
      }
      int changes = 0;
      for (int i = 1; i < winners.size(); i++) {
        if (!winners.get(i).equals(winners.get(i - 1))) {
          changes++;
          demotedAt.add(i);
        }
      }
      assertTrue(changes <= 1, "one change point: after it the other task wins to the end: " + winners);
    }
    assertEquals(Set.of(1, 2, 3), demotedAt, "the change point falls on each later step for some seed");
  }

  @Test
  void otherPointsAreDrawnAndTheSameSeedDrawsTheSame() {
    PctSource a = new PctSource(3, 10, 9);
    PctSource b = new PctSource(3, 10, 9);
    for (int i = 0; i < 20; i++) {
      assertEquals(a.choose(ChoicePoint.NETWORK_DELAY, 6), b.choose(ChoicePoint.NETWORK_DELAY, 6));
    }
    assertEquals(a.choices(), b.choices());
  }
}
