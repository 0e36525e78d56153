package org.wsemu.samples.planted;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.wsemu.Emulator;
import org.wsemu.explore.ScheduledProgram;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;

/**
 * A small Win16 program with a planted reentrancy bug, written the way such programs were, with its
 * fixed version behind a flag. The bug does not show on the emulator's own schedule (every choice
 * answered 0): only some orders of events, which schedule exploration can choose, make it show, as
 * an {@link AssertionError} of the program's own check or a checked-mode violation.
 *
 * <p>{@link #run} builds one emulator from the given builder (Win16, virtual clock, its choice
 * source and checked mode as the caller set them) with a fresh simulated network of its own, on
 * which it installs its servers (the network the builder came with is replaced: the programs draw
 * nothing at random), runs its tasks to the end and checks what they did. A callback that throws
 * or a task that fails fails the run too, and so do tasks still running after 5 s of real time
 * (a hang).
 *
 * <p>Threading: immutable; each run keeps its state in a fresh {@link Run}, so one instance may run
 * many schedules, several at once, as the explorer does with parallelism above 1.
 */
public abstract class PlantedProgram implements ScheduledProgram {
  /** How long, in real time, a run may take before it counts as hung. */
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(5);

  private final boolean fixed;
  private final String name;
  private final String bug;
  private final String exposedBy;

  /**
   * @param fixed whether to run the fixed version instead of the one with the bug
   * @param name the program's name, lower case words joined by hyphens
   * @param bug the bug in one line: what the program assumes and what breaks it
   * @param exposedBy the choice points that can expose the bug, as {@code ChoicePoint} names
   */
  protected PlantedProgram(boolean fixed, String name, String bug, String exposedBy) {
    this.fixed = fixed;
    this.name = name;
    this.bug = bug;
    this.exposedBy = exposedBy;
  }

  /** Whether this is the fixed version. */
  public final boolean fixed() {
    return fixed;
  }

  /** The program's name, lower case words joined by hyphens. */
  public final String name() {
    return name;
  }

  /** The bug in one line: what the program assumes and what breaks it. */
  public final String bug() {
    return bug;
  }

  /** The choice points that can expose the bug, as {@code ChoicePoint} names. */
  public final String exposedBy() {
    return exposedBy;
  }

  /**
   * Builds the emulator from {@code builder} with the program's own simulated network, creates the
   * tasks, runs them and checks the outcome.
   *
   * @throws AssertionError when the program's check fails (the bug showed) or its tasks hang
   * @throws Exception what the emulator's close throws (a {@code RuleViolationException} in
   *     checked mode with failOnViolation), or any other failure of the run
   */
  @Override
  public final void run(Emulator.Builder builder) throws Exception {
    SimulatedNetwork network = network();
    Run run = start(network);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    builder.callbackExceptionHandler((task, callback, error) ->
        thrown.compareAndSet(null, new AssertionError(name() + ": " + callback + " threw " + error, error)));
    try (Emulator emu = configure(builder).network(network).build()) {
      run.create(emu);
      List<Task> created = emu.tasks(); // the live ones: those that ended are not listed afterwards
      emu.start();
      boolean ended = emu.awaitTasks(RUN_TIMEOUT);
      rethrow(thrown.get());
      for (Task task : created) {
        if (task.failure().isPresent()) {
          throw new AssertionError(name() + ": task " + task.name() + " threw", task.failure().get());
        }
      }
      if (!ended) {
        throw new AssertionError(name() + ": the tasks did not end (a hang)");
      }
      run.check();
    }
  }

  private static void rethrow(Throwable thrown) {
    if (thrown instanceof Error error) {
      throw error;
    }
  }

  /** Adds the program's own emulator settings (host names, lookup latency...); default none. */
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder;
  }

  /** The simulated network of one run; default: one host with default settings. */
  SimulatedNetwork network() {
    return SimulatedNetwork.builder().build();
  }

  /**
   * Installs the servers of one run on {@code network} and returns the run, whose state is fresh.
   */
  abstract Run start(SimulatedNetwork network);

  /** One run's tasks and their check. */
  interface Run {
    /** Creates the tasks on {@code emu} (built, not started). */
    void create(Emulator emu);

    /** Checks the outcome once the tasks have ended. @throws AssertionError when the bug showed */
    void check();
  }

  /** Fails with {@code message} unless {@code condition}. */
  static void expect(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  @Override
  public String toString() {
    return name() + (fixed ? " (fixed)" : "");
  }
}
