package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * A Win16 task that busy-waits on GetTickCount, reading it over and over without a switch point,
 * lets virtual time pass, one quantum per read past the first {@value CooperativeScheduler#FREE_CLOCK_READS},
 * and keeps the processor, as a delay loop on Win16 froze the other tasks; what comes due meanwhile
 * runs at its next switch point.
 */
@Timeout(20)
class BusyWaitTest {

  /** {@code while (GetTickCount() - start < millis) ;} and the last value it read. */
  private static int busyWait(User user, int millis) {
    int start = user.GetTickCount();
    int now;
    do {
      now = user.GetTickCount();
    } while (now - start < millis);
    return now;
  }

  @Test
  void aBusyWaitOnGetTickCountEndsWithoutLettingTheOtherTasksRun() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> log = new CopyOnWriteArrayList<>();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).traceSink(trace).build()) {
      User user = emu.user();
      Task busy = emu.createTask("busy", () -> {
        log.add("busy until " + busyWait(user, 500));
        return 0;
      });
      Task other = emu.createTask("other", () -> {
        log.add("other at " + user.GetTickCount());
        return 0;
      });
      emu.start();
      Emus.join(busy);
      Emus.join(other);
    }
    assertEquals(List.of("busy until 500", "other at 500"), log);
    assertEquals(List.of("0001:busy start", "0002:other exit"), Emus.names(trace, TraceKind.SWITCH));
    List<TraceEvent> steps = trace.events(e -> e.kind() == TraceKind.CLOCK && e.name().equals("busy-wait"));
    assertEquals(500, steps.size());
    assertEquals(List.of(0L, 1L), List.of(steps.get(0).field("from"), steps.get(0).field("to")));
  }

  @Test
  void aFewReadsBetweenTwoSwitchPointsLeaveTimeStillAndEachFurtherReadMovesItByTheQuantum() throws Exception {
    int[] reads = new int[CooperativeScheduler.FREE_CLOCK_READS + 2];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).yieldQuantum(Duration.ofMillis(5)).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        for (int i = 0; i < reads.length; i++) {
          reads[i] = user.GetTickCount();
        }
        user.Yield(); // a switch point: the count starts again (and a lone yielder moves time by 5)
        for (int i = 0; i < CooperativeScheduler.FREE_CLOCK_READS; i++) {
          assertEquals(15, user.GetTickCount());
        }
        return 0;
      });
    }
    for (int i = 0; i < CooperativeScheduler.FREE_CLOCK_READS; i++) {
      assertEquals(0, reads[i], "read " + i);
    }
    assertEquals(List.of(5, 10), List.of(reads[reads.length - 2], reads[reads.length - 1]));
  }

  /**
   * A timer of another task and one of the busy task come due while it busy-waits: neither expires
   * inside the loop (no TIMER event among its reads); both expire, in due order, at its next switch
   * point, and the other task, which the round-robin rule puts first, gets its WM_TIMER then.
   */
  @Test
  void timersThatComeDueDuringABusyWaitFireAtTheBusyTasksNextSwitchPoint() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> log = runTimersDuringABusyWait(trace);
    assertEquals(List.of("busy: waited until 500", "waiter: WM_TIMER at 500, time 500",
        "busy: WM_TIMER at 500, time 500"), log);
    List<String> events = new ArrayList<>();
    for (TraceEvent event : trace.events(e -> e.kind() == TraceKind.TIMER || e.kind() == TraceKind.SWITCH
        || e.kind() == TraceKind.CLOCK && e.name().equals("busy-wait"))) {
      events.add(event.kind() + " " + event.task() + " " + event.name() + " @" + event.time());
    }
    int lastRead = events.lastIndexOf("CLOCK 0002:busy busy-wait @500");
    assertEquals(List.of(
        "TIMER 0001:waiter expired @500",
        "TIMER 0002:busy expired @500",
        "SWITCH 0001:waiter GetMessage @500"), events.subList(lastRead + 1, lastRead + 4));
    assertEquals(2, events.stream().filter(e -> e.startsWith("TIMER")).count(), "no timer expired inside the loop");
  }

  @Test
  void aBusyWaitGivesTheSameTraceOnEveryRun() throws Exception {
    TraceRecorder first = new TraceRecorder();
    runTimersDuringABusyWait(first);
    for (int run = 2; run <= 5; run++) {
      TraceRecorder again = new TraceRecorder();
      runTimersDuringABusyWait(again);
      assertEquals(first.render(), again.render(), "run " + run);
    }
  }

  private static List<String> runTimersDuringABusyWait(TraceRecorder trace) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).traceSink(trace).build()) {
      User user = emu.user();
      Task waiter = emu.createTask("waiter", () -> {
        int id = user.SetTimer(NULL, 0, 50, null);
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
        log.add("waiter: " + MessageNamesForTest.of(msg.message) + " at " + user.GetTickCount() + ", time " + msg.time);
        user.KillTimer(NULL, id);
        return 0;
      });
      Task busy = emu.createTask("busy", () -> {
        int id = user.SetTimer(NULL, 0, 100, null);
        log.add("busy: waited until " + busyWait(user, 500));
        MSG msg = new MSG();
        assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
        log.add("busy: " + MessageNamesForTest.of(msg.message) + " at " + user.GetTickCount() + ", time " + msg.time);
        user.KillTimer(NULL, id);
        return 0;
      });
      emu.start();
      Emus.join(waiter);
      Emus.join(busy);
    }
    return log;
  }

  /** Just the one message these tests retrieve. */
  private static final class MessageNamesForTest {
    static String of(int message) {
      return message == WM_TIMER ? "WM_TIMER" : "0x" + Integer.toHexString(message);
    }
  }
}
