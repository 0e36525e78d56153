package org.wsemu.explore;

import java.util.List;
import org.wsemu.schedule.ChoicePoint;

/**
 * Answers a list of options in order, then 0: the replay of a {@code choices} key, the schedules of
 * the exhaustive search and of shrinking. An option that does not exist at its point becomes 0.
 * Threading: as {@link RecordingSource}.
 */
final class ListedSource extends RecordingSource {
  private final List<Integer> values;

  ListedSource(List<Integer> values) {
    this.values = List.copyOf(values);
  }

  @Override
  int answer(ChoicePoint point, int options, int index) {
    return index < values.size() ? values.get(index) : 0;
  }

  @Override
  public String toString() {
    return "listed choices " + values;
  }
}
