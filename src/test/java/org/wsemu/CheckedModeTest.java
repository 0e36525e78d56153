package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/** The checked mode's API: violations(), the summary at shutdown, and failOnViolation. */
@Timeout(30)
class CheckedModeTest {
  /** Two cleanups before any startup, then a second startup asking another version; balanced at the end. */
  private static void careless(WinsockApi ws) {
    ws.WSACleanup();
    ws.WSACleanup();
    ws.WSAStartup(0x0101, new WSADATA());
    ws.WSAStartup(0x0202, new WSADATA());
    ws.WSACleanup();
    ws.WSACleanup();
  }

  @World.AllWorlds
  void violationsAreListedInOrderAndSummedUpBeforeShutdown(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    Emulator emu = world.builder().checked(true).traceSink(trace).build();
    try (emu) {
      Emus.run(emu, () -> {
        careless(emu.winsock());
        return 0;
      });
      List<Violation> found = emu.violations();
      assertEquals(List.of("startup-unbalanced", "startup-unbalanced", "startup-version-changed"),
          found.stream().map(Violation::rule).toList());
      List<TraceEvent> events = trace.events(e -> e.kind() == TraceKind.VIOLATION);
      for (int i = 0; i < found.size(); i++) {
        assertEquals(events.get(i).seq(), found.get(i).seq());
        assertEquals(events.get(i).time(), found.get(i).time());
        assertEquals(events.get(i).task(), found.get(i).task());
      }
      assertEquals(new Violation("startup-version-changed", events.get(2).seq(), events.get(2).time(),
          events.get(2).task(), "WSAStartup", "requested=0x0202 first=0x0101"), found.get(2));
      assertEquals("WSACleanup", found.get(0).function());
      assertEquals("startups=0", found.get(0).detail());
      Map<String, Integer> summary = new LinkedHashMap<>();
      summary.put("startup-unbalanced", 2);
      summary.put("startup-version-changed", 1);
      assertEquals(summary, emu.violationSummary());
      assertEquals(List.copyOf(summary.keySet()), List.copyOf(emu.violationSummary().keySet()), "first-seen order");
    }
    List<String> lines = trace.events(e -> e.kind() == TraceKind.NOTE).stream().map(TraceFormat::line)
        .map(l -> l.substring(l.indexOf(" - NOTE ") + 1)).toList();
    assertEquals("- NOTE violations total=3 startup-unbalanced=2 startup-version-changed=1", lines.get(lines.size() - 2));
    assertEquals("- NOTE shutdown tasks=0", lines.get(lines.size() - 1));
  }

  @World.SimWorlds
  void uncheckedThereIsNothingToReport(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    Emulator emu = world.builder().traceSink(trace).build();
    try (emu) {
      Emus.run(emu, () -> {
        careless(emu.winsock());
        return 0;
      });
      assertEquals(List.of(), emu.violations());
      assertEquals(Map.of(), emu.violationSummary());
    }
    assertEquals(List.of(), trace.events(e -> e.kind() == TraceKind.VIOLATION || e.name().equals("violations")));
  }

  @World.SimWorlds
  void failOnViolationThrowsFromCloseAfterEverythingIsClosed(World world) throws Exception {
    Emulator emu = world.builder().failOnViolation(true).build();
    Emus.run(emu, () -> {
      careless(emu.winsock()); // the calls themselves never throw
      return 0;
    });
    RuleViolationException thrown = assertThrows(RuleViolationException.class, emu::close);
    assertTrue(emu.isShutDown());
    assertEquals(emu.violations(), thrown.violations());
    assertEquals(3, thrown.violations().size());
    assertTrue(thrown.getMessage().startsWith("emulator " + emu.name() + ": 3 Windows Sockets rule violations"),
        thrown.getMessage());
  }

  @World.SimWorlds
  void failOnViolationWithoutAViolationClosesQuietly(World world) throws Exception {
    Emulator emu = world.builder().failOnViolation(true).build();
    Emus.run(emu, () -> {
      WinsockApi ws = emu.winsock();
      assertEquals(0, ws.WSAStartup(0x0101, new WSADATA()));
      assertEquals(0, ws.WSACleanup());
      return 0;
    });
    emu.close();
    assertEquals(List.of(), emu.violations());
  }
}
