package org.wsemu.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.trace.TraceKind.BLOCK;
import static org.wsemu.trace.TraceKind.CALL;
import static org.wsemu.trace.TraceKind.HOOK;
import static org.wsemu.trace.TraceKind.NET;
import static org.wsemu.trace.TraceKind.PROC;
import static org.wsemu.trace.TraceKind.PROC_END;
import static org.wsemu.trace.TraceKind.UNBLOCK;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wsemu.trace.TraceEvent;
import org.xml.sax.InputSource;

class SvgDiagramTest {
  private static final String MAIN = "0001:main";
  private static final String OTHER = "0002:other";

  /** A nested recv refused in a window procedure, another task posting, the network. */
  static List<TraceEvent> nestedTrace() {
    return new Events()
        .add(MAIN, CALL, "CreateWindow", "lpClassName", "Nested", "ret", "0x0100")
        .add("net", NET, "established", "from", "127.0.0.1:49153", "to", "127.0.0.1:49152")
        .add(OTHER, CALL, "PostMessage", "hWnd", "0x0100", "Msg", "WM_USER+0x0000", "wParam", "0x0000", "lParam", "0x00000000",
            "ret", true)
        .add(MAIN, BLOCK, "recv", "s", 3, "level", 1)
        .add(MAIN, PROC, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0000", "wParam", "0x0000", "lParam", "0x00000000",
            "via", "DispatchMessage", "depth", 2)
        .add(MAIN, CALL, "recv", "s", 2, "len", 1, "flags", 0, "ret", -1, "error", "WSAEINPROGRESS")
        .add(MAIN, CALL, "WSACancelBlockingCall", "ret", 0)
        .add(MAIN, PROC_END, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0000", "ret", 0, "depth", 2)
        .at(1)
        .add(MAIN, HOOK, "DefaultBlockingHook", "ret", false)
        .add(MAIN, UNBLOCK, "recv", "s", 3, "ret", -1, "error", "WSAEINTR", "cancelled", true)
        .add(MAIN, CALL, "recv", "s", 3, "len", 1, "flags", 0, "ret", -1, "error", "WSAEINTR")
        .list();
  }

  @Test
  void theSvgHasALifelinePerParticipantAnArrowPerModelArrowAndBalancedBarsInsideTheirLifelines() throws Exception {
    List<TraceEvent> events = nestedTrace();
    DiagramModel model = ModelBuilder.build(events, DiagramOptions.defaults());
    Element svg = svgOf(SequenceDiagram.html(events, "nested"));

    List<Element> lifelines = elements(svg, "g", "lifeline");
    assertEquals(List.of("T1", "T2", "NET"), lifelines.stream().map(l -> l.getAttribute("data-id")).toList());
    assertEquals(List.of("0001:main", "0002:other", "network"),
        lifelines.stream().map(l -> l.getElementsByTagName("text").item(0).getTextContent()).toList());
    List<Element> arrows = elements(svg, "g", "arrow");
    assertEquals(model.arrows(), arrows.size());
    assertEquals(8, arrows.size());
    assertEquals("8", svg.getAttribute("data-arrows"));

    Map<String, Double> x = new HashMap<>();
    for (Element lifeline : lifelines) {
      Element line = (Element) lifeline.getElementsByTagName("line").item(0);
      x.put(lifeline.getAttribute("data-id"), Double.parseDouble(line.getAttribute("x1")));
    }
    List<Element> bars = elements(svg, "rect", "bar");
    assertEquals(List.of("T1 2", "T1 1"), bars.stream().map(b -> b.getAttribute("data-lifeline") + " " + b.getAttribute("data-level")).toList());
    double top = Double.parseDouble(((Element) lifelines.get(0).getElementsByTagName("line").item(0)).getAttribute("y1"));
    double bottom = Double.parseDouble(((Element) lifelines.get(0).getElementsByTagName("line").item(0)).getAttribute("y2"));
    for (Element bar : bars) {
      double left = Double.parseDouble(bar.getAttribute("x"));
      double lifelineX = x.get(bar.getAttribute("data-lifeline"));
      int level = Integer.parseInt(bar.getAttribute("data-level"));
      assertEquals(lifelineX - SvgLayout.BAR_WIDTH / 2.0 + SvgLayout.BAR_SHIFT * (level - 1), left, 0.01);
      assertTrue(left + SvgLayout.BAR_WIDTH < x.get("T2"), "the bar stays in its column");
      double y = Double.parseDouble(bar.getAttribute("y"));
      assertTrue(y > top && y + Double.parseDouble(bar.getAttribute("height")) < bottom, "inside the lifeline");
    }
    // the inner bar (the window procedure) lies within the outer one (the blocking recv)
    assertTrue(Double.parseDouble(bars.get(0).getAttribute("y")) > Double.parseDouble(bars.get(1).getAttribute("y")));

    List<String> errors = new ArrayList<>();
    for (Element arrow : arrows) {
      if (arrow.getAttribute("class").contains("error")) {
        errors.add(arrow.getElementsByTagName("text").item(0).getTextContent());
      }
    }
    assertEquals(List.of("recv(s=2, len=1, flags=0) = -1 WSAEINPROGRESS", "recv(s=3, len=1, flags=0) = -1 WSAEINTR"), errors);
    Element post = arrows.get(1);
    assertEquals("arrow post", post.getAttribute("class"));
    assertEquals("T2", post.getAttribute("data-from"));
    assertEquals("T1", post.getAttribute("data-to"));
  }

  @Test
  void columnsAreWideEnoughForTheirLabels() throws Exception {
    Element svg = svgOf(SequenceDiagram.html(nestedTrace(), "nested"));
    Map<String, Double> x = new HashMap<>();
    for (Element lifeline : elements(svg, "g", "lifeline")) {
      x.put(lifeline.getAttribute("data-id"), Double.parseDouble(((Element) lifeline.getElementsByTagName("line").item(0)).getAttribute("x1")));
    }
    for (Element arrow : elements(svg, "g", "arrow")) {
      Element text = (Element) arrow.getElementsByTagName("text").item(0);
      double width = SvgLayout.textWidth(text.getTextContent());
      double start = Double.parseDouble(text.getAttribute("x"));
      String from = arrow.getAttribute("data-from");
      String to = arrow.getAttribute("data-to");
      if (from.equals(to)) {
        double next = x.values().stream().filter(v -> v > x.get(from)).min(Double::compare).orElse(Double.parseDouble(svg.getAttribute("width")));
        assertTrue(start + width < next, "a self-arrow's label ends before the next lifeline: " + text.getTextContent());
      } else {
        assertTrue(width < Math.abs(x.get(to) - x.get(from)), "an arrow's label fits between its lifelines: " + text.getTextContent());
      }
    }
  }

  @Test
  void textIsEscapedAndThePageNeedsNothingFromElsewhere() throws Exception {
    List<TraceEvent> events = new Events()
        .add("0001:a<b>&\"c'", CALL, "send", "s", 1, "buf", "<script>alert('&')</script>", "ret", 5)
        .list();
    String page = SequenceDiagram.html(events, "title <&> \"quoted\"");
    Element svg = svgOf(page);
    assertEquals("0001:a<b>&\"c'", elements(svg, "g", "lifeline").get(0).getElementsByTagName("text").item(0).getTextContent());
    assertEquals("send(s=1, buf=<script>alert('&')</script>) = 5",
        elements(svg, "g", "arrow").get(0).getElementsByTagName("text").item(0).getTextContent());
    assertTrue(page.contains("<title>title &lt;&amp;&gt; &quot;quoted&quot;</title>"), page);
    assertFalse(page.contains("<script"), "no script");
    assertFalse(page.contains("<link") || page.contains("@import") || page.contains("src=") || page.contains("href="), "nothing linked");
    assertEquals(List.of("http://www.w3.org/2000/svg"), matches(page, "https?://[^\"' )]+"), "no address but the SVG namespace");
    for (String url : matches(page, "url\\([^)]*\\)")) {
      assertTrue(url.startsWith("url(#"), "only references inside the page: " + url);
    }
  }

  @Test
  void anEmptyTraceAndAOneTaskTraceMakeValidPages() throws Exception {
    Element empty = svgOf(SequenceDiagram.html(List.of(), "empty"));
    assertEquals(0, elements(empty, "g", "lifeline").size());
    assertEquals(0, elements(empty, "g", "arrow").size());

    Element one = svgOf(SequenceDiagram.html(new Events().add(MAIN, CALL, "WSAStartup", "wVersionRequired", "0x0101", "ret", 0).list(), "one"));
    assertEquals(1, elements(one, "g", "lifeline").size());
    assertEquals(1, elements(one, "g", "arrow").size());
  }

  @Test
  void tenThousandPollingEventsMakeASmallPage() throws Exception {
    Events events = new Events();
    for (int i = 0; i < 10_000; i++) {
      events.at(i / 10).add(MAIN, CALL, "PeekMessage", "hWnd", "0x0000", "wMsgFilterMin", "0", "wMsgFilterMax", "0",
          "wRemoveMsg", "PM_REMOVE", "ret", false);
    }
    String page = SequenceDiagram.html(events.list(), "polling");
    Element svg = svgOf(page);
    List<Element> arrows = elements(svg, "g", "arrow");
    assertEquals(1, arrows.size());
    assertEquals("PeekMessage(wRemoveMsg=PM_REMOVE) = false x 10000", arrows.get(0).getElementsByTagName("text").item(0).getTextContent());
    assertTrue(page.length() < 20_000, "size " + page.length());
  }

  /** Parses the diagram's SVG element of an HTML page with the JDK's XML parser. */
  static Element svgOf(String page) throws Exception {
    int start = page.indexOf("<svg xmlns=");
    int end = page.indexOf("</svg>", start) + "</svg>".length();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(page.substring(start, end))));
    Element svg = document.getDocumentElement();
    assertEquals("svg", svg.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
    return svg;
  }

  /** The elements named {@code tag} whose class list holds {@code cssClass}, in document order. */
  static List<Element> elements(Element root, String tag, String cssClass) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = root.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
        found.add(e);
      }
    }
    return found;
  }

  private static List<String> matches(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
