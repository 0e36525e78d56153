package org.wsemu.diagram;

import java.util.Objects;

/**
 * How {@link SequenceDiagram} draws a trace: the title of the HTML page, whether repeated polling
 * is collapsed into one entry with a count, whether plain calls of little interest are folded away,
 * and how many rows are drawn at most.
 *
 * <p>{@code DiagramOptions.defaults().title("recv").maxRows(500)}: each method returns a new value.
 * Immutable and thread-safe.
 *
 * @param title the HTML page's title and heading
 * @param collapse whether runs of a repeated cycle of 1 to 4 identical events (polling) are drawn
 *     once with their count ({@code PeekMessage x 142}); {@code false} draws every event
 * @param fold whether the calls that the diagram shows otherwise are left out:
 *     TranslateMessage, DispatchMessage and DefWindowProc (the window procedure's bar shows the
 *     dispatch), a GetMessage or PeekMessage that returned a message (its dispatch is drawn), and
 *     GetTickCount (the time column shows the time)
 * @param maxRows the most rows (arrows and notes) drawn; the rest of the trace is summed up in a
 *     last note saying how many events were left out
 */
public record DiagramOptions(String title, boolean collapse, boolean fold, int maxRows) {
  /** The default title. */
  public static final String DEFAULT_TITLE = "wsemu trace";
  /** The default row limit: a diagram a browser and Mermaid both draw at ease. */
  public static final int DEFAULT_MAX_ROWS = 1500;

  /** Checks the parts. */
  public DiagramOptions {
    Objects.requireNonNull(title, "title");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows < 1: " + maxRows);
    }
  }

  /** Title {@value #DEFAULT_TITLE}, polling collapsed, plain calls folded, {@value #DEFAULT_MAX_ROWS} rows at most. */
  public static DiagramOptions defaults() {
    return new DiagramOptions(DEFAULT_TITLE, true, true, DEFAULT_MAX_ROWS);
  }

  /** These options with another title. */
  public DiagramOptions title(String newTitle) {
    return new DiagramOptions(newTitle, collapse, fold, maxRows);
  }

  /** These options, collapsing repeated polling or not. */
  public DiagramOptions collapse(boolean on) {
    return new DiagramOptions(title, on, fold, maxRows);
  }

  /** These options, folding plain calls or not. */
  public DiagramOptions fold(boolean on) {
    return new DiagramOptions(title, collapse, on, maxRows);
  }

  /** These options with another row limit. */
  public DiagramOptions maxRows(int rows) {
    return new DiagramOptions(title, collapse, fold, rows);
  }
}
