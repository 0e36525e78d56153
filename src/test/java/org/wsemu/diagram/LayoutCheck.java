package org.wsemu.diagram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script added to a diagram page before the browser opens it: after layout it measures every
 * text of the diagram ({@code getBBox}) and writes what it found into attributes of
 * {@code <body>}, which the test reads from the dumped DOM: {@code data-texts} (how many),
 * {@code data-problems} (how many) and {@code data-problem-list} (the first ones). A problem is a
 * text outside the picture, two texts overlapping, a self-arrow's or a note's label reaching the
 * next lifeline, an arrow's label wider than the gap between its lifelines, or a header's label
 * wider than its box.
 *
 * <p>Stateless and thread-safe.
 */
final class LayoutCheck {
  static final String SCRIPT = """
      <script>
      (function () {
        var svg = document.querySelector('svg[data-arrows]');
        var vb = svg.viewBox.baseVal;
        var problems = [];
        var boxes = [];
        var texts = svg.querySelectorAll('text');
        texts.forEach(function (t) {
          var b = t.getBBox();
          boxes.push({x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height, text: t.textContent});
          if (b.x < 0 || b.y < 0 || b.x + b.width > vb.width || b.y + b.height > vb.height) {
            problems.push('outside the picture: ' + t.textContent);
          }
        });
        boxes.sort(function (p, q) { return p.y - q.y; });
        for (var i = 0; i < boxes.length; i++) {
          for (var j = i + 1; j < boxes.length && boxes[j].y < boxes[i].b; j++) {
            var p = boxes[i], q = boxes[j];
            var w = Math.min(p.r, q.r) - Math.max(p.x, q.x);
            var h = Math.min(p.b, q.b) - Math.max(p.y, q.y);
            if (w > 1 && h > 1) { problems.push('overlap: ' + p.text + ' / ' + q.text); }
          }
        }
        var xs = {};
        var sorted = [];
        svg.querySelectorAll('g.lifeline').forEach(function (g) {
          var line = g.querySelector('line');
          var x = line.x1.baseVal.value;
          xs[g.getAttribute('data-id')] = x;
          sorted.push(x);
          var rect = g.querySelector('rect').getBBox();
          var label = g.querySelector('text').getBBox();
          if (label.x < rect.x || label.x + label.width > rect.x + rect.width) {
            problems.push('header wider than its box: ' + g.textContent);
          }
        });
        sorted.sort(function (a, b) { return a - b; });
        function nextRight(x) {
          for (var k = 0; k < sorted.length; k++) { if (sorted[k] > x) { return sorted[k]; } }
          return vb.width;
        }
        svg.querySelectorAll('g.arrow, g.note').forEach(function (g) {
          var text = g.querySelector('text');
          var b = text.getBBox();
          var from = g.getAttribute('data-from') || g.getAttribute('data-over');
          var to = g.getAttribute('data-to') || from;
          if (from === to) {
            if (b.x + b.width > nextRight(xs[from])) { problems.push('reaches the next lifeline: ' + text.textContent); }
          } else if (b.width > Math.abs(xs[to] - xs[from])) {
            problems.push('wider than its arrow: ' + text.textContent);
          }
        });
        document.body.setAttribute('data-texts', String(texts.length));
        document.body.setAttribute('data-problems', String(problems.length));
        document.body.setAttribute('data-problem-list', problems.slice(0, 10).join(' | '));
      })();
      </script>
      """;

  private LayoutCheck() {}

  /** {@code page} with the script at the end of its body. */
  static String addTo(String page) {
    int end = page.lastIndexOf("</body>");
    return page.substring(0, end) + SCRIPT + page.substring(end);
  }

  /** An attribute of {@code <body>} in a dumped DOM; {@code null} when it is missing. */
  static String bodyAttribute(String dom, String name) {
    Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
    if (!body.find()) {
      return null;
    }
    Matcher attribute = Pattern.compile(" " + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(body.group(1));
    return attribute.find() ? attribute.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : null;
  }
}
