package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinsockTestSupport.pair;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wsemu.Emulator;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceRecorder;
import org.xml.sax.InputSource;

/**
 * The diagram of a real run, in every world (both networks, both scheduling modes): a send from
 * the blocking hook refused with WSAEINPROGRESS, the hook's cancel, and the blocked recv failing
 * with WSAEINTR, drawn as the same arrows and bar everywhere.
 */
@Timeout(30)
class DiagramOfRunsTest {

  @World.AllWorlds
  void aCallRefusedInsideABlockingRecvIsDrawnTheSameInEveryWorld(World world) throws Exception {
    TraceRecorder recorder = new TraceRecorder();
    int[] sockets = new int[2];
    List<Integer> results = new ArrayList<>();
    Emulator.Builder builder = world.builder().traceSink(recorder);
    Emus.run(builder, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      sockets[0] = pair[0];
      sockets[1] = pair[1];
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          results.add(ws.send(pair[0], new byte[1], 1, 0));
          results.add(ws.WSAGetLastError());
          results.add(ws.WSACancelBlockingCall());
        }
        return false;
      });
      results.add(ws.recv(pair[1], new byte[1], 1, 0));
      results.add(ws.WSAGetLastError());
      ws.WSACleanup();
      return 0;
    });
    assertEquals(List.of(-1, WinSock.WSAEINPROGRESS, 0, -1, WinSock.WSAEINTR), results);

    List<String> lines = SequenceDiagram.mermaid(recorder.events()).lines()
        .filter(line -> !line.contains("Note left of")) // the time: real time in some worlds
        .toList();
    int from = lines.indexOf("    T1->>T1: recv blocks (s=" + sockets[1] + " level=1)");
    assertTrue(from > 0, String.join("\n", lines));
    assertEquals(List.of(
        "    T1->>T1: recv blocks (s=" + sockets[1] + " level=1)",
        "    activate T1",
        "    rect rgb(255, 228, 228)",
        "        T1-xT1: send(s=" + sockets[0] + ", len=1, flags=0) = -1 WSAEINPROGRESS",
        "    end",
        "    T1--xT1: WSACancelBlockingCall() = 0",
        "    T1->>T1: BlockingHook = false",
        "    deactivate T1",
        "    rect rgb(255, 228, 228)",
        "        T1-xT1: recv(s=" + sockets[1] + ", len=1, flags=0) = -1 WSAEINTR",
        "    end"), lines.subList(from, from + 11));

    String page = SequenceDiagram.html(recorder.events(), world.name());
    int start = page.indexOf("<svg xmlns=");
    Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(page.substring(start, page.indexOf("</svg>", start) + 6))))
        .getDocumentElement();
    List<String> errors = new ArrayList<>();
    NodeList groups = svg.getElementsByTagName("g");
    int arrows = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("arrow")) {
        arrows++;
        if (g.getAttribute("class").endsWith(" error")) {
          errors.add(g.getElementsByTagName("text").item(0).getTextContent());
        }
      }
    }
    assertEquals(svg.getAttribute("data-arrows"), String.valueOf(arrows));
    assertEquals(List.of("send(s=" + sockets[0] + ", len=1, flags=0) = -1 WSAEINPROGRESS",
        "recv(s=" + sockets[1] + ", len=1, flags=0) = -1 WSAEINTR"), errors);
  }
}
