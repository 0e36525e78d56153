package org.wsemu.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.TraceRecorder;

/**
 * The pages of {@code docs/demonstrations.md}, generated from the catalogue: an index table (name,
 * rule, group), then a section per demonstration with its rule, where the rule is written down (a
 * link when the source has an address), the explanation, and the command that runs it; each
 * demonstration's sequence diagram is on a page of its own, {@code docs/demonstrations/NAME.md}, a
 * {@code mermaid} block (GitHub draws it) of its Win16 run's trace as its golden trace keeps it
 * (polling left out, see {@link GoldenFilter#defaults()}), so that the index stays short and each
 * diagram loads alone.
 *
 * <p>Stateless and thread-safe; {@link #pages()} runs every demonstration once.
 */
final class DemonstrationsPage {
  /** The index page, relative to the project's directory. */
  static final Path INDEX = Path.of("docs", "demonstrations.md");
  /** The directory of the diagram pages, relative to the project's directory. */
  static final Path DIAGRAMS = Path.of("docs", "demonstrations");

  private static final Pattern TITLED_ADDRESS = Pattern.compile("(.*?)[:,]?\\s*(https?://\\S+?)[.)]?");
  private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s)]+[^\\s).,;]");

  private DemonstrationsPage() {}

  /** Every page, by its path relative to the project's directory, in order: the index, then the diagrams. */
  static Map<Path, String> pages() throws Exception {
    Map<Path, String> pages = new LinkedHashMap<>();
    pages.put(INDEX, index());
    for (Demonstration demo : Demonstrations.all()) {
      pages.put(DIAGRAMS.resolve(demo.name() + ".md"), diagramPage(demo, mermaid(demo)));
    }
    return pages;
  }

  /** The index page. */
  static String index() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- Generated from the catalogue of demonstrations (samples/java/org/wsemu/samples/demos/):"
        + " do not edit; see README's developer notes. -->\n");
    sb.append("# Demonstrations\n\n");
    sb.append("Small programs written the way Win16 and Win32 programs were, each showing one rule of Windows Sockets 1.1"
        + " and its pseudo-blocking model. Each runs on the simulated network, in Win16 mode in virtual time: the same"
        + " output and the same trace on every run. Its golden trace is checked by a test, and its sequence diagram"
        + " is drawn from that trace.\n\n");
    sb.append("```sh\n"
        + "mvn -B -q -DskipTests package\n"
        + "java -jar target/wsemu-cli.jar demo --list\n"
        + "java -jar target/wsemu-cli.jar demo NAME --trace --diagram target/NAME.html\n"
        + "```\n\n");
    sb.append("`--trace` prints the run's trace (repeated polling collapsed into one line with a count; `--all` shows"
        + " every event; `--kind`, `--task` and `--function` narrow it), `--diagram FILE` writes its sequence diagram"
        + " as an HTML page, `--mermaid` prints it as Mermaid text, `--jsonl FILE` writes the trace as JSON Lines and"
        + " `--mode WIN32` runs it preemptively. The exit code is 0 when the run showed the rule, 1 when it did not."
        + " `wsemu render TRACE` draws the diagram of any trace file.\n\n");
    sb.append("| Demonstration | Rule | Group |\n|---|---|---|\n");
    for (Map.Entry<String, List<Demonstration>> group : Demonstrations.groups().entrySet()) {
      for (Demonstration demo : group.getValue()) {
        sb.append("| [").append(demo.name()).append("](#").append(demo.name()).append(") | ")
            .append(cell(demo.rule())).append(" | ").append(cell(group.getKey())).append(" |\n");
      }
    }
    for (Map.Entry<String, List<Demonstration>> group : Demonstrations.groups().entrySet()) {
      if (group.getValue().isEmpty()) {
        continue;
      }
      sb.append("\n## ").append(text(group.getKey())).append('\n');
      for (Demonstration demo : group.getValue()) {
        sb.append("\n### ").append(demo.name()).append("\n\n");
        sb.append("**Rule:** ").append(text(demo.rule())).append("\n\n");
        sb.append("**Source:** ").append(source(demo.source())).append("\n\n");
        sb.append(text(demo.explanation())).append("\n\n");
        sb.append("```sh\njava -jar target/wsemu-cli.jar demo ").append(demo.name()).append("\n```\n\n");
        sb.append("Its sequence diagram: [demonstrations/").append(demo.name()).append(".md](demonstrations/")
            .append(demo.name()).append(".md).\n");
      }
    }
    return sb.toString();
  }

  /** The page of one demonstration's diagram. */
  static String diagramPage(Demonstration demo, String mermaid) {
    return "<!-- Generated from the catalogue of demonstrations: do not edit; see README's developer notes. -->\n"
        + "# " + demo.name() + "\n\n"
        + "**Rule:** " + text(demo.rule()) + "\n\n"
        + "The sequence diagram of its run in Win16 mode, drawn from its trace as its golden trace keeps it (polling"
        + " left out). [All the demonstrations](../demonstrations.md#" + demo.name() + ").\n\n"
        + "```sh\njava -jar target/wsemu-cli.jar demo " + demo.name() + " --diagram target/" + demo.name() + ".html\n```\n\n"
        + "```mermaid\n" + mermaid + (mermaid.endsWith("\n") ? "" : "\n") + "```\n";
  }

  /** The Mermaid text of a demonstration's Win16 run, from the events its golden trace keeps. */
  static String mermaid(Demonstration demo) throws Exception {
    TraceRecorder recorder = new TraceRecorder();
    Demonstrations.run(demo, SchedulingMode.WIN16, recorder, new PrintWriter(new StringWriter()));
    return SequenceDiagram.mermaid(recorder.events(GoldenFilter.defaults()));
  }

  /**
   * The source in Markdown, part by part ({@code ; } between them): "Title: address" becomes a link
   * titled Title, another address a link of itself.
   */
  static String source(String source) {
    List<String> parts = new ArrayList<>();
    for (String part : source.strip().split(";\\s+")) {
      parts.add(sourcePart(part));
    }
    return String.join("; ", parts);
  }

  private static String sourcePart(String part) {
    Matcher titled = TITLED_ADDRESS.matcher(part);
    if (titled.matches() && !titled.group(1).isBlank() && !ADDRESS.matcher(titled.group(1)).find()) {
      return "[" + text(titled.group(1).strip()) + "](" + titled.group(2) + ")";
    }
    Matcher address = ADDRESS.matcher(part);
    StringBuilder sb = new StringBuilder();
    int at = 0;
    while (address.find()) {
      sb.append(text(part.substring(at, address.start()))).append('<').append(address.group()).append('>');
      at = address.end();
    }
    return sb.append(text(part.substring(at))).toString();
  }

  /** Text in Markdown: what would start HTML is escaped. */
  static String text(String text) {
    return text.replace("<", "&lt;");
  }

  /** Text in a table cell: also its bars. */
  private static String cell(String text) {
    return text(text).replace("|", "\\|");
  }
}
