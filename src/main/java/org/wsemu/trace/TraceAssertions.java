package org.wsemu.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Assertions on a recorded trace, for any test framework: a failed one throws an
 * {@link AssertionError} whose message shows what was expected and the events that bear on it, not
 * the whole trace.
 *
 * <pre>{@code
 * TraceRecorder recorder = new TraceRecorder(); // the emulator's trace sink; run the program
 * TraceAssertions.assertThat(recorder).call("recv").whileBlockedIn("recv").failedWith("WSAEINPROGRESS");
 * TraceAssertions.assertThat(recorder).messagesDispatched("WM_TIMER", "WM_USER");
 * TraceAssertions.assertThat(recorder)
 *     .containsSubsequence(EventMatcher.event(TraceKind.BLOCK, "recv"), EventMatcher.call("WSACancelBlockingCall"))
 *     .never(EventMatcher.kind(TraceKind.EXCEPTION));
 * }</pre>
 *
 * <p>An assertion works on a snapshot of the events taken by {@link #assertThat(TraceRecorder)};
 * take it once the emulator has shut down (every event is delivered then). Instances are immutable
 * and thread-safe.
 */
public final class TraceAssertions {
  /** At most this many events are shown for one point of a failure message. */
  static final int SHOWN = 10;

  private final List<TraceEvent> events;

  private TraceAssertions(List<TraceEvent> events) {
    this.events = List.copyOf(events);
  }

  /**
   * Assertions on the events the recorder holds now.
   *
   * @throws AssertionError if the recorder dropped events: assertions on the end of a run only
   *     (that nothing happened, that this came before that) would mislead
   */
  public static TraceAssertions assertThat(TraceRecorder recorder) {
    return new TraceAssertions(Goldens.whole(Objects.requireNonNull(recorder, "recorder")));
  }

  /** Assertions on these events, in {@code seq} order. */
  public static TraceAssertions assertThat(List<TraceEvent> events) {
    return new TraceAssertions(Objects.requireNonNull(events, "events"));
  }

  /** The calls of one function ({@link TraceKind#CALL} events), to be narrowed and checked. */
  public CallAssertion call(String function) {
    return new CallAssertion(events, EventMatcher.call(function));
  }

  /**
   * Asserts that the events contain events matching {@code matchers} in this order, each after the
   * one before (other events may come between).
   */
  public TraceAssertions containsSubsequence(EventMatcher... matchers) {
    int at = 0;
    List<TraceEvent> matched = new ArrayList<>();
    for (int m = 0; m < matchers.length; m++) {
      EventMatcher matcher = matchers[m];
      while (at < events.size() && !matcher.test(events.get(at))) {
        at++;
      }
      if (at == events.size()) {
        StringBuilder sb = new StringBuilder("expected the trace to contain, in this order:\n");
        for (int i = 0; i < matchers.length; i++) {
          sb.append("  [").append(i + 1).append("] ").append(matchers[i]).append('\n');
        }
        sb.append("matched:\n");
        for (int i = 0; i < matched.size(); i++) {
          sb.append("  [").append(i + 1).append("] ").append(matched.get(i)).append('\n');
        }
        if (matched.isEmpty()) {
          sb.append("  nothing\n");
        }
        sb.append("missing [").append(m + 1).append("] ").append(matcher);
        sb.append(matched.isEmpty() ? "" : " after seq " + matched.get(matched.size() - 1).seq());
        List<TraceEvent> elsewhere = events.stream().filter(matcher).toList();
        sb.append("; events matching it elsewhere:").append(elsewhere.isEmpty() ? " none" : "\n").append(lines(elsewhere));
        throw new AssertionError(sb.toString().stripTrailing());
      }
      matched.add(events.get(at++));
    }
    return this;
  }

  /** Asserts that no event matches {@code matcher}. */
  public TraceAssertions never(EventMatcher matcher) {
    List<TraceEvent> found = events.stream().filter(matcher).toList();
    if (!found.isEmpty()) {
      throw new AssertionError(("expected no event matching: " + matcher + "\nbut found " + found.size() + ":\n"
          + lines(found)).stripTrailing());
    }
    return this;
  }

  /**
   * Asserts that these messages were dispatched to window procedures in this order (other messages
   * may come between). A message counts as dispatched when a window procedure is entered for it
   * (a {@link TraceKind#PROC} {@code WndProc} event with its {@code msg}), whether it came from the
   * queue or was sent; a timer procedure entered counts as a {@code WM_TIMER}. Names are as the
   * trace shows them ({@code WM_TIMER}, {@code WM_USER}, {@code WM_USER+2}).
   */
  public TraceAssertions messagesDispatched(String... messages) {
    List<TraceEvent> dispatched = events.stream().filter(e -> message(e) != null).toList();
    int at = 0;
    for (int m = 0; m < messages.length; m++) {
      while (at < dispatched.size() && !isMessage(dispatched.get(at), messages[m])) {
        at++;
      }
      if (at == dispatched.size()) {
        String after = m == 0 ? "" : " after " + messages[m - 1] + " (seq " + dispatched.get(lastFound(dispatched, messages, m)).seq() + ")";
        throw new AssertionError(("expected messages dispatched in this order: " + Arrays.toString(messages) + "\nbut "
            + messages[m] + " was not dispatched" + after + "; messages dispatched:"
            + (dispatched.isEmpty() ? " none" : "\n" + lines(dispatched))).stripTrailing());
      }
      at++;
    }
    return this;
  }

  private static int lastFound(List<TraceEvent> dispatched, String[] messages, int missing) {
    int at = 0;
    int last = 0;
    for (int m = 0; m < missing; m++) {
      while (!isMessage(dispatched.get(at), messages[m])) {
        at++;
      }
      last = at++;
    }
    return last;
  }

  private static boolean isMessage(TraceEvent e, String name) {
    String message = message(e);
    return name.equals(message);
  }

  /** The message a PROC event dispatches, or null if it is not one. */
  private static String message(TraceEvent e) {
    if (e.kind() != TraceKind.PROC) {
      return null;
    }
    if (e.name().equals("TimerProc")) {
      return "WM_TIMER";
    }
    return e.name().equals("WndProc") ? String.valueOf(e.field("msg")) : null;
  }

  /** Whether {@code e} is by {@code task}: its whole label or the name after the handle. */
  static boolean isTask(TraceEvent e, String task) {
    String label = e.task();
    return label.equals(task) || label.indexOf(':') >= 0 && label.substring(label.indexOf(':') + 1).equals(task);
  }

  /** The events as indented lines, at most {@link #SHOWN} of them. */
  static String lines(List<TraceEvent> shown) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, shown.size()); i++) {
      sb.append("  ").append(shown.get(i)).append('\n');
    }
    if (shown.size() > SHOWN) {
      sb.append("  ... and ").append(shown.size() - SHOWN).append(" more\n");
    }
    return sb.toString();
  }
}
