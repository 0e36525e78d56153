package org.wsemu.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a diagram goes in the SVG: lifelines' x, rows' y, activation bars, boxes of
 * collapsed cycles, and the size of the picture. Columns are sized by the labels they carry (a
 * self-arrow's or a note's label must end before the next lifeline, an arrow's label must fit
 * between its two lifelines), with text widths estimated for a 12 px monospace font; the browser
 * check measures the real ones.
 *
 * <p>Immutable once built and thread-safe.
 */
final class SvgLayout {
  /** Estimated advance of one character of the 12 px monospace font, with a margin. */
  static final double CHAR_WIDTH = 7.4;
  static final int ROW = 28;
  static final int TIME_COLUMN = 100;
  static final int HEADER_TOP = 10;
  static final int HEADER_HEIGHT = 28;
  static final int BAR_WIDTH = 10;
  static final int BAR_SHIFT = 6;
  static final int SELF_LOOP = 26;
  static final int LABEL_INSET = 12;
  static final int MAX_LABEL = 80;
  private static final int GAP = 24;

  /** An activation bar: on {@code lifeline}, nesting {@code level} (1: outermost), from y to y. */
  record Bar(Lifeline lifeline, int level, double top, double bottom) {}

  /** A box around a collapsed cycle, from y to y. */
  record Loop(Step.LoopStart start, double top, double bottom) {}

  final DiagramModel model;
  final Map<Lifeline, Double> x = new HashMap<>();
  /** The y of each step (an arrow's line, a note's baseline, a loop's label), by index in the model. */
  final double[] y;
  /** The nesting depth of each step's lifeline(s) when it is drawn, by index: for self-arrows. */
  final int[] depthAt;
  final List<Bar> bars = new ArrayList<>();
  final List<Loop> loops = new ArrayList<>();
  final double width;
  final double height;
  final double lifelineTop;
  final double lifelineBottom;

