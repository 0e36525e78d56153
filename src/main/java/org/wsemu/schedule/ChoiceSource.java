package org.wsemu.schedule;

/**
 * Where an emulator takes the choices it would otherwise make by itself: one source per emulator,
 * set with {@code Emulator.Builder.choices}. Schedule exploration implements it (random walk, PCT,
 * bounded exhaustive search, replay); {@link #none()} is the emulator's own behaviour.
 *
 * <p>Threading: called on the emulator's threads, one call at a time in Win16 mode (the thread
 * holding the processor token, or the one running due actions for it), so in Win16 mode on
 * virtual time the sequence of calls is the same on every run that got the same answers. An
 * implementation must not call into the emulator and must not throw.
 */
public interface ChoiceSource {
  /**
   * Chooses one of {@code options} (at least 2) at {@code point}.
   *
   * @return a number from 0 to {@code options - 1}; 0 is what the emulator does by itself
   */
  int choose(ChoicePoint point, int options);

  /**
   * Chooses which of the ready tasks runs next ({@link ChoicePoint#TASK}).
   *
   * @param readyTasks the handles (hTask) of the tasks that can run, at least 2, in the order of
   *     the emulator's own rule: index 0 is the task it would choose
   * @return an index into {@code readyTasks}
   */
  default int chooseTask(int[] readyTasks) {
    return choose(ChoicePoint.TASK, readyTasks.length);
  }

  /** How far timing choices may move things. */
  default ChoiceLimits limits() {
    return ChoiceLimits.DEFAULT;
  }

  /** Whether this source may answer anything but 0; {@code false} lets the emulator skip asking. */
  default boolean exploring() {
    return true;
  }

  /** The emulator's own behaviour: always option 0. */
  static ChoiceSource none() {
    return NoChoices.INSTANCE;
  }
}
