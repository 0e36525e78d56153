package org.wsemu.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two renderings of a trace (one event per line), told in events: which are
 * missing (in the golden trace, not in the run), extra (in the run only) or changed (the same task,
 * kind and name with other time or fields), with {@link #CONTEXT} events around each place.
 *
 * <p>Stateless and thread-safe.
 */
final class TraceDiff {
  /** Unchanged events shown before and after each difference. */
  static final int CONTEXT = 2;
  /** At most this many places are shown. */
  static final int PLACES = 5;

  private TraceDiff() {}

  private enum Op { SAME, MISSING, EXTRA, CHANGED }

  /** One step of the edit: an event of both, of the golden trace only, of the run only, or changed. */
  private record Step(Op op, String golden, String actual, int goldenIndex, int actualIndex) {}

  /** Describes how {@code actual} differs from {@code golden}; both lists are rendered events. */
  static String describe(List<String> golden, List<String> actual) {
    List<Step> steps = pairChanges(edit(golden, actual));
    int missing = 0;
    int extra = 0;
    int changed = 0;
    for (Step s : steps) {
      missing += s.op == Op.MISSING ? 1 : 0;
      extra += s.op == Op.EXTRA ? 1 : 0;
      changed += s.op == Op.CHANGED ? 1 : 0;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(missing + extra + changed).append(" differences (missing ").append(missing).append(", extra ").append(extra)
        .append(", changed ").append(changed).append("); golden ").append(golden.size()).append(" events, run ")
        .append(actual.size()).append(" events\n");
    int places = 0;
    int i = 0;
    while (i < steps.size()) {
      if (steps.get(i).op == Op.SAME) {
        i++;
        continue;
      }
      if (++places > PLACES) {
        sb.append("... and more differences after golden event ").append(steps.get(i).goldenIndex + 1).append('\n');
        break;
      }
      int end = i;
      while (end < steps.size() && (steps.get(end).op != Op.SAME || nextDifferenceWithin(steps, end))) {
        end++;
      }
      Step first = steps.get(i);
      sb.append("at golden event ").append(first.goldenIndex + 1).append(", run event ").append(first.actualIndex + 1).append(":\n");
      for (int c = Math.max(0, i - CONTEXT); c < Math.min(steps.size(), end + CONTEXT); c++) {
        render(sb, steps.get(c));
      }
      i = end;
    }
    return sb.toString().stripTrailing();
  }

  /** Whether a difference follows within twice the context, so that both show in one place. */
  private static boolean nextDifferenceWithin(List<Step> steps, int at) {
    for (int k = at; k < Math.min(steps.size(), at + 2 * CONTEXT + 1); k++) {
      if (steps.get(k).op != Op.SAME) {
        return true;
      }
    }
    return false;
  }

  private static void render(StringBuilder sb, Step s) {
    switch (s.op) {
      case SAME -> sb.append("    ").append(s.golden).append('\n');
      case MISSING -> sb.append("  - missing: ").append(s.golden).append('\n');
      case EXTRA -> sb.append("  + extra:   ").append(s.actual).append('\n');
      case CHANGED -> sb.append("  ~ changed: ").append(s.golden).append('\n').append("        now: ").append(s.actual).append('\n');
    }
  }

  /** A longest-common-subsequence edit script, after trimming the common head and tail. */
  private static List<Step> edit(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    int n = a.size() - head - tail;
    int m = b.size() - head - tail;
    List<Step> steps = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      steps.add(new Step(Op.SAME, a.get(k), b.get(k), k, k));
    }
    if ((long) n * m > 16_000_000L) { // too big to align: everything between differs
      for (int k = 0; k < n; k++) {
        steps.add(new Step(Op.MISSING, a.get(head + k), null, head + k, head));
      }
      for (int k = 0; k < m; k++) {
        steps.add(new Step(Op.EXTRA, null, b.get(head + k), head + n, head + k));
      }
    } else {
      int[][] lcs = new int[n + 1][m + 1];
      for (int x = n - 1; x >= 0; x--) {
        for (int y = m - 1; y >= 0; y--) {
          lcs[x][y] = a.get(head + x).equals(b.get(head + y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
        }
      }
      int x = 0;
      int y = 0;
      while (x < n || y < m) {
        if (x < n && y < m && a.get(head + x).equals(b.get(head + y))) {
          steps.add(new Step(Op.SAME, a.get(head + x), b.get(head + y), head + x++, head + y++));
        } else if (y < m && (x == n || lcs[x][y + 1] >= lcs[x + 1][y])) {
          steps.add(new Step(Op.EXTRA, null, b.get(head + y), head + x, head + y++));
        } else {
          steps.add(new Step(Op.MISSING, a.get(head + x), null, head + x++, head + y));
        }
      }
    }
    for (int k = tail; k > 0; k--) {
      steps.add(new Step(Op.SAME, a.get(a.size() - k), b.get(b.size() - k), a.size() - k, b.size() - k));
    }
    return steps;
  }

  /** Within each run of differences, a missing and an extra event of the same task, kind and name become one change. */
  private static List<Step> pairChanges(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    int i = 0;
    while (i < steps.size()) {
      if (steps.get(i).op == Op.SAME) {
        out.add(steps.get(i++));
        continue;
      }
      int end = i;
      while (end < steps.size() && steps.get(end).op != Op.SAME) {
        end++;
      }
      List<Step> missing = new ArrayList<>();
      List<Step> extra = new ArrayList<>();
      for (Step s : steps.subList(i, end)) {
        (s.op == Op.MISSING ? missing : extra).add(s);
      }
      int paired = 0;
      while (paired < missing.size() && paired < extra.size()
          && identity(missing.get(paired).golden).equals(identity(extra.get(paired).actual))) {
        Step g = missing.get(paired);
        Step r = extra.get(paired);
        out.add(new Step(Op.CHANGED, g.golden, r.actual, g.goldenIndex, r.actualIndex));
        paired++;
      }
      out.addAll(missing.subList(paired, missing.size()));
      out.addAll(extra.subList(paired, extra.size()));
      i = end;
    }
    return out;
  }

  /** The task, kind and name of a rendered event ({@code t=000100 0001:app CALL recv ...}). */
  private static String identity(String line) {
    String[] parts = line.split(" ", 5);
    return parts.length < 4 ? line : parts[1] + " " + parts[2] + " " + parts[3];
  }
}
