package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinSock;

/**
 * docs/trace-schema.md against the code: every kind has its section; every kind, name and field
 * emitted by broad runs (the determinism program on two seeds, a USER program with timers, nested
 * callbacks and an exception) is documented; every documented name and field is a literal of the
 * code.
 */
class TraceSchemaTest {
  private static final Path DOC = Path.of("docs/trace-schema.md");
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

  /** The documented schema: per kind, per event name ({@code *}: any), its field names ({@code *}: any). */
  static Map<TraceKind, Map<String, Set<String>>> parse(List<String> lines) {
    Map<TraceKind, Map<String, Set<String>>> schema = new LinkedHashMap<>();
    Map<String, Set<String>> section = null;
    List<String> names = List.of();
    for (String line : lines) {
      if (line.startsWith("## ")) { // a section of a kind is named as the kind; others are prose
        String heading = line.substring(3).strip();
        section = heading.matches("[A-Z_]+") ? new LinkedHashMap<>() : null;
        if (section != null) {
          schema.put(TraceKind.valueOf(heading), section);
        }
        names = List.of();
      } else if (section != null && line.startsWith("| ") && !line.startsWith("| name ")) {
        String[] cells = line.split("\\|");
        List<String> rowNames = ticked(cells[1]);
        if (!rowNames.isEmpty()) {
          names = rowNames;
        }
        for (String name : names) {
          section.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(ticked(cells[2]));
        }
      }
    }
    return schema;
  }

  private static List<String> ticked(String cell) {
    List<String> found = new ArrayList<>();
    Matcher m = TICKED.matcher(cell);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** What the events emit that the schema does not document, one line per kind, name or field. */
  static Set<String> undocumented(Map<TraceKind, Map<String, Set<String>>> schema, List<TraceEvent> events) {
    Set<String> missing = new TreeSet<>();
    for (TraceEvent e : events) {
      Map<String, Set<String>> section = schema.getOrDefault(e.kind(), Map.of());
      Set<String> fields = section.containsKey(e.name()) ? section.get(e.name()) : section.get("*");
      if (fields == null) {
        missing.add(e.kind() + " " + e.name());
        continue;
      }
      for (String field : e.fields().keySet()) {
        if (!fields.contains(field) && !fields.contains("*")) {
          missing.add(e.kind() + " " + e.name() + " " + field);
        }
      }
    }
    return missing;
  }

  @Test
  void everyKindHasItsSectionInOrder() throws IOException {
    assertEquals(Arrays.asList(TraceKind.values()), new ArrayList<>(parse(Files.readAllLines(DOC)).keySet()));
  }

  @Test
  @Timeout(60)
  void everyKindNameAndFieldOfBroadRunsIsDocumented() throws Exception {
    List<TraceEvent> events = new ArrayList<>();
    events.addAll(DeterminismProgram.record(1234, null).events());
    events.addAll(DeterminismProgram.record(77, null).events());
    events.addAll(userProgram());
    Set<TraceKind> seen = EnumSet.noneOf(TraceKind.class);
    events.forEach(e -> seen.add(e.kind()));
    assertEquals(EnumSet.of(TraceKind.CALL, TraceKind.TASK, TraceKind.SWITCH, TraceKind.CLOCK, TraceKind.TIMER,
        TraceKind.PROC, TraceKind.PROC_END, TraceKind.EXCEPTION, TraceKind.BLOCK, TraceKind.UNBLOCK, TraceKind.HOOK,
        TraceKind.NOTE, TraceKind.NET, TraceKind.FAULT, TraceKind.ASYNC), seen, "the kinds the runs cover");
    assertEquals(Set.of(), undocumented(parse(Files.readAllLines(DOC)), events));
  }

  @Test
  void everyDocumentedNameAndFieldIsALiteralOfTheCode() throws IOException {
    StringBuilder code = new StringBuilder();
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        code.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    Set<String> absent = new TreeSet<>();
    parse(Files.readAllLines(DOC)).forEach((kind, names) -> names.forEach((name, fields) -> {
      if (!name.equals("*") && code.indexOf('"' + name + '"') < 0) {
        absent.add(kind + " " + name);
      }
      for (String field : fields) {
        if (!field.equals("*") && code.indexOf('"' + field + '"') < 0) {
          absent.add(kind + " " + name + " " + field);
        }
      }
    }));
    assertEquals(Set.of(), absent);
  }

  @Test
  void theCheckFindsAnUndocumentedKindNameAndField() {
    Map<TraceKind, Map<String, Set<String>>> schema = parse(List.of(
        "## TIMER", "| name | field | type | meaning |", "|---|---|---|---|",
        "| `expired` | `hwnd` | handle | the window |", "| | `id` | handle | the id |",
        "## BLOCK", "| `*` | `s` | socket | the socket |"));
    assertEquals(Map.of(TraceKind.TIMER, Map.of("expired", Set.of("hwnd", "id")), TraceKind.BLOCK, Map.of("*", Set.of("s"))), schema);
    List<TraceEvent> events = List.of(
        new TraceEvent(1, 0, "-", TraceKind.TIMER, "expired", Map.of("hwnd", "0x0100", "id", "0x0001")),
        new TraceEvent(2, 0, "-", TraceKind.TIMER, "fired", Map.of()),
        new TraceEvent(3, 0, "-", TraceKind.BLOCK, "recv", Map.of("s", 1, "level", 1)),
        new TraceEvent(4, 0, "-", TraceKind.NOTE, "kill", Map.of()));
    assertEquals(Set.of("TIMER fired", "BLOCK recv level", "NOTE kill"), undocumented(schema, events));
  }

  /** Timers to a window and to a timer procedure, a message whose window procedure throws, an asynchronous lookup. */
  private static List<TraceEvent> userProgram() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    Emus.run(World.WIN16_SIM.builder().traceSink(trace), (emu, ws, user) -> {
      int[] ticks = new int[3];
      int hwnd = Emus.window(user, "Schema", (h, m, w, l) -> {
        if (m == WM_USER) {
          throw new IllegalStateException("thrown on purpose");
        }
        if (m == WM_TIMER) {
          ticks[0]++;
        }
        if (m == WM_USER + 1) {
          ticks[2]++;
        }
        return user.DefWindowProc(h, m, w, l);
      });
      user.SetTimer(hwnd, 1, 10, null);
      user.SetTimer(NULL, 2, 15, (h, m, id, time) -> ticks[1]++);
      user.PostMessage(hwnd, WM_USER, 0, 0);
      ws.WSAStartup(0x0101, new WSADATA());
      ws.WSAAsyncGetHostByName(hwnd, WM_USER + 1, "localhost", new byte[WinSock.MAXGETHOSTSTRUCT], WinSock.MAXGETHOSTSTRUCT);
      MSG msg = new MSG();
      while ((ticks[0] < 2 || ticks[1] < 2 || ticks[2] < 1) && user.GetMessage(msg, NULL, 0, 0) != 0) {
        user.DispatchMessage(msg);
      }
      user.DestroyWindow(hwnd);
      return ws.WSACleanup();
    });
    return trace.events();
  }
}
