package org.wsemu.junit;

import java.util.List;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;

/**
 * The last trace events before a failure, with what it takes to replay the run, attached to the
 * failure as a suppressed exception: the failure keeps its own type and message, and the report
 * shows this one under it. It carries no stack trace of its own.
 *
 * <p>Immutable.
 */
public final class TraceExcerpt extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * An excerpt headed by {@code heading}, with the last {@code tail} of {@code events}.
   *
   * @throws IllegalArgumentException if {@code tail} is negative
   */
  public TraceExcerpt(String heading, List<TraceEvent> events, int tail) {
    super(message(heading, events, tail), null, false, false);
  }

  private static String message(String heading, List<TraceEvent> events, int tail) {
    if (tail < 0) {
      throw new IllegalArgumentException("the trace tail must not be negative: " + tail);
    }
    List<TraceEvent> last = events.subList(Math.max(0, events.size() - tail), events.size());
    String counted = "last " + last.size() + " of " + events.size() + " trace events";
    return heading + "\n" + counted + (last.isEmpty() ? "" : ":\n" + TraceFormat.lines(last).stripTrailing());
  }
}
