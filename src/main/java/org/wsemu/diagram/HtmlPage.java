package org.wsemu.diagram;

import java.util.Locale;

/**
 * A self-contained HTML page around a diagram's SVG: the title, a line saying what the trace held,
 * a legend of the arrow kinds and colours, and the diagram. Inline CSS, no script, no font, image
 * or style from elsewhere: the page shows the same with no network.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlPage {
  static final String CSS = """
      body { font: 14px sans-serif; margin: 16px; color: #222; background: #fff; }
      h1 { font-size: 18px; margin: 0 0 6px 0; }
      p.summary { margin: 0 0 8px 0; color: #555; }
      ul.legend { list-style: none; padding: 0; margin: 0 0 12px 0; display: grid;
        grid-template-columns: repeat(auto-fill, minmax(430px, 1fr)); gap: 2px 16px; font-size: 12px; }
      ul.legend li { display: flex; align-items: center; }
      ul.legend svg { flex: none; margin-right: 6px; }
      svg.diagram .label { font: 12px monospace; fill: #222; white-space: pre;
        stroke: #fff; stroke-width: 3px; paint-order: stroke fill; stroke-linejoin: round; }
      svg.diagram .header { font-weight: bold; stroke: none; }
      svg.diagram .time { fill: #666; }
      svg.diagram .lifeline line { stroke: #999; stroke-dasharray: 4 3; }
      svg.diagram .lifeline rect { fill: #eef2f8; stroke: #5a6f8f; }
      svg.diagram .lifeline.network rect { fill: #eef8ee; stroke: #4d7f4d; }
      svg.diagram .lifeline.resolver rect { fill: #f8f3e6; stroke: #8f7a40; }
      svg.diagram rect.bar { fill: #dfe6f2; stroke: #5a6f8f; }
      svg.diagram rect.bar[data-level="2"] { fill: #b4c6e6; }
      svg.diagram rect.bar[data-level="3"], svg.diagram rect.bar[data-level="4"] { fill: #8eaad8; }
      svg.diagram .loop rect { fill: none; stroke: #8a8a8a; stroke-dasharray: 6 3; }
      svg.diagram .loop-label { fill: #555; font-style: italic; }
      svg.diagram .note rect { fill: #fdfbe3; stroke: #b3a760; }
      svg.diagram .note.error rect { fill: #fde4e4; stroke: #c62828; }
      svg.diagram .arrow line, svg.diagram .arrow path { stroke-width: 1.4; fill: none; }
      marker path { stroke-width: 1.4; }
      svg.diagram .error .label, ul.legend .error-text { fill: #c62828; color: #c62828; font-weight: bold; }
      """;

  private HtmlPage() {}

  /** The colour rules of each mark: its lines, dashes, and arrowhead; errors drawn thicker. */
  static String markCss() {
    StringBuilder sb = new StringBuilder();
    for (Mark mark : Mark.values()) {
      if (mark == Mark.NOTE) {
        continue;
      }
      String c = mark.cssClass();
      sb.append("svg.diagram .arrow.").append(c).append(" line, svg.diagram .arrow.").append(c).append(" path { stroke: ")
          .append(mark.color()).append(';').append(mark.dashed() ? " stroke-dasharray: 5 3;" : "").append(" }\n");
      sb.append("marker.").append(c).append(" path { stroke: ").append(mark.color()).append("; fill: ")
          .append(mark.openHead() || mark.crossHead() ? "none" : mark.color())
          .append(mark.crossHead() ? "; stroke-width: 2" : "").append("; }\n");
    }
    sb.append("svg.diagram .arrow.error line, svg.diagram .arrow.error path { stroke: ").append(Mark.ERROR.color())
        .append("; stroke-width: 2; }\n");
    return sb.toString();
  }

  static String write(DiagramModel model, String svg, String title, int events) {
    StringBuilder sb = new StringBuilder(svg.length() + 8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Xml.escape(title)).append("</title>\n<style>\n").append(CSS).append(markCss()).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(Xml.escape(title)).append("</h1>\n");
    sb.append(String.format(Locale.ROOT,
        "<p class=\"summary\">%d trace events: %d lifelines, %d arrows%s. Virtual time in milliseconds on the left; "
            + "hover a cut label for its whole text.</p>\n",
        events, model.lifelines().size(), model.arrows(),
        model.omitted() > 0 ? ", " + model.omitted() + " events past the row limit not drawn" : ""));
    legend(sb);
    sb.append(svg);
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void legend(StringBuilder sb) {
    sb.append("<ul class=\"legend\">\n");
    for (Mark mark : Mark.values()) {
      sb.append("<li><svg width=\"56\" height=\"14\" class=\"diagram\">");
      if (mark == Mark.NOTE) {
        sb.append("<g class=\"note\"><rect x=\"2\" y=\"1\" width=\"52\" height=\"12\"/></g>");
      } else {
        String css = mark == Mark.ERROR ? "call error" : mark.cssClass();
        sb.append("<g class=\"arrow ").append(css).append("\"><line x1=\"2\" y1=\"7\" x2=\"50\" y2=\"7\" marker-end=\"url(#head-")
            .append(mark.cssClass()).append(")\"/></g>");
      }
      sb.append("</svg><span class=\"").append(mark == Mark.ERROR ? "error-text" : "").append("\">")
          .append(Xml.escape(mark.meaning())).append("</span></li>\n");
    }
    sb.append("<li><svg width=\"56\" height=\"14\" class=\"diagram\"><rect class=\"bar\" x=\"23\" y=\"0\" width=\"10\" height=\"14\"/></svg>")
        .append("<span>a bar: a blocking call waiting, a procedure running (nested: offset)</span></li>\n");
    sb.append("<li><svg width=\"56\" height=\"14\" class=\"diagram\"><g class=\"loop\"><rect x=\"2\" y=\"1\" width=\"52\" height=\"12\"/></g></svg>")
        .append("<span>a box x N: a cycle of polling events repeated N times, drawn once</span></li>\n");
    sb.append("</ul>\n");
  }
}
