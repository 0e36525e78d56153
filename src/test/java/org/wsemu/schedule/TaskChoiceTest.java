package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;

/** The {@link ChoicePoint#TASK} choice: which of the ready tasks runs next. */
class TaskChoiceTest {

  /** Three tasks each append their name twice, yielding in between. */
  private static List<String> run(ChoiceSource choices, List<int[]> offered) throws Exception {
    List<String> order = new ArrayList<>();
    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).choices(new ChoiceSource() {
          @Override
          public int choose(ChoicePoint point, int options) {
            return choices.choose(point, options);
          }

          @Override
          public boolean exploring() {
            return choices.exploring();
          }

          @Override
          public int chooseTask(int[] readyTasks) {
            offered.add(readyTasks.clone());
            return choices.chooseTask(readyTasks);
          }
        }).build()) {
      for (String name : List.of("a", "b", "c")) {
        emu.createTask(name, () -> {
          order.add(name);
          emu.user().Yield();
          order.add(name);
          return 0;
        });
      }
      emu.start();
      assertEquals(true, emu.awaitTasks(Duration.ofSeconds(10)));
    }
    return order;
  }

  @Test
  @Timeout(20)
  void withoutChoicesTheRuleRunsTasksInCreationOrder() throws Exception {
    List<int[]> offered = new ArrayList<>();
    assertEquals(List.of("a", "b", "c", "a", "b", "c"), run(ChoiceSource.none(), offered));
    assertEquals(0, offered.size(), "none() is never asked");
  }

  @Test
  @Timeout(20)
  void answeringZeroKeepsTheRuleAndOffersTheReadyTasksInItsOrder() throws Exception {
    List<int[]> offered = new ArrayList<>();
    assertEquals(List.of("a", "b", "c", "a", "b", "c"), run((point, options) -> 0, offered));
    int[] first = offered.get(0);
    assertEquals(3, first.length, "at start a, b and c are ready");
    assertArrayEquals(new int[] {first[0], first[1], first[2]}, first);
  }

  @Test
  @Timeout(20)
  void answeringTheLastRunsTheLastReadyTaskFirst() throws Exception {
    List<int[]> offered = new ArrayList<>();
    List<String> order = run((point, options) -> options - 1, offered);
    assertEquals(List.of("c", "b", "a", "c", "b", "a"), order);
  }
}
