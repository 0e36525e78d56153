package org.wsemu.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceRecorder;

/**
 * The diagrams in a real browser: the HTML page of every demonstration of the catalogue (run in
 * Win16 mode) and of every golden trace opens in headless Chromium, whose screenshot is not blank
 * and whose layout, measured by the browser itself ({@link LayoutCheck}), has no text outside the
 * picture, no two texts overlapping, and no label crossing a lifeline it should not; and Mermaid's
 * own parser, from its WebJar, accepts and renders the Mermaid text of each. The pages and
 * screenshots are left in {@code target/diagrams/} to look at.
 *
 * <p>A missing browser fails the check, saying how to install it ({@code .ci/install-browser.sh});
 * it is never skipped. The README's picture, {@code docs/images/nested-blocking-call.png}, is the top
 * of the headline demonstration's page; with {@code -Dwsemu.updateImages=true} it is written again
 * ({@code .ci/readme-picture.sh} runs this):
 * <pre>
 * mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DiagramBrowserIT -Dwsemu.updateImages=true
 * </pre>
 */
class DiagramBrowserIT {
  /** The demonstration whose diagram is the README's picture (message-loop until it exists). */
  static final String HEADLINE = "nested-blocking-call";
  static final Path OUT = Path.of("target", "diagrams");
  static final Path GOLDENS = Path.of("src", "test", "resources", "goldens");
  static final Path IMAGES = Path.of("docs", "images");
  private static final int WINDOW_HEIGHT = 1200;

  private record Page(String name, List<TraceEvent> events) {}

  private static List<Page> pages;

