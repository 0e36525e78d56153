package org.wsemu.samples.demos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceSink;

/**
 * The catalogue of demonstrations, in the order {@code wsemu demo --list} prints them, and the one
 * way to run one.
 *
 * <p>Stateless and thread-safe: each run builds its own emulator and network.
 */
public final class Demonstrations {
  /** The simulated network's seed for every demonstration run: the golden traces use it. */
  public static final long SEED = 1;
  /** How long a demonstration's tasks may take, in real time, before the run counts as hung. */
  public static final Duration LIMIT = Duration.ofSeconds(60);

  private Demonstrations() {}

  /** Every demonstration, grouped by theme: blocking and the hook, asynchronous calls, tasks. */
  public static List<Demonstration> all() {
    List<Demonstration> all = new ArrayList<>();
    all.addAll(BlockingDemos.all());
    all.addAll(AsyncDemos.all());
    all.addAll(TaskDemos.all());
    return List.copyOf(all);
  }

  /**
   * The catalogue by group, in {@link #all()}'s order: each group's title (as {@code wsemu demo
   * --list} and docs/demonstrations.md print it) and its demonstrations.
   */
  public static Map<String, List<Demonstration>> groups() {
    Map<String, List<Demonstration>> groups = new LinkedHashMap<>();
    groups.put("Blocking calls and the blocking hook", BlockingDemos.all());
    groups.put("Asynchronous calls", AsyncDemos.all());
    groups.put("Tasks, cleanup and closing", TaskDemos.all());
    return Collections.unmodifiableMap(groups);
  }

  /** The demonstration called {@code name}, if there is one. */
  public static Optional<Demonstration> find(String name) {
    return all().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /**
   * The names closest to {@code name} (edit distance; a name that contains it, or begins a word
   * with each of its words, counts as close), best first, at most {@code max}: for the command
   * line's "did you mean".
   */
  public static List<String> nearest(String name, int max) {
    String wanted = name.toLowerCase(java.util.Locale.ROOT);
    return all().stream().map(Demonstration::name)
        .sorted(Comparator.comparingInt((String n) -> score(wanted, n)).thenComparing(n -> n))
        .limit(max).toList();
  }

  private static int score(String wanted, String candidate) {
    int distance = editDistance(wanted, candidate);
    boolean close = candidate.contains(wanted) || wanted.contains(candidate) || hasEveryWord(candidate, wanted);
    return close ? Math.min(distance, 2) : distance;
  }

  /** Whether each hyphen-separated word of {@code wanted} begins a word of {@code candidate} ("nested-call"). */
  private static boolean hasEveryWord(String candidate, String wanted) {
    List<String> words = List.of(candidate.split("-"));
    return java.util.Arrays.stream(wanted.split("-")).filter(w -> !w.isEmpty())
        .allMatch(w -> words.stream().anyMatch(c -> c.startsWith(w)));
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * Runs {@code demo} once on a fresh simulated network (seed {@link #SEED}) in {@code mode},
   * sending every trace event to {@code sink}, and returns what its program returned.
   *
   * @throws Exception what the program threw
   */
  public static boolean run(Demonstration demo, SchedulingMode mode, TraceSink sink, PrintWriter out)
      throws Exception {
    return run(demo, Emulator.builder().mode(mode).traceSink(sink), out);
  }

  /**
   * Runs {@code demo} once on an emulator built from {@code builder}, which brings the mode, the
   * clock, the trace sinks and, for schedule exploration, the choices; this adds the name, a fresh
   * simulated network (seed {@link #SEED}, in place of any network the builder has: the program
   * needs its peers) and the demonstration's {@link Demonstration#setup() setup}. Returns what its
   * program returned.
   *
   * @throws Exception what the program threw
   */
  public static boolean run(Demonstration demo, Emulator.Builder builder, PrintWriter out) throws Exception {
    SimulatedNetwork network = SimulatedNetwork.builder().seed(SEED).build();
    try (Emulator emu = demo.setup().apply(builder.name(demo.name()).network(network)).build()) {
      boolean shown = demo.program().run(emu, network, out);
      out.flush();
      return shown;
    }
  }

  /**
   * Starts {@code emu} and waits for all its tasks to end, at most {@link #LIMIT}.
   *
   * @throws IllegalStateException if they do not end in time
   */
  public static void startAndAwait(Emulator emu) throws InterruptedException {
    emu.start();
    if (!emu.awaitTasks(LIMIT)) {
      throw new IllegalStateException("the demonstration's tasks did not end within " + LIMIT.toSeconds() + " s");
    }
  }

  /**
   * Prints one line of a demonstration's output, {@code [t=  NNN ms] who: what}, with the
   * emulator's clock (virtual time in Win16 mode), without a trace event of its own.
   */
  public static void print(Emulator emu, PrintWriter out, String who, String format, Object... args) {
    out.printf("[t=%5d ms] %s: %s%n", emu.clock().millis(), who, String.format(java.util.Locale.ROOT, format, args));
  }
}
