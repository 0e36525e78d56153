package org.wsemu.diagram;

import java.util.List;
import org.wsemu.trace.TraceEvent;

/**
 * Sequence diagrams of a trace: Mermaid text, and a self-contained HTML page with inline SVG.
 *
 * <p>Stateless and thread-safe.
 */
public final class SequenceDiagram {
  private SequenceDiagram() {}

  /** A Mermaid {@code sequenceDiagram} of {@code events}, ready to paste into Markdown. */
  public static String mermaid(List<TraceEvent> events) {
    throw new UnsupportedOperationException("not yet");
  }

  /** A self-contained HTML page (inline SVG, no script or style from elsewhere) titled {@code title}. */
  public static String html(List<TraceEvent> events, String title) {
    throw new UnsupportedOperationException("not yet");
  }
}
