package org.wsemu.cli;

import java.util.List;
import org.wsemu.diagram.DiagramOptions;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceKind;
import picocli.CommandLine.Option;

/**
 * The options that choose what part of a trace is shown, and how, shared by {@code wsemu demo}
 * (its {@code --trace} and diagrams) and {@code wsemu render}: {@code --kind}, {@code --task},
 * {@code --function} narrow the events ({@link GoldenFilter}); without {@code --all}, repeated
 * identical polling is collapsed into one line (or one box) with a count.
 *
 * <p>A picocli mixin: picocli fills it on the main thread; not thread-safe.
 */
final class TraceView {
  @Option(names = "--kind", split = ",", paramLabel = "KIND",
      description = "Keep only events of these kinds (CALL, BLOCK, HOOK... comma-separated, case-insensitive).")
  List<TraceKind> kinds = List.of();

  @Option(names = "--task", split = ",", paramLabel = "TASK",
      description = "Keep only events of these tasks: labels (0001:main), names (main) or handles (0001); - for no"
          + " task, net for the network; comma-separated.")
  List<String> tasks = List.of();

  @Option(names = "--function", split = ",", paramLabel = "NAME",
      description = "Keep only the events of these functions (recv,send...): their CALL, and the BLOCK, UNBLOCK,"
          + " COMPLETION... named after them; add the hook's name (DefaultBlockingHook) for its HOOK events.")
  List<String> functions = List.of();

  @Option(names = "--all", description = "Show every event: repeated polling is not collapsed, and diagrams fold no call away.")
  boolean all;

  /** The filter the options describe ({@link GoldenFilter#withOptions}): every event when none is given. */
  GoldenFilter filter() {
    return GoldenFilter.all().withOptions(kinds.stream().map(Enum::name).toList(), tasks, functions);
  }

  /** The events the filters keep, in their order. */
  List<TraceEvent> select(List<TraceEvent> events) {
    GoldenFilter filter = filter();
    return events.stream().filter(filter).toList();
  }

  /** The text of the selected events: one line each with {@code --all}, else with polling collapsed. */
  String text(List<TraceEvent> events) {
    List<TraceEvent> selected = select(events);
    return all ? TraceFormat.lines(selected) : TraceFormat.readable(selected);
  }

  /** The Mermaid sequence diagram of the selected events. */
  String mermaid(List<TraceEvent> events) {
    return SequenceDiagram.mermaid(select(events), options());
  }

  /** The HTML page of the sequence diagram of the selected events. */
  String html(List<TraceEvent> events, String title) {
    return SequenceDiagram.html(select(events), options().title(title));
  }

  /** How diagrams are drawn: as {@link DiagramOptions#defaults()}, or with {@code --all} every event (nothing collapsed or folded). */
  DiagramOptions options() {
    return all ? DiagramOptions.defaults().collapse(false).fold(false) : DiagramOptions.defaults();
  }

  /** The column legend of a trace line, printed at the end of {@code --help}: {@link TraceFormat#LEGEND}. */
  static String legend() {
    return System.lineSeparator() + TraceFormat.LEGEND.replace("\n", System.lineSeparator());
  }
}
