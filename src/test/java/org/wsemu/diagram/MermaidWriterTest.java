package org.wsemu.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.trace.TraceKind.BLOCK;
import static org.wsemu.trace.TraceKind.CALL;
import static org.wsemu.trace.TraceKind.HOOK;
import static org.wsemu.trace.TraceKind.NET;
import static org.wsemu.trace.TraceKind.NOTE;
import static org.wsemu.trace.TraceKind.PROC;
import static org.wsemu.trace.TraceKind.PROC_END;
import static org.wsemu.trace.TraceKind.TASK;
import static org.wsemu.trace.TraceKind.UNBLOCK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsemu.trace.TraceEvent;

class MermaidWriterTest {
  private static final String MAIN = "0001:main";

  @Test
  void aSmallTraceAsMermaidText() {
    List<TraceEvent> events = new Events()
        .add("-", TASK, "create", "task", MAIN)
        .add(MAIN, TASK, "start")
        .add(MAIN, CALL, "CreateWindow", "lpClassName", "Nested", "ret", "0x0100")
        .add("net", NET, "established", "from", "127.0.0.1:49153", "to", "127.0.0.1:49152")
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
        .add(MAIN, TASK, "exit", "code", 0)
        .list();

    assertEquals("""
        sequenceDiagram
            participant T1 as 0001:main
            participant NET as network
            Note left of T1: t=0 ms
            Note right of T1: start
            T1->>T1: CreateWindow(lpClassName=Nested) = 0x0100
            Note right of NET: established from=127.0.0.1#58;49153 to=127.0.0.1#58;49152
            T1->>T1: recv blocks (s=3 level=1)
            activate T1
            T1->>T1: WndProc WM_USER+0x0000
            activate T1
            rect rgb(255, 228, 228)
                T1-xT1: recv(s=2, len=1, flags=0) = -1 WSAEINPROGRESS
            end
            T1--xT1: WSACancelBlockingCall() = 0
            deactivate T1
            Note left of T1: t=1 ms
            T1->>T1: DefaultBlockingHook = false
            deactivate T1
            rect rgb(255, 228, 228)
                T1-xT1: recv(s=3, len=1, flags=0) = -1 WSAEINTR
            end
            Note right of T1: exit code=0
        """, SequenceDiagram.mermaid(events));
  }

  @Test
  void repeatedPollingIsOneLineWithItsCountOrABox() {
    Events events = new Events();
    for (int i = 0; i < 142; i++) {
      events.add(MAIN, CALL, "PeekMessage", "hWnd", "0x0000", "wMsgFilterMin", "0", "wMsgFilterMax", "0",
          "wRemoveMsg", "PM_REMOVE", "ret", false);
    }
    for (int i = 0; i < 3; i++) {
      events.at(1000 + i).add(MAIN, CALL, "recv", "s", 1, "len", 1, "flags", 0, "ret", -1, "error", "WSAEWOULDBLOCK");
      events.add(MAIN, CALL, "Yield", "ret", 0);
    }
    assertEquals("""
        sequenceDiagram
            participant T1 as 0001:main
            Note left of T1: t=0 ms
            T1->>T1: PeekMessage(wRemoveMsg=PM_REMOVE) = false x 142
            loop x 3 (t=1000..1002 ms)
                Note left of T1: t=1000 ms
                rect rgb(255, 228, 228)
                    T1-xT1: recv(s=1, len=1, flags=0) = -1 WSAEWOULDBLOCK
                end
                T1->>T1: Yield() = 0
            end
        """, SequenceDiagram.mermaid(events.list()));
  }

  @Test
  void textsAreEscapedWithMermaidsEntityCodes() {
    assertEquals("a#59; b#35;1 c#58;d #lt;b#gt; #quot;q#quot; x #amp; y z", MermaidWriter.text("a; b#1 c:d <b> \"q\" x & y\nz"));
    String text = SequenceDiagram.mermaid(new Events()
        .add("0001:we;ird#", NOTE, "EndpointRequest", "ep", "0x0100", "request", "Read; #1 <now>", "style", "sync", "reqTimeout", 0)
        .list());
    assertEquals("""
        sequenceDiagram
            participant T1 as 0001:we#59;ird#35;
            Note left of T1: t=0 ms
            Note right of T1: EndpointRequest ep=0x0100 request=Read#59; #35;1 #lt;now#gt; style=sync reqTimeout=0
        """, text);
    for (String line : text.split("\n")) {
      String afterColon = line.contains(": ") ? line.substring(line.indexOf(": ") + 2) : "";
      assertFalse(afterColon.replaceAll("#[0-9a-z]+;", "").matches(".*[;<>:#\"&].*"), line);
    }
  }

  @Test
  void aLongTraceStopsWithinMermaidsTextLimitWithItsBarsClosed() {
    Events events = new Events()
        .add(MAIN, BLOCK, "recv", "s", 3, "level", 1)
        .add(MAIN, PROC, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0000", "wParam", "0x0000", "lParam", "0x00000000",
            "via", "DispatchMessage", "depth", 2);
    for (int i = 0; i < 1000; i++) {
      events.add(MAIN, CALL, "send", "s", 2, "len", i, "flags", 0, "ret", -1, "error", "WSAEINPROGRESS");
    }
    String text = SequenceDiagram.mermaid(events.list());

    assertTrue(text.length() <= MermaidWriter.MAX_TEXT, "length " + text.length());
    List<String> lines = text.lines().toList();
    int drawn = (int) lines.stream().filter(l -> l.contains("T1-xT1: send(")).count();
    assertEquals("    Note right of T1: " + (1000 - drawn) + " more rows not drawn (Mermaid's text limit#59; the HTML page has them all)",
        lines.get(lines.size() - 1));
    assertEquals(List.of("    deactivate T1", "    deactivate T1"), lines.subList(lines.size() - 3, lines.size() - 1));
    assertEquals(2, lines.stream().filter(l -> l.trim().startsWith("activate T1")).count());
    assertTrue(drawn > 100, "drawn " + drawn);
  }

  @Test
  void anEmptyTraceIsAnEmptyDiagram() {
    assertEquals("sequenceDiagram\n    participant EMPTY as (no events)\n", SequenceDiagram.mermaid(List.of()));
  }

  @Test
  void aLongCallIsCutInItsArgumentsNotItsResult() {
    String call = "WSARecv(s=1, buffers=1, flags=0, overlapped=true, routine=true, and=more, and=more, and=more) = -1 WSAEWOULDBLOCK";
    assertEquals("WSARecv(s=1, buffers=1, flags=0, overlapped=true, routine=true, and=more, and=\u2026) = -1 WSAEWOULDBLOCK x 2",
        MermaidWriter.label(call, 2));
    assertEquals(MermaidWriter.MAX_LABEL, MermaidWriter.label(call, 1).length());
  }

  @Test
  void longLabelsAreCutButNotTheirCount() {
    String label = MermaidWriter.label("x".repeat(300), 7);
    assertEquals(MermaidWriter.MAX_LABEL + " x 7".length(), label.length());
    assertEquals("x".repeat(MermaidWriter.MAX_LABEL - 1) + "\u2026 x 7", label);
  }
}
