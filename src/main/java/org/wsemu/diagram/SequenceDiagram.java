package org.wsemu.diagram;

import java.util.List;
import java.util.Objects;
import org.wsemu.trace.TraceEvent;

/**
 * Sequence diagrams of a trace: Mermaid text, and a self-contained HTML page with inline SVG.
 *
 * <p>Any trace will do: a recorder's events after a run, a golden file or a trace file read with
 * {@link org.wsemu.trace.TraceFiles#read}. A lifeline per task (in order of appearance), one for
 * the network and one for the resolver; blocking calls and nested window procedures as activation
 * bars; hooks, messages, cancels, notifications and completions as arrows; errors in red; virtual
 * time on the left; repeated polling collapsed into one entry with its count.
 *
 * <pre>{@code
 * import org.wsemu.diagram.DiagramOptions;
 * import org.wsemu.diagram.SequenceDiagram;
 *
 * TraceRecorder recorder = new TraceRecorder(); // Emulator.builder().traceSink(recorder), run, close
 * String page = SequenceDiagram.html(recorder.events(), "nested recv");
 * String text = SequenceDiagram.mermaid(recorder.events(), DiagramOptions.defaults().collapse(false));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SequenceDiagram {
  private SequenceDiagram() {}

  /** A Mermaid {@code sequenceDiagram} of {@code events}, ready to paste into Markdown. */
  public static String mermaid(List<TraceEvent> events) {
    return mermaid(events, DiagramOptions.defaults());
  }

  /** A Mermaid {@code sequenceDiagram} of {@code events}, drawn as {@code options} say (the title aside). */
  public static String mermaid(List<TraceEvent> events, DiagramOptions options) {
    return MermaidWriter.write(ModelBuilder.build(Objects.requireNonNull(events, "events"), options));
  }

  /** A self-contained HTML page (inline SVG, no script or style from elsewhere) titled {@code title}. */
  public static String html(List<TraceEvent> events, String title) {
    return html(events, DiagramOptions.defaults().title(title));
  }

  /** A self-contained HTML page of {@code events}, drawn and titled as {@code options} say. */
  public static String html(List<TraceEvent> events, DiagramOptions options) {
    DiagramModel model = ModelBuilder.build(Objects.requireNonNull(events, "events"), options);
    return HtmlPage.write(model, svg(model), options.title(), events.size());
  }

  /** The SVG element alone, for a page of one's own. */
  public static String svg(List<TraceEvent> events, DiagramOptions options) {
    return svg(ModelBuilder.build(Objects.requireNonNull(events, "events"), options));
  }

  private static String svg(DiagramModel model) {
    return SvgWriter.write(new SvgLayout(model));
  }
}
