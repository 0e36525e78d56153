package org.wsemu.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsemu.internal.GuardedBy;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;

/**
 * The checked mode of one emulator: whether it is on, and the rule violations found so far. The
 * layers that decide a rule call {@link #report} on the violating task's thread, at the moment of
 * the violation; each one becomes a VIOLATION trace event (emitted even when no sink listens, so
 * that it is numbered like the rest) and an entry of {@link #found()}.
 *
 * <p>Thread-safe: {@link #enable()} before the emulator starts; the rest from any thread.
 */
public final class RuleChecks {
  /** One violation as recorded: what the public {@code Violation} is made from. */
  public record Found(String rule, long seq, long time, String task, String function, String detail) {}

  private final Trace trace;
  private volatile boolean enabled;
  @GuardedBy("this") private final List<Found> found = new ArrayList<>();

  RuleChecks(Trace trace) {
    this.trace = trace;
  }

  /** Turns checked mode on; called once while the emulator is built. */
  public void enable() {
    enabled = true;
  }

  /** Whether checked mode is on. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Records a violation of {@code rule} by {@code task} (null: no task), if checked mode is on.
   *
   * @param function the call that broke the rule, or {@code "-"}
   * @param sentence the rule in one short sentence (the event's {@code rule} field)
   * @param fields rule-specific fields, as name, value pairs
   */
  public void report(KernelTask task, String rule, String function, String sentence, Object... fields) {
    if (!enabled) {
      return;
    }
    Trace.EventBuilder event = trace.event(TraceKind.VIOLATION, task == null ? "-" : task.label(), rule)
        .with("function", function);
    StringBuilder detail = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      String value = String.valueOf(fields[i + 1]);
      event.with((String) fields[i], value);
      detail.append(detail.length() == 0 ? "" : " ").append(fields[i]).append('=').append(value);
    }
    TraceEvent recorded = event.with("rule", sentence).emitRecorded();
    synchronized (this) {
      found.add(new Found(rule, recorded.seq(), recorded.time(), recorded.task(), function, detail.toString()));
      found.sort((a, b) -> Long.compare(a.seq(), b.seq()));
    }
  }

  /** The violations found so far, in {@code seq} order (a snapshot). */
  public synchronized List<Found> found() {
    return List.copyOf(found);
  }

  /** How many violations of each rule, the rules in the order first seen (a snapshot). */
  public synchronized Map<String, Integer> summary() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Found f : found) {
      counts.merge(f.rule(), 1, Integer::sum);
    }
    return counts;
  }

  /** The NOTE {@code violations} of shutdown: {@code total} and one count per rule; nothing if none. */
  void emitSummary() {
    Map<String, Integer> counts = summary();
    if (!enabled || counts.isEmpty()) {
      return;
    }
    Trace.EventBuilder event = trace.event(TraceKind.NOTE, "-", "violations")
        .with("total", counts.values().stream().mapToInt(Integer::intValue).sum());
    counts.forEach(event::with);
    event.emit();
  }
}