  /** Every demonstration's run in Win16 mode, and every golden trace but the demonstrations'. */
  static synchronized List<Page> pages() throws Exception {
    if (pages == null) {
      List<Page> all = new ArrayList<>();
      for (Demonstration demo : Demonstrations.all()) {
        all.add(new Page("demo-" + demo.name(), run(demo)));
      }
      try (Stream<Path> goldens = Files.list(GOLDENS)) {
        for (Path golden : goldens.filter(p -> p.toString().endsWith(".trace")).sorted().toList()) {
          String name = golden.getFileName().toString().replace(".trace", "");
          if (!name.startsWith("demo-")) { // the demonstrations' goldens are their runs, drawn above
            all.add(new Page("golden-" + name, TraceFiles.read(golden)));
          }
        }
      }
      pages = List.copyOf(all);
    }
    return pages;
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyDiagramRendersInChromiumWithoutOverlapsOrOverflow() throws Exception {
    assertEquals("", Chromium.missing());
    Files.createDirectories(OUT.resolve("checked"));
    List<Page> pages = pages();
    ExecutorService browsers = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> checks = new ArrayList<>();
      for (Page page : pages) {
        checks.add(browsers.submit(() -> check(page)));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> check : checks) {
        String failure = check.get(2, TimeUnit.MINUTES);
        if (!failure.isEmpty()) {
          failures.add(failure);
        }
      }
      assertEquals(List.of(), failures, "pages in " + OUT.toAbsolutePath());
    } finally {
      browsers.shutdownNow();
    }
    assertTrue(pages.size() >= 2, "pages: " + pages.size());
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void theReadmePictureIsTheHeadlineDemonstrationsDiagram() throws Exception {
    assertEquals("", Chromium.missing());
    Path picture = IMAGES.resolve(HEADLINE + ".png");
    assertTrue(Files.exists(picture), picture + " is missing: write it with -Dwsemu.updateImages=true");
    boolean update = Boolean.getBoolean("wsemu.updateImages");
    String name = Demonstrations.find(HEADLINE).isPresent() ? HEADLINE : "message-loop";
    if (update && !name.equals(HEADLINE)) {
      fail("the headline demonstration " + HEADLINE + " is not in the catalogue: no picture to write");
    }
    Path png = readmePicture(Demonstrations.find(name).orElseThrow());
    if (update) {
      Files.copy(png, picture, StandardCopyOption.REPLACE_EXISTING);
      System.err.println("wrote " + picture.toAbsolutePath());
    }
  }

  /** The README's picture of {@code demo}'s diagram: the top of its page, checked not blank. */
  static Path readmePicture(Demonstration demo) throws Exception {
    Files.createDirectories(OUT);
    String html = SequenceDiagram.html(run(demo), "wsemu demo " + demo.name());
    Path page = OUT.resolve("readme-" + demo.name() + ".html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path png = OUT.resolve("readme-" + demo.name() + ".png");
    Chromium.render(page, png, Math.min(1400, svgWidth(html) + 40), 1000);
    assertNotBlank(ImageIO.read(png.toFile()), png);
    return png;
  }

  static int svgWidth(String html) {
    return Integer.parseInt(html.replaceFirst("(?s).*<svg xmlns=\"[^\"]*\" class=\"diagram\" width=\"(\\d+)\".*", "$1"));
  }

  /**
   * Mermaid's own parser and renderer, from its WebJar, with its default text limit (as on
   * GitHub), accept the Mermaid text of every page, of a long trace drawn whole (cut at the limit),
   * and of a trace full of what Mermaid's grammar reads ({@code ; # : < > " & %% end}...); a text
   * broken on purpose shows that the check can fail.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void mermaidItselfParsesAndRendersEveryMermaidText() throws Exception {
    assertEquals("", Chromium.missing());
    Map<String, String> texts = new LinkedHashMap<>();
    for (Page page : pages()) {
      texts.put(page.name(), SequenceDiagram.mermaid(page.events()));
    }
    List<TraceEvent> messageLoop = pages().stream().filter(p -> p.name().equals("demo-message-loop")).findFirst().orElseThrow().events();
    String whole = SequenceDiagram.mermaid(messageLoop, DiagramOptions.defaults().collapse(false).fold(false));
    assertTrue(whole.contains("more rows not drawn (Mermaid's text limit"), "a text cut at the limit");
    texts.put("every-event-of-message-loop", whole);
    texts.put("special-characters", SequenceDiagram.mermaid(specialCharacters()));
    texts.put("broken-on-purpose", "sequenceDiagram\n    participant A as a\n    deactivate A\n");
    Path page = MermaidCheck.page(OUT.resolve("mermaid"), texts);
    String dom = Chromium.render(page, OUT.resolve("mermaid").resolve("check.png"), 1200, 900,
        List.of("--virtual-time-budget=60000"));
    Map<String, String> results = MermaidCheck.results(dom);
    assertEquals(List.copyOf(texts.keySet()), List.copyOf(results.keySet()), "Mermaid " + MermaidCheck.version());
    assertTrue(results.remove("broken-on-purpose").startsWith("FAIL"), "the check fails a broken text");
    assertEquals(List.of(), MermaidCheck.failures(results), "Mermaid " + MermaidCheck.version());
    List<String> drawn = MermaidCheck.drawnTexts(dom, texts.size() - 2); // the special characters, as Mermaid shows them
    for (String expected : List.of("0001:a;b#c", "0002:end", "end(text=x; y # z: <br> \"q\" & %% -->> +T1 end) = 0",
        "EndpointRequest ep=0x0100 request=loop; rect rgb(0,0,0) end style=sync reqTimeout=0")) {
      assertTrue(drawn.contains(expected), expected + " in " + drawn);
    }
  }

  /** Labels with every character Mermaid's grammar reads, and its keywords. */
  static List<TraceEvent> specialCharacters() {
    return new Events()
        .add("0001:a;b#c", org.wsemu.trace.TraceKind.CALL, "end", "text", "x; y # z: <br> \"q\" & %% -->> +T1 end", "ret", 0)
        .add("0002:end", org.wsemu.trace.TraceKind.NOTE, "EndpointRequest", "ep", "0x0100", "request", "loop; rect rgb(0,0,0)\nend",
            "style", "sync", "reqTimeout", 0)
        .add("0002:end", org.wsemu.trace.TraceKind.CALL, "PostMessage", "hWnd", "0x0100", "Msg", "WM_USER+0x0001",
            "wParam", "0x0000", "lParam", "0x00000000", "ret", false)
        .list();
  }

  /** The check itself finds what it looks for, measured in the browser, on a page made to fail it. */
  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void theLayoutCheckSeesOverlapsOverflowAndCrossedLifelines() throws Exception {
    assertEquals("", Chromium.missing());
    Files.createDirectories(OUT.resolve("checked"));
    String page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body>
        <svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="300" height="100" viewBox="0 0 300 100" data-arrows="1">
        <g class="lifeline" data-id="T1"><line x1="50" y1="10" x2="50" y2="90"/><rect x="30" y="0" width="40" height="20"/><text x="20" y="15" font-size="12">0001:main</text></g>
        <g class="lifeline" data-id="T2"><line x1="120" y1="10" x2="120" y2="90"/><rect x="90" y="0" width="60" height="20"/><text x="100" y="15" font-size="12">T2</text></g>
        <g class="arrow call" data-from="T1" data-to="T1"><text x="60" y="50" font-size="12">a self-arrow's label far too long</text></g>
        <text x="60" y="52" font-size="12">on top of it</text>
        <text x="250" y="98" font-size="12">past the right edge</text>
        </svg></body></html>
        """;
    Path checked = OUT.resolve("checked").resolve("layout-check-self-test.html");
    Files.writeString(checked, LayoutCheck.addTo(page), StandardCharsets.UTF_8);
    String dom = Chromium.render(checked, OUT.resolve("layout-check-self-test.png"), 400, 200);
    assertEquals("5", LayoutCheck.bodyAttribute(dom, "data-texts"));
    assertEquals("outside the picture: past the right edge"
        + " | overlap: a self-arrow's label far too long / on top of it"
        + " | header wider than its box: 0001:main"
        + " | reaches the next lifeline: a self-arrow's label far too long",
        LayoutCheck.bodyAttribute(dom, "data-problem-list"));
  }

  /** Renders one page and returns what is wrong with it, or an empty string. */
  private static String check(Page page) throws IOException, InterruptedException {
    String html = SequenceDiagram.html(page.events(), page.name());
    Path clean = OUT.resolve(page.name() + ".html");
    Files.writeString(clean, html, StandardCharsets.UTF_8);
    Path checked = OUT.resolve("checked").resolve(page.name() + ".html");
    Files.writeString(checked, LayoutCheck.addTo(html), StandardCharsets.UTF_8);
    Path png = OUT.resolve(page.name() + ".png");
    Files.deleteIfExists(png);
    int width = Math.min(2400, svgWidth(html) + 40);
    String dom = Chromium.render(checked, png, width, WINDOW_HEIGHT);
    String texts = LayoutCheck.bodyAttribute(dom, "data-texts");
    String problems = LayoutCheck.bodyAttribute(dom, "data-problems");
    if (texts == null || problems == null) {
      return page.name() + ": the layout check did not run";
    }
    if (!problems.equals("0")) {
      return page.name() + ": " + problems + " layout problems: " + LayoutCheck.bodyAttribute(dom, "data-problem-list");
    }
    if (Integer.parseInt(texts) < 2) {
      return page.name() + ": " + texts + " texts";
    }
    try {
      assertNotBlank(ImageIO.read(png.toFile()), png);
    } catch (AssertionError blank) {
      return page.name() + ": " + blank.getMessage();
    }
    return "";
  }

  /** The screenshot shows a drawing: many colours, and a fair share of pixels that are not white. */
  static void assertNotBlank(BufferedImage image, Path png) {
    if (image == null) {
      fail("not an image: " + png);
    }
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    long sampled = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        sampled++;
        if (rgb != 0xFFFFFF) {
          inked++;
        }
      }
    }
    assertTrue(colours.size() >= 16, png + ": " + colours.size() + " colours");
    assertTrue(inked * 100 >= sampled, png + ": " + inked + " of " + sampled + " sampled pixels not white");
  }

  private static List<TraceEvent> run(Demonstration demo) throws Exception {
    TraceRecorder recorder = new TraceRecorder();
    Demonstrations.run(demo, SchedulingMode.WIN16, recorder, new PrintWriter(new StringWriter()));
    return recorder.events();
  }
}
