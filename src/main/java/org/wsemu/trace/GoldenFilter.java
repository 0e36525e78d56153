package org.wsemu.trace;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which events a golden trace keeps. {@link #defaults()} drops polling noise: the
 * {@code PeekMessage} and {@code GetTickCount} calls and the {@link TraceKind#CLOCK} events, whose
 * number depends on how often a program polls rather than on what it does. Narrow it further with
 * {@link #kinds}, {@link #tasks} and {@link #functions}, or start from {@link #all()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GoldenFilter implements Predicate<TraceEvent> {
  private static final Set<String> POLLING = Set.of("PeekMessage", "GetTickCount");

  private final Predicate<TraceEvent> keep;

  private GoldenFilter(Predicate<TraceEvent> keep) {
    this.keep = keep;
  }

  /** Keeps every event. */
  public static GoldenFilter all() {
    return new GoldenFilter(e -> true);
  }

  /** Keeps every event but the polling noise: {@code CALL PeekMessage}, {@code CALL GetTickCount}, {@code CLOCK}. */
  public static GoldenFilter defaults() {
    return new GoldenFilter(e -> e.kind() != TraceKind.CLOCK && !(e.kind() == TraceKind.CALL && POLLING.contains(e.name())));
  }

  /** This filter, keeping only events of these kinds. */
  public GoldenFilter kinds(TraceKind... kinds) {
    Set<TraceKind> wanted = Set.copyOf(Arrays.asList(kinds));
    return narrowedBy(e -> wanted.contains(e.kind()));
  }

  /** This filter, keeping only events of these tasks (labels such as {@code "0001:client"} or names such as {@code "client"}). */
  public GoldenFilter tasks(String... tasks) {
    Set<String> wanted = Set.copyOf(Arrays.asList(tasks));
    return narrowedBy(e -> wanted.stream().anyMatch(t -> TraceAssertions.isTask(e, t)));
  }

  /** This filter, keeping of the {@link TraceKind#CALL} events only those of these functions (other kinds pass). */
  public GoldenFilter functions(String... functions) {
    Set<String> wanted = Set.copyOf(Arrays.asList(functions));
    return narrowedBy(e -> e.kind() != TraceKind.CALL || wanted.contains(e.name()));
  }

  /** This filter, and dropping the events that match {@code drop}. */
  public GoldenFilter without(Predicate<TraceEvent> drop) {
    Objects.requireNonNull(drop, "drop");
    return narrowedBy(drop.negate());
  }

  private GoldenFilter narrowedBy(Predicate<TraceEvent> more) {
    return new GoldenFilter(keep.and(more));
  }

  @Override
  public boolean test(TraceEvent event) {
    return keep.test(event);
  }
}
