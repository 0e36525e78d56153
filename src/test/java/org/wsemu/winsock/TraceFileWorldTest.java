package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock2.INFINITE;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;
import static org.wsemu.winsock.WinsockTestSupport.ascii;
import static org.wsemu.winsock.WinsockTestSupport.assertFails;
import static org.wsemu.winsock.WinsockTestSupport.pair;
import static org.wsemu.winsock.WinsockTestSupport.run;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.LongStream;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.RoundTrips;
import org.wsemu.trace.TraceCollapse;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFileSink;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;

/**
 * Trace files in every world: a run with a window procedure that throws, a blocking recv that its
 * hook cancels and an overlapped recv completed by a routine reads back from text, golden lines and
 * JSON Lines as it was emitted.
 */
@Timeout(30)
class TraceFileWorldTest {

  @World.AllWorlds
  void aRunWithExceptionsBlockingAndCompletionsSurvivesTheFiles(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int hwnd = Emus.window(user, "Thrower", (h, m, w, l) -> {
        if (m == WM_USER) {
          throw new IllegalStateException("thrown on purpose with x=1 error=none");
        }
        return user.DefWindowProc(h, m, w, l);
      });
      user.PostMessage(hwnd, WM_USER, 0, 0);
      MSG msg = new MSG();
      user.GetMessage(msg, NULL, 0, 0);
      user.DispatchMessage(msg);
      int[] completed = new int[1];
      byte[] buf = new byte[8];
      WSAOVERLAPPED ov = new WSAOVERLAPPED(ws.WSACreateEvent());
      assertFails(ws, WSA_IO_PENDING, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(buf.length, buf)}, 1, new IntRef(-1),
          new IntRef(0), ov, (error, n, lp, flags) -> completed[0] = n));
      assertEquals(4, ws.send(p[0], ascii("data"), 4, 0));
      assertEquals(true, ws.WSAGetOverlappedResult(p[1], ov, new IntRef(-1), true, new IntRef(-1)));
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(INFINITE, true));
      assertEquals(4, completed[0]);
      assertEquals(0, ws.WSACleanup());
      startup(ws); // version 1.1: blocking hooks
      int[] q = pair(ws);
      ws.WSASetBlockingHook(() -> {
        ws.WSACancelBlockingCall();
        return false;
      });
      assertFails(ws, WinSock.WSAEINTR, ws.recv(q[1], new byte[1], 1, 0));
      ws.WSAUnhookBlockingHook();
      user.DestroyWindow(hwnd);
      return ws.WSACleanup();
    });
    Set<TraceKind> seen = EnumSet.noneOf(TraceKind.class);
    trace.events().forEach(e -> seen.add(e.kind()));
    assertEquals(true, seen.containsAll(EnumSet.of(TraceKind.EXCEPTION, TraceKind.BLOCK, TraceKind.HOOK,
        TraceKind.UNBLOCK, TraceKind.COMPLETION, TraceKind.ROUTINE, TraceKind.PROC, TraceKind.CALL)), seen::toString);
    TraceEvent thrown = trace.events(e -> e.kind() == TraceKind.EXCEPTION).get(0);
    assertEquals("thrown on purpose with x=1 error=none", thrown.field("message"));
    RoundTrips.assertRoundTrips(trace.events());
    GoldenFilter recv = GoldenFilter.all().withOptions(List.of("call,block,UNBLOCK"), List.of("main"), List.of("recv"));
    assertEquals(List.of("BLOCK recv s=6 level=1", "UNBLOCK recv s=6 ret=-1 error=WSAEINTR cancelled=true",
        "CALL recv s=6 len=1 flags=0 ret=-1 error=WSAEINTR"), shown(trace.events(recv)));
    assertEquals(List.of("CALL WSARecv", "COMPLETION WSARecv"),
        shown(trace.events(GoldenFilter.all().tasks("0001").calls("WSARecv"))).stream().map(l -> l.substring(0, l.indexOf(" s="))).toList());
  }

  /** Kind, name and fields of each event: what a filter kept. */
  private static List<String> shown(List<TraceEvent> events) {
    return events.stream().map(e -> TraceFormat.line(e).substring(TraceFormat.line(e).indexOf(e.kind().name()))).toList();
  }

  @World.AllWorlds
  void fiftyIdlePeekMessagesCollapseIntoOneEntry(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      MSG msg = new MSG();
      for (int i = 0; i < 50; i++) {
        assertEquals(false, user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE));
      }
      return 0;
    });
    List<TraceEvent> events = trace.events();
    List<TraceCollapse.Entry> entries = TraceCollapse.collapse(events);
    assertEquals(events.size(), entries.stream().mapToInt(TraceCollapse.Entry::size).sum());
    List<TraceCollapse.Entry> polling = entries.stream().filter(TraceCollapse.Entry::collapsed).toList();
    assertEquals(1, polling.size(), () -> TraceFormat.readable(events));
    TraceCollapse.Entry run = polling.get(0);
    assertEquals(50, run.repeats() * run.events().stream().filter(e -> e.name().equals("PeekMessage")).count(),
        () -> TraceFormat.readable(events));
    List<TraceEvent> peeks = trace.events(e -> e.name().equals("PeekMessage"));
    TraceEvent firstOfRun = run.events().get(0);
    TraceEvent lastOfRun = events.get(events.indexOf(firstOfRun) + run.size() - 1);
    assertEquals(List.of(firstOfRun.seq(), firstOfRun.time(), lastOfRun.seq(), lastOfRun.time()),
        List.of(run.firstSeq(), run.firstTime(), run.lastSeq(), run.lastTime()));
    assertEquals(true, run.firstSeq() <= peeks.get(0).seq() && peeks.get(49).seq() <= run.lastSeq(), TraceFormat.readable(events));
    String readable = TraceFormat.readable(events);
    assertEquals(events.size() - run.size() + run.events().size() + 1, readable.lines().count());
    assertEquals(true, readable.contains(TraceFormat.repeatLine(run) + "\n"), readable);
  }

  @World.AllWorlds
  void aSmallRecorderKeepsTheEndOfARunThatAFileSinkKeepsWhole(World world, @TempDir Path dir) throws Exception {
    TraceRecorder last = new TraceRecorder(50);
    Path file = dir.resolve("run.jsonl");
    long written;
    try (TraceFileSink sink = TraceFileSink.jsonLines(file)) {
      run(world.builder().traceSink(last).traceSink(sink), (emu, ws, user) -> {
        MSG msg = new MSG();
        for (int i = 0; i < 200; i++) {
          user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE);
        }
        return 0;
      });
      written = sink.written();
    }
    List<TraceEvent> whole = TraceFiles.read(file);
    assertEquals(written, whole.size());
    assertEquals(whole.size(), last.received());
    assertEquals(whole.size() - 50, last.dropped());
    assertEquals(whole.subList(whole.size() - 50, whole.size()).stream().map(TraceFiles::jsonLine).toList(),
        last.events().stream().map(TraceFiles::jsonLine).toList());
    assertEquals(LongStream.rangeClosed(1, whole.size()).boxed().toList(), whole.stream().map(TraceEvent::seq).toList());
    assertEquals("# " + last.dropped() + " earlier events dropped (the recorder keeps the latest 50)",
        last.render().lines().findFirst().orElseThrow());
  }
}
