package org.wsemu.trace;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A condition on one {@link TraceEvent} that can say what it wants, for the messages of
 * {@link TraceAssertions}: {@code EventMatcher.call("recv").with("error", "WSAEWOULDBLOCK")} reads
 * {@code CALL recv error=WSAEWOULDBLOCK} in a failure message.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventMatcher implements Predicate<TraceEvent> {
  private final String description;
  private final Predicate<TraceEvent> test;

  private EventMatcher(String description, Predicate<TraceEvent> test) {
    this.description = description;
    this.test = test;
  }

  /** Events of this kind. */
  public static EventMatcher kind(TraceKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new EventMatcher(kind.name(), e -> e.kind() == kind);
  }

  /** Events of this kind with this name ({@code BLOCK recv}, {@code TASK exit}...). */
  public static EventMatcher event(TraceKind kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    return new EventMatcher(kind.name() + " " + name, e -> e.kind() == kind && e.name().equals(name));
  }

  /** The {@link TraceKind#CALL} events of one function, as {@code event(TraceKind.CALL, function)}. */
  public static EventMatcher call(String function) {
    return event(TraceKind.CALL, function);
  }

  /** A matcher described by {@code description} and decided by {@code test}. */
  public static EventMatcher of(String description, Predicate<TraceEvent> test) {
    return new EventMatcher(Objects.requireNonNull(description, "description"), Objects.requireNonNull(test, "test"));
  }

  /** This matcher, and a field whose rendering ({@code String.valueOf}) is {@code value}'s. */
  public EventMatcher with(String field, Object value) {
    Objects.requireNonNull(field, "field");
    String expected = String.valueOf(value);
    return new EventMatcher(description + " " + field + "=" + expected,
        test.and(e -> e.fields().containsKey(field) && String.valueOf(e.field(field)).equals(expected)));
  }

  /** This matcher, and the event is by this task: its label ({@code "0001:client"}) or its name ({@code "client"}). */
  public EventMatcher by(String task) {
    Objects.requireNonNull(task, "task");
    return new EventMatcher(description + " by " + task, test.and(e -> TraceAssertions.isTask(e, task)));
  }

  @Override
  public boolean test(TraceEvent event) {
    return test.test(event);
  }

  /** What the matcher wants, as a failure message shows it. */
  @Override
  public String toString() {
    return description;
  }
}
