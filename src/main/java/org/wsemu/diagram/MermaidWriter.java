package org.wsemu.diagram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes a {@link DiagramModel} as a Mermaid {@code sequenceDiagram}: a participant per lifeline
 * (an alias and its label), arrows, {@code activate}/{@code deactivate} pairs, a
 * {@code Note left of} the first lifeline when virtual time changes, a {@code loop x N} box around
 * a collapsed cycle, and a pink {@code rect} around each error.
 *
 * <p>Texts are escaped with Mermaid's entity codes ({@code #59;} for {@code ;}, {@code #35;} for
 * {@code #}, {@code #58;} for {@code :}, {@code #lt;} and {@code #gt;}...), so that no label can
 * end a statement, start a comment or an HTML tag.
 *
 * <p>Stateless and thread-safe.
 */
final class MermaidWriter {
  /** The longest label written; a longer one is cut and ends with an ellipsis. */
  static final int MAX_LABEL = 100;
  /**
   * The longest text written, in characters: Mermaid refuses a text longer than its
   * {@code maxTextSize}, 50,000 by default (GitHub keeps the default). Past this, the rows left are
   * summed up in a last note, and the bars and the box still open are closed.
   */
  static final int MAX_TEXT = 48_000;
  private static final int RESERVE = 1_000;
  private static final String ERROR_BACKGROUND = "rect rgb(255, 228, 228)";

  private MermaidWriter() {}

  static String write(DiagramModel model) {
    StringBuilder sb = new StringBuilder("sequenceDiagram\n");
    if (model.lifelines().isEmpty()) {
      sb.append("    participant EMPTY as (no events)\n");
      return sb.toString();
    }
    for (Lifeline lifeline : model.lifelines()) {
      sb.append("    participant ").append(lifeline.id()).append(" as ").append(alias(lifeline.label())).append('\n');
    }
    String first = model.lifelines().get(0).id();
    long time = -1;
    String indent = "    ";
    Deque<String> active = new ArrayDeque<>();
    List<Step> steps = model.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if ((step instanceof Step.Arrow || step instanceof Step.Note) && sb.length() > MAX_TEXT - RESERVE) {
        long left = steps.subList(i, steps.size()).stream().filter(x -> x instanceof Step.Arrow || x instanceof Step.Note).count();
        if (indent.length() > 4) {
          indent = indent.substring(4);
          sb.append(indent).append("end\n");
        }
        while (!active.isEmpty()) {
          sb.append(indent).append("deactivate ").append(active.pop()).append('\n');
        }
        sb.append(indent).append("Note right of ").append(first).append(": ")
            .append(text(left + " more rows not drawn (Mermaid's text limit; the HTML page has them all)")).append('\n');
        break;
      }
      if (step instanceof Step.Arrow a) {
        time = time(sb, indent, first, time, a.time());
        String arrow = a.error() && a.mark() == Mark.CALL ? Mark.ERROR.mermaidArrow() : a.mark().mermaidArrow();
        String line = a.from().id() + arrow + a.to().id() + ": " + text(label(a.text(), a.repeats()));
        row(sb, indent, line, a.error());
      } else if (step instanceof Step.Note n) {
        time = time(sb, indent, first, time, n.time());
        row(sb, indent, "Note right of " + n.over().id() + ": " + text(label(n.text(), n.repeats())), n.error());
      } else if (step instanceof Step.Activate act) {
        sb.append(indent).append("activate ").append(act.who().id()).append('\n');
        active.push(act.who().id());
      } else if (step instanceof Step.Deactivate d) {
        sb.append(indent).append("deactivate ").append(d.who().id()).append('\n');
        active.removeFirstOccurrence(d.who().id());
      } else if (step instanceof Step.LoopStart loop) {
        sb.append(indent).append("loop ").append(text(loopLabel(loop))).append('\n');
        indent = indent + "    ";
      } else if (step instanceof Step.LoopEnd) {
        indent = indent.substring(4);
        sb.append(indent).append("end\n");
      }
    }
    return sb.toString();
  }

  /** The label of a collapsed cycle's box: {@code x 142 (t=1000..1250 ms)}. */
  static String loopLabel(Step.LoopStart loop) {
    return "x " + loop.repeats() + " (t=" + loop.firstTime()
        + (loop.lastTime() == loop.firstTime() ? "" : ".." + loop.lastTime()) + " ms)";
  }

  /** A label with its repeat count, cut at {@link #MAX_LABEL} characters. */
  static String label(String text, int repeats) {
    return SvgLayout.cut(text, MAX_LABEL) + (repeats > 1 ? " x " + repeats : "");
  }

  /**
   * Text for a message or a note, with Mermaid's entity codes for the characters its grammar
   * reads: {@code #}, {@code ;}, {@code :}, {@code <}, {@code >}, {@code "}, {@code &}, and a line
   * break as a space.
   */
  static String text(String raw) {
    StringBuilder sb = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '#' -> sb.append("#35;");
        case ';' -> sb.append("#59;");
        case ':' -> sb.append("#58;");
        case '<' -> sb.append("#lt;");
        case '>' -> sb.append("#gt;");
        case '"' -> sb.append("#quot;");
        case '&' -> sb.append("#amp;");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A participant's label after {@code as}: kept as it is ({@code 0001:main} reads well), only
   * the characters that would end the statement or start a comment are coded.
   */
  static String alias(String label) {
    StringBuilder sb = new StringBuilder(label.length() + 8);
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      switch (c) {
        case '#' -> sb.append("#35;");
        case ';' -> sb.append("#59;");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static long time(StringBuilder sb, String indent, String first, long previous, long time) {
    if (time != previous) {
      sb.append(indent).append("Note left of ").append(first).append(": t=").append(time).append(" ms\n");
    }
    return time;
  }

  private static void row(StringBuilder sb, String indent, String line, boolean error) {
    if (error) {
      sb.append(indent).append(ERROR_BACKGROUND).append('\n');
      sb.append(indent).append("    ").append(line).append('\n');
      sb.append(indent).append("end\n");
    } else {
      sb.append(indent).append(line).append('\n');
    }
  }
}
