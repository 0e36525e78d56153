package org.wsemu.diagram;

import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SvgLayout} as an SVG element: the time column, a header and a dashed line per
 * lifeline ({@code g.lifeline}), activation bars ({@code rect.bar}), arrows ({@code g.arrow}, with
 * the mark's class and {@code error} when it is one), notes ({@code g.note}) and the boxes of
 * collapsed cycles ({@code g.loop}). Every label that was cut keeps its whole text in a
 * {@code <title>} (a tooltip). The output is well-formed XML.
 *
 * <p>Stateless and thread-safe.
 */
final class SvgWriter {
  private static final double LOOP_LEFT = 4;
  private SvgWriter() {}

  static String write(SvgLayout layout) {
    StringBuilder sb = new StringBuilder(4096 + layout.model.steps().size() * 200);
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " data-lifelines=\"%d\" data-arrows=\"%d\" data-omitted=\"%d\">\n",
        (int) layout.width, (int) layout.height, (int) layout.width, (int) layout.height,
        layout.model.lifelines().size(), layout.model.arrows(), layout.model.omitted()));
    markers(sb);
    for (SvgLayout.Loop loop : layout.loops) {
      loop(sb, layout, loop);
    }
    for (Lifeline lifeline : layout.model.lifelines()) {
      lifeline(sb, layout, lifeline);
    }
    for (SvgLayout.Bar bar : layout.bars) {
      double left = layout.x.get(bar.lifeline()) - SvgLayout.BAR_WIDTH / 2.0 + SvgLayout.BAR_SHIFT * (bar.level() - 1);
      sb.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" data-lifeline=\"%s\" data-level=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>\n",
          bar.lifeline().id(), bar.level(), left, bar.top(), SvgLayout.BAR_WIDTH, bar.bottom() - bar.top()));
    }
    for (SvgLayout.Loop loop : layout.loops) {
      sb.append(String.format(Locale.ROOT, "<text class=\"label loop-label\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
          LOOP_LEFT + 6, loop.top() + 14, Xml.escape(MermaidWriter.loopLabel(loop.start()))));
    }
    long time = -1;
    List<Step> steps = layout.model.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step instanceof Step.Arrow a) {
        time = time(sb, layout.y[i] - 5, time, a.time());
        arrow(sb, layout, a, layout.y[i], layout.depthAt[i]);
      } else if (step instanceof Step.Note n) {
        time = time(sb, layout.y[i], time, n.time());
        note(sb, layout, n, layout.y[i]);
      }
    }
    return sb.append("</svg>\n").toString();
  }

  private static void markers(StringBuilder sb) {
    sb.append("<defs>\n");
    for (Mark mark : Mark.values()) {
      String id = "head-" + mark.cssClass();
      String shape = mark.openHead() ? "<path d=\"M0,0 L10,5 L0,10\"/>"
          : mark.crossHead() ? "<path d=\"M0,0 L10,10 M0,10 L10,0\"/>" : "<path d=\"M0,0 L10,5 L0,10 Z\"/>";
      sb.append("<marker id=\"").append(id).append("\" class=\"").append(mark.cssClass())
          .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
          .append(shape).append("</marker>\n");
    }
    sb.append("</defs>\n");
  }

  private static void lifeline(StringBuilder sb, SvgLayout layout, Lifeline lifeline) {
    double x = layout.x.get(lifeline);
    double w = SvgLayout.headerWidth(lifeline);
    sb.append(String.format(Locale.ROOT, "<g class=\"lifeline %s\" data-id=\"%s\">", lifeline.kind().name().toLowerCase(Locale.ROOT), lifeline.id()));
    sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
        x, layout.lifelineTop, x, layout.lifelineBottom));
    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>",
        x - w / 2, SvgLayout.HEADER_TOP, w, SvgLayout.HEADER_HEIGHT));
    sb.append(String.format(Locale.ROOT, "<text class=\"label header\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        x, SvgLayout.HEADER_TOP + 18, Xml.escape(lifeline.label())));
    sb.append("</g>\n");
  }

  private static void arrow(StringBuilder sb, SvgLayout layout, Step.Arrow a, double y, int depth) {
    Mark head = a.error() && a.mark() == Mark.CALL ? Mark.ERROR : a.mark();
    String text = SvgLayout.shown(a.text(), a.repeats());
    sb.append("<g class=\"arrow ").append(a.mark().cssClass()).append(a.error() ? " error" : "")
        .append("\" data-from=\"").append(a.from().id()).append("\" data-to=\"").append(a.to().id()).append("\">");
    title(sb, a.text(), text);
    double x1 = layout.x.get(a.from());
    double x2 = layout.x.get(a.to());
    if (a.from().equals(a.to())) {
      double start = x1 + (depth > 0 ? SvgLayout.BAR_WIDTH / 2.0 + SvgLayout.BAR_SHIFT * (depth - 1) : 0);
      sb.append(String.format(Locale.ROOT,
          "<path d=\"M%.1f,%.1f H%.1f V%.1f H%.1f\" fill=\"none\" marker-end=\"url(#head-%s)\"/>",
          start, y, start + SvgLayout.SELF_LOOP, y + 8, start + 2, head.cssClass()));
      sb.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">%s</text>",
          x1 + SvgLayout.selfLabelX(depth), y - 5, Xml.escape(text)));
    } else {
      double inset = x2 > x1 ? -SvgLayout.BAR_WIDTH / 2.0 : SvgLayout.BAR_WIDTH / 2.0;
      sb.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" marker-end=\"url(#head-%s)\"/>",
          x1, y, x2 + inset, y, head.cssClass()));
      sb.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
          (x1 + x2) / 2, y - 5, Xml.escape(text)));
    }
    sb.append("</g>\n");
  }

  private static void note(StringBuilder sb, SvgLayout layout, Step.Note n, double y) {
    double x = layout.x.get(n.over()) + SvgLayout.noteLeft();
    String text = SvgLayout.shown(n.text(), n.repeats());
    sb.append("<g class=\"note").append(n.error() ? " error" : "").append("\" data-over=\"").append(n.over().id()).append("\">");
    title(sb, n.text(), text);
    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"19\"/>",
        x, y - 14, SvgLayout.textWidth(text) + 12));
    sb.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">%s</text>", x + 6, y, Xml.escape(text)));
    sb.append("</g>\n");
  }

  private static void loop(StringBuilder sb, SvgLayout layout, SvgLayout.Loop loop) {
    sb.append("<g class=\"loop\" data-repeats=\"").append(loop.start().repeats()).append("\">");
    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
        LOOP_LEFT, loop.top(), layout.width - LOOP_LEFT - 4, loop.bottom() - loop.top()));
    sb.append("</g>\n");
  }

  private static long time(StringBuilder sb, double y, long previous, long time) {
    if (time != previous) {
      sb.append(String.format(Locale.ROOT, "<text class=\"label time\" x=\"8\" y=\"%.1f\">t=%d ms</text>\n", y, time));
    }
    return time;
  }

  private static void title(StringBuilder sb, String full, String shown) {
    if (!full.equals(shown)) {
      sb.append("<title>").append(Xml.escape(full)).append("</title>");
    }
  }
}