  SvgLayout(DiagramModel model) {
    this.model = model;
    List<Step> steps = model.steps();
    y = new double[steps.size()];
    depthAt = new int[steps.size()];
    lifelineTop = HEADER_TOP + HEADER_HEIGHT;
    Map<Lifeline, Integer> maxDepth = new HashMap<>();
    Map<Lifeline, Deque<Double>> open = new HashMap<>();
    double cursor = lifelineTop + 8;
    double lastRow = cursor;
    Deque<Double> loopTops = new ArrayDeque<>();
    Deque<Step.LoopStart> loopStarts = new ArrayDeque<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step instanceof Step.Arrow || step instanceof Step.Note) {
        cursor += ROW;
        lastRow = cursor;
        y[i] = cursor;
        Lifeline on = step instanceof Step.Arrow a ? a.from() : ((Step.Note) step).over();
        depthAt[i] = open.getOrDefault(on, new ArrayDeque<>()).size();
      } else if (step instanceof Step.Activate a) {
        Deque<Double> stack = open.computeIfAbsent(a.who(), k -> new ArrayDeque<>());
        stack.push(lastRow + 2);
        maxDepth.merge(a.who(), stack.size(), Math::max);
        y[i] = lastRow;
      } else if (step instanceof Step.Deactivate d) {
        Deque<Double> stack = open.get(d.who());
        int level = stack.size();
        double top = stack.pop();
        bars.add(new Bar(d.who(), level, top, Math.max(cursor + 8, top + 10)));
        y[i] = cursor;
      } else if (step instanceof Step.LoopStart loop) {
        cursor += ROW;
        y[i] = cursor;
        loopTops.push(cursor - 16);
        loopStarts.push(loop);
      } else if (step instanceof Step.LoopEnd) {
        cursor += 14;
        y[i] = cursor;
        loops.add(new Loop(loopStarts.pop(), loopTops.pop(), cursor));
      }
    }
    lifelineBottom = cursor + ROW;
    height = lifelineBottom + 12;
    width = placeColumns(maxDepth);
  }

  /** Places the lifelines left to right and returns the picture's width. */
  private double placeColumns(Map<Lifeline, Integer> maxDepth) {
    List<Lifeline> lifelines = model.lifelines();
    int n = lifelines.size();
    Map<Lifeline, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(lifelines.get(i), i);
    }
    double[][] need = new double[n + 1][n + 1]; // need[i][j]: x[j] - x[i] at least; column n: the right edge
    double[] rightExtent = new double[n];
    for (int i = 0; i < n; i++) {
      rightExtent[i] = headerWidth(lifelines.get(i)) / 2;
      if (i + 1 < n) {
        need[i][i + 1] = headerWidth(lifelines.get(i)) / 2 + headerWidth(lifelines.get(i + 1)) / 2 + GAP;
      }
    }
    List<Step> steps = model.steps();
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      if (step instanceof Step.Arrow a) {
        int from = index.get(a.from());
        int to = index.get(a.to());
        double text = textWidth(shown(a.text(), a.repeats()));
        if (from == to) {
          double extent = selfLabelX(depthAt[s]) + text;
          extent = Math.max(extent, BAR_WIDTH / 2.0 + BAR_SHIFT * maxDepth.getOrDefault(a.from(), 0) + SELF_LOOP);
          rightExtent[from] = Math.max(rightExtent[from], extent);
        } else {
          int lo = Math.min(from, to);
          int hi = Math.max(from, to);
          need[lo][hi] = Math.max(need[lo][hi], text + 2 * GAP);
        }
      } else if (step instanceof Step.Note note) {
        int on = index.get(note.over());
        rightExtent[on] = Math.max(rightExtent[on], noteLeft() + textWidth(shown(note.text(), note.repeats())) + 12);
      }
    }
    for (int i = 0; i < n; i++) {
      int next = i + 1 < n ? i + 1 : n;
      need[i][next] = Math.max(need[i][next], rightExtent[i] + GAP);
    }
    double[] xs = new double[n + 1];
    for (int j = 0; j <= n; j++) {
      xs[j] = j == 0 ? TIME_COLUMN + (n == 0 ? 0 : headerWidth(lifelines.get(0)) / 2) + GAP : 0;
      for (int i = 0; i < j; i++) {
        xs[j] = Math.max(xs[j], xs[i] + need[i][j]);
      }
    }
    for (int i = 0; i < n; i++) {
      x.put(lifelines.get(i), Math.rint(xs[i]));
    }
    double loopLabels = loops.stream().mapToDouble(l -> textWidth(MermaidWriter.loopLabel(l.start()))).max().orElse(0);
    return Math.rint(Math.max(xs[n], Math.max(loopLabels + 3 * GAP, 320)));
  }

  /** Where a self-arrow's label starts, right of the lifeline, past the bars open under it. */
  static double selfLabelX(int depth) {
    return LABEL_INSET + BAR_SHIFT * Math.max(0, depth - 1) + (depth > 0 ? BAR_WIDTH / 2.0 : 0);
  }

  /** Where a note's box starts, right of the lifeline. */
  static double noteLeft() {
    return 8;
  }

  /** A label as the SVG shows it: with its repeat count, cut at {@link #MAX_LABEL} characters. */
  static String shown(String text, int repeats) {
    return cut(text, MAX_LABEL) + (repeats > 1 ? " x " + repeats : "");
  }

  /**
   * {@code text}, cut to {@code max} characters ending with an ellipsis when longer; a call's
   * result ({@code " = -1 WSAEWOULDBLOCK"}...) is kept whole when it can be, its arguments cut.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int result = text.indexOf(") = ");
    if (result > 0 && text.length() - result <= max / 2) {
      String tail = text.substring(result);
      return text.substring(0, max - tail.length() - 1) + "\u2026" + tail;
    }
    return text.substring(0, max - 1) + "\u2026";
  }

  static double headerWidth(Lifeline lifeline) {
    return textWidth(lifeline.label()) + 24;
  }

  static double textWidth(String text) {
    return text.codePointCount(0, text.length()) * CHAR_WIDTH;
  }
}
