package org.wsemu.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The trace filter: which events a golden trace, a rendering or a trace file keeps.
 * {@link #defaults()} drops polling noise: the {@code PeekMessage} and {@code GetTickCount} calls
 * and the {@link TraceKind#CLOCK} events, whose number depends on how often a program polls rather
 * than on what it does. Narrow it further with {@link #kinds}, {@link #tasks}, {@link #functions},
 * {@link #calls} and {@link #without}, or start from {@link #all()}; each narrowing keeps the
 * events that pass every step. {@link #withOptions} reads the lists of a command line.
 *
 * <pre>{@code
 * import java.util.List;
 *
 * GoldenFilter recvAndSend = GoldenFilter.all().tasks("client").calls("recv", "send");
 * List<TraceEvent> shown = new TraceRecorder().events(recvAndSend);
 * }</pre>
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

  /**
   * This filter, keeping only events of these tasks: each given as its label ({@code "0001:client"}),
   * its name ({@code "client"}) or its handle ({@code "0001"}), or {@code "-"} for the events of no
   * task, {@code "net"} for the simulated network's.
   */
  public GoldenFilter tasks(String... tasks) {
    Set<String> wanted = Set.copyOf(Arrays.asList(tasks));
    return narrowedBy(e -> wanted.stream().anyMatch(t -> TraceAssertions.isTask(e, t) || isHandle(e.task(), t)));
  }

  private static boolean isHandle(String label, String handle) {
    int colon = label.indexOf(':');
    return colon > 0 && label.substring(0, colon).equalsIgnoreCase(handle);
  }

  /**
   * This filter, keeping of the {@link TraceKind#CALL} events only those of these functions (other
   * kinds pass): for a golden trace that leaves calls out but keeps what happened.
   */
  public GoldenFilter functions(String... functions) {
    Set<String> wanted = Set.copyOf(Arrays.asList(functions));
    return narrowedBy(e -> e.kind() != TraceKind.CALL || wanted.contains(e.name()));
  }

  /**
   * This filter, keeping only the events named after these functions, whatever their kind: a
   * function's {@code CALL} and the {@code BLOCK}, {@code UNBLOCK}, {@code COMPLETION} and
   * {@code UNWIND} events named after it, and the {@code SWITCH} events of the processor passing
   * on because such a call waited. A blocking hook's {@code HOOK} events are named after the hook:
   * add {@code "DefaultBlockingHook"} or {@code "BlockingHook"} to keep them.
   */
  public GoldenFilter calls(String... functions) {
    Set<String> wanted = Set.copyOf(Arrays.asList(functions));
    return narrowedBy(e -> wanted.contains(e.name()));
  }

  /** This filter, and dropping the events that match {@code drop}. */
  public GoldenFilter without(Predicate<TraceEvent> drop) {
    Objects.requireNonNull(drop, "drop");
    return narrowedBy(drop.negate());
  }

  /**
   * This filter, narrowed by the lists of a command line such as {@code --kind CALL,BLOCK --task
   * main,0002 --function recv,send}: each list is a list of words, each word may hold several
   * items separated by commas, and a null or empty list narrows nothing. Kinds
   * ({@link #kinds}) are named in any case; tasks as {@link #tasks}; functions as {@link #calls}.
   *
   * @throws IllegalArgumentException naming the kinds there are, if a kind is not one of them
   */
  public GoldenFilter withOptions(List<String> kinds, List<String> tasks, List<String> functions) {
    GoldenFilter filter = this;
    List<String> kindNames = items(kinds);
    if (!kindNames.isEmpty()) {
      List<TraceKind> wanted = new ArrayList<>();
      for (String kind : kindNames) {
        wanted.add(kind(kind));
      }
      filter = filter.kinds(wanted.toArray(TraceKind[]::new));
    }
    List<String> taskNames = items(tasks);
    if (!taskNames.isEmpty()) {
      filter = filter.tasks(taskNames.toArray(String[]::new));
    }
    List<String> functionNames = items(functions);
    if (!functionNames.isEmpty()) {
      filter = filter.calls(functionNames.toArray(String[]::new));
    }
    return filter;
  }

  private static List<String> items(List<String> words) {
    List<String> items = new ArrayList<>();
    if (words != null) {
      for (String word : words) {
        for (String item : word.split(",")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
      }
    }
    return items;
  }

  private static TraceKind kind(String name) {
    for (TraceKind kind : TraceKind.values()) {
      if (kind.name().equals(name.toUpperCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no trace kind " + name + "; the kinds: " + String.join(",",
        Arrays.stream(TraceKind.values()).map(TraceKind::name).toList()));
  }

  private GoldenFilter narrowedBy(Predicate<TraceEvent> more) {
    return new GoldenFilter(keep.and(more));
  }

  @Override
  public boolean test(TraceEvent event) {
    return keep.test(event);
  }
}
