package org.wsemu.explore;

import org.wsemu.Emulator;

/**
 * A program to explore: it builds its emulator from the given builder, runs it, and asserts what
 * must hold on every schedule. It throws (an {@link AssertionError} or anything else) to report a
 * failure; so does the emulator's {@code close()} when the program broke a rule of checked mode.
 *
 * <p>The builder comes preconfigured for the schedule (Win16, virtual clock, a simulated network
 * seeded with the schedule's seed, checked mode failing on violations, the schedule's choices and
 * the explorer's trace sinks); the program may add to it and may replace the network, but must keep
 * the mode, the clock and the choices. Example:
 *
 * <pre>{@code
 * import java.time.Duration;
 * import java.util.ArrayList;
 * import java.util.List;
 * import org.wsemu.Emulator;
 * import org.wsemu.explore.ScheduledProgram;
 *
 * ScheduledProgram twoTasks = builder -> {
 *   List<String> order = new ArrayList<>();
 *   try (Emulator emu = builder.build()) {
 *     for (String name : List.of("a", "b")) {
 *       emu.createTask(name, () -> {
 *         order.add(name);
 *         emu.user().Yield();
 *         return 0;
 *       });
 *     }
 *     emu.start();
 *     if (!emu.awaitTasks(Duration.ofSeconds(10))) {
 *       throw new AssertionError("tasks still running");
 *     }
 *   }
 *   if (order.size() != 2) {
 *     throw new AssertionError("order: " + order);
 *   }
 * };
 * }</pre>
 *
 * <p>Threading: called once per schedule, on a thread of the explorer; with parallelism above 1
 * several schedules run at once, so the program must not share mutable state between calls.
 */
@FunctionalInterface
public interface ScheduledProgram {
  /**
   * Runs the program once, on the emulator {@code builder} builds.
   *
   * @throws Exception to fail the schedule
   */
  void run(Emulator.Builder builder) throws Exception;
}
