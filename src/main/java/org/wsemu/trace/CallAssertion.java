package org.wsemu.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls of one function in a trace, narrowed step by step: each step keeps the calls that
 * satisfy it and fails, with an {@link AssertionError} showing the calls it looked at, when none
 * is left. {@code call("recv").whileBlockedIn("recv").failedWith("WSAEINPROGRESS")} asserts that
 * some {@code recv} made while its task was blocked in another {@code recv} failed with
 * {@code WSAEINPROGRESS}.
 *
 * <p>Immutable and thread-safe; obtained from {@link TraceAssertions#call(String)}.
 */
public final class CallAssertion {
  private final List<TraceEvent> trace;
  private final EventMatcher wanted;
  private final List<TraceEvent> calls;
  private final String blockedIn; // the last whileBlockedIn, for the failure message; or null

  CallAssertion(List<TraceEvent> trace, EventMatcher wanted) {
    this(trace, wanted, trace.stream().filter(wanted).toList(), null);
  }

  private CallAssertion(List<TraceEvent> trace, EventMatcher wanted, List<TraceEvent> calls, String blockedIn) {
    this.trace = trace;
    this.wanted = wanted;
    this.calls = calls;
    this.blockedIn = blockedIn;
  }

  /** Keeps the calls that failed with this error ({@code error} field, e.g. {@code "WSAEWOULDBLOCK"}). */
  public CallAssertion failedWith(String error) {
    return narrow(wanted.with("error", error));
  }

  /** Keeps the calls that returned this value ({@code ret} field, compared as text). */
  public CallAssertion returned(Object value) {
    return narrow(wanted.with("ret", value));
  }

  /** Keeps the calls with this field value (compared as text). */
  public CallAssertion with(String field, Object value) {
    return narrow(wanted.with(field, value));
  }

  /** Keeps the calls made by this task: its label ({@code "0001:client"}) or its name. */
  public CallAssertion by(String task) {
    return narrow(wanted.by(task));
  }

  /**
   * Keeps the calls made while their task was blocked in {@code function}: between that call's
   * {@link TraceKind#BLOCK} and its {@link TraceKind#UNBLOCK}, so from a blocking hook, a window
   * procedure or a completion routine run by its blocking loop, one nesting level deeper.
   */
  public CallAssertion whileBlockedIn(String function) {
    List<TraceEvent> inside = new ArrayList<>();
    Set<TraceEvent> candidates = new HashSet<>(calls);
    Map<String, Deque<String>> blocked = new HashMap<>();
    for (TraceEvent e : trace) {
      if (e.kind() == TraceKind.BLOCK) {
        blocked.computeIfAbsent(e.task(), t -> new ArrayDeque<>()).push(e.name());
      } else if (e.kind() == TraceKind.UNBLOCK) {
        blocked.getOrDefault(e.task(), new ArrayDeque<>()).removeFirstOccurrence(e.name());
      } else if (candidates.contains(e) && blocked.getOrDefault(e.task(), new ArrayDeque<>()).contains(function)) {
        inside.add(e);
      }
    }
    EventMatcher narrower = EventMatcher.of(wanted + " while blocked in " + function, wanted);
    return check(new CallAssertion(trace, narrower, inside, function));
  }

  /** Asserts that exactly {@code count} calls are left. */
  public CallAssertion times(int count) {
    if (calls.size() != count) {
      throw new AssertionError(("expected " + count + " x " + wanted + "\nbut found " + calls.size()
          + (calls.isEmpty() ? "" : ":\n" + TraceAssertions.lines(calls))).stripTrailing());
    }
    return this;
  }

  /** The calls left, in {@code seq} order. */
  public List<TraceEvent> events() {
    return calls;
  }

  private CallAssertion narrow(EventMatcher narrower) {
    return check(new CallAssertion(trace, narrower, calls.stream().filter(narrower).toList(), blockedIn));
  }

  private CallAssertion check(CallAssertion narrowed) {
    if (narrowed.calls.isEmpty()) {
      StringBuilder sb = new StringBuilder("expected a ").append(narrowed.wanted).append('\n');
      if (calls.isEmpty()) {
        sb.append("but there was no ").append(wanted);
      } else {
        sb.append("but the ").append(wanted).append(calls.size() == 1 ? " event was:\n" : " events were:\n");
        sb.append(TraceAssertions.lines(calls));
      }
      String in = narrowed.blockedIn;
      if (in != null && !calls.isEmpty()) {
        List<TraceEvent> blocks = trace.stream().filter(e -> (e.kind() == TraceKind.BLOCK || e.kind() == TraceKind.UNBLOCK)
            && e.name().equals(in)).toList();
        sb.append("and the blocks in ").append(in).append(blocks.isEmpty() ? " were none" : " were:\n")
            .append(TraceAssertions.lines(blocks));
      }
      throw new AssertionError(sb.toString().stripTrailing());
    }
    return narrowed;
  }
}
