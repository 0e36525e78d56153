package org.wsemu.diagram;

/**
 * One step of a diagram, top to bottom: an arrow, a note, the start or end of an activation bar,
 * or the start or end of a box around a collapsed cycle of events.
 *
 * <p>Immutable and thread-safe.
 */
sealed interface Step {
  /**
   * An arrow between two lifelines ({@code from == to}: a self-arrow).
   *
   * @param time the virtual time of its event
   * @param from where it starts
   * @param to where it points
   * @param text its label
   * @param mark its kind
   * @param error whether it is drawn as an error
   * @param repeats how many times it repeated ({@code 1}: once; more: drawn once with {@code x N})
   */
  record Arrow(long time, Lifeline from, Lifeline to, String text, Mark mark, boolean error, int repeats)
      implements Step {}

  /**
   * A note right of a lifeline.
   *
   * @param time the virtual time of its event
   * @param over the lifeline
   * @param text its text
   * @param error whether it is drawn as an error
   * @param repeats how many times it repeated
   */
  record Note(long time, Lifeline over, String text, boolean error, int repeats) implements Step {}

  /** An activation bar of {@code who} starts (one level deeper). */
  record Activate(Lifeline who) implements Step {}

  /** The innermost activation bar of {@code who} ends. */
  record Deactivate(Lifeline who) implements Step {}

  /**
   * A collapsed cycle of events starts: the steps up to the matching {@link LoopEnd} repeated.
   *
   * @param repeats how many times
   * @param firstTime the virtual time of the first repetition
   * @param lastTime that of the last
   */
  record LoopStart(int repeats, long firstTime, long lastTime) implements Step {}

  /** The collapsed cycle ends. */
  record LoopEnd() implements Step {}
}
