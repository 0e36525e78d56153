package org.wsemu.explore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.wsemu.trace.TraceEvent;

/**
 * The failing schedule an exploration found: the lowest failing schedule index, whatever the
 * parallelism.
 *
 * @param schedule the index of the failing schedule, from 0
 * @param seed the schedule's seed (base seed + index), which a random walk or PCT exploration with
 *     this base seed and one schedule runs again
 * @param replayKey the key of the failing schedule as found ({@link Explorer#replay})
 * @param shrunkReplayKey the key of the shrunk schedule; the same as {@code replayKey} when
 *     shrinking is off or found nothing smaller
 * @param choices the choices of the failing schedule
 * @param shrunkChoices the choices of the shrunk schedule, up to its last non-zero one
 * @param cause what the failing schedule threw
 * @param trace the whole trace of the shrunk schedule
 * @param traceFile the text trace written, when {@link Explorer.Builder#output} was set (a
 *     {@code .jsonl} file lies next to it)
 * @param diagramFile the sequence diagram (HTML) written, when an output directory was set
 */
public record ScheduleFailure(int schedule, long seed, String replayKey, String shrunkReplayKey,
    List<Choice> choices, List<Choice> shrunkChoices, Throwable cause, List<TraceEvent> trace,
    Optional<Path> traceFile, Optional<Path> diagramFile) {
  /** Freezes the lists. */
  public ScheduleFailure {
    choices = List.copyOf(choices);
    shrunkChoices = List.copyOf(shrunkChoices);
    trace = List.copyOf(trace);
  }
}
