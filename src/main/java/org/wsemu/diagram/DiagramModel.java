package org.wsemu.diagram;

import java.util.List;

/**
 * What a diagram shows, independent of how it is drawn: its lifelines, left to right, and its
 * steps, top to bottom. Activation bars are balanced: every {@link Step.Activate} has its
 * {@link Step.Deactivate} on the same lifeline, nested, and boxes of collapsed cycles too.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lifelines the participants
 * @param steps the steps
 * @param omitted how many events were left out past the row limit
 */
record DiagramModel(List<Lifeline> lifelines, List<Step> steps, int omitted) {
  DiagramModel {
    lifelines = List.copyOf(lifelines);
    steps = List.copyOf(steps);
  }

  /** How many arrows it has. */
  long arrows() {
    return steps.stream().filter(Step.Arrow.class::isInstance).count();
  }
}
