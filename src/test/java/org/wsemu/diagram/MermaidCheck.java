package org.wsemu.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Mermaid's own parser and renderer (the {@code org.webjars.npm:mermaid} WebJar, a test
 * dependency) run in the browser on Mermaid texts: a local page loads {@code mermaid.min.js} from
 * a file beside it, parses and renders each text, and writes the outcome of each into
 * {@code <body data-mermaid="...">}: {@code name=ok} or {@code name=FAIL: message}, separated by
 * {@code " | "}.
 *
 * <p>Stateless and thread-safe.
 */
final class MermaidCheck {
  private static final String WEBJAR = "META-INF/resources/webjars/mermaid/";

  private MermaidCheck() {}

  /** The WebJar's version, from its Maven properties. */
  static String version() throws IOException {
    try (InputStream in = MermaidCheck.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/mermaid/pom.properties")) {
      if (in == null) {
        throw new IOException("the mermaid WebJar (test dependency org.webjars.npm:mermaid) is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    }
  }

  /** Writes the page (and Mermaid beside it) into {@code dir}, and returns the page. */
  static Path page(Path dir, Map<String, String> texts) throws IOException {
    Files.createDirectories(dir);
    String script = WEBJAR + version() + "/dist/mermaid.min.js";
    try (InputStream in = MermaidCheck.class.getClassLoader().getResourceAsStream(script)) {
      if (in == null) {
        throw new IOException("missing from the mermaid WebJar: " + script);
      }
      Files.copy(in, dir.resolve("mermaid.min.js"), StandardCopyOption.REPLACE_EXISTING);
    }
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> text : texts.entrySet()) {
      json.append(json.length() > 1 ? "," : "").append(js(text.getKey())).append(':').append(js(text.getValue()));
    }
    json.append('}');
    String page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>mermaid check</title>
        <script src="mermaid.min.js"></script></head><body><div id="out"></div>
        <script>
        var texts = %s;
        mermaid.initialize({startOnLoad: false, securityLevel: 'strict'}); // maxTextSize: Mermaid's default, as on GitHub
        (async function () {
          var results = [];
          var n = 0;
          for (var name in texts) {
            try {
              await mermaid.parse(texts[name]);
              var rendered = await mermaid.render('diagram' + (n++), texts[name]);
              document.getElementById('out').insertAdjacentHTML('beforeend', rendered.svg);
              var svg = document.getElementById('out').lastElementChild;
              var shown = Array.from(svg.querySelectorAll('text')).map(function (t) { return t.textContent; });
              document.body.setAttribute('data-text' + (n - 1), shown.join('\\n'));
              results.push(name + '=ok');
            } catch (e) {
              results.push(name + '=FAIL: ' + String(e && e.message || e).split('\\n')[0]);
            }
          }
          document.body.setAttribute('data-mermaid', results.join(' | '));
        })();
        </script></body></html>
        """.formatted(json);
    Path file = dir.resolve("check.html");
    Files.writeString(file, page, StandardCharsets.UTF_8);
    return file;
  }

  /** The outcome per name, read from the dumped DOM. */
  static Map<String, String> results(String dom) {
    String all = LayoutCheck.bodyAttribute(dom, "data-mermaid");
    Map<String, String> results = new LinkedHashMap<>();
    if (all == null) {
      return results;
    }
    for (String one : all.split(" \\| ")) {
      int eq = one.indexOf('=');
      results.put(one.substring(0, eq), one.substring(eq + 1));
    }
    return results;
  }

  /** The texts Mermaid drew for the {@code index}-th text (from 0), one per line. */
  static List<String> drawnTexts(String dom, int index) {
    String texts = LayoutCheck.bodyAttribute(dom, "data-text" + index);
    return texts == null ? List.of() : List.of(texts.split("\n"));
  }

  /** A JavaScript string literal that is safe inside a {@code <script>} element. */
  static String js(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** Names that failed, with why, in the order given. */
  static List<String> failures(Map<String, String> results) {
    List<String> failures = new ArrayList<>();
    results.forEach((name, outcome) -> {
      if (!outcome.equals("ok")) {
        failures.add(name + ": " + outcome);
      }
    });
    return failures;
  }
}
