package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.EventTestSupport.create;
import static org.wsemu.winsock.EventTestSupport.me;
import static org.wsemu.winsock.EventTestSupport.now;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * Completion routines (queued with {@link TaskWinsockState#queueCompletion}, as the overlapped
 * functions queue them): they run only in an alertable wait of their task, on its thread, in the
 * order queued, behind the callback boundary; a signalled event wins over them.
 */
@Timeout(30)
class CompletionRoutineTest {

  /** A routine that records its name, its thread and its nesting depth. */
  private static Runnable recording(WinsockApi ws, List<String> ran, String name) {
    return () -> ran.add(name + " on " + Thread.currentThread().getName().contains("main")
        + " depth " + EventTestSupport.core(ws).kernel.current().nesting());
  }

  @World.AllWorlds
  void anAlertableWaitRunsEveryQueuedRoutineInOrderThenReturnsIoCompletion(World world) throws Exception {
    List<String> ran = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 1);
      TaskWinsockState me = me(ws);
      me.queueCompletion(() -> {
        ran.add("first");
        me.queueCompletion(() -> ran.add("queued by the first"));
      });
      me.queueCompletion(recording(ws, ran, "second"));
      ran.add("wait " + ws.WSAWaitForMultipleEvents(1, e, false, WSA_INFINITE, true));
      ran.add("again " + ws.WSAWaitForMultipleEvents(1, e, false, 0, true));
      return 0;
    });
    assertEquals(List.of("first", "second on true depth 1", "queued by the first",
        "wait " + WSA_WAIT_IO_COMPLETION, "again " + WSA_WAIT_TIMEOUT), ran);
  }

  @World.AllWorlds
  void aWaitThatIsNotAlertableNeverRunsRoutines(World world) throws Exception {
    List<String> ran = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 1);
      me(ws).queueCompletion(() -> ran.add("routine"));
      ran.add("wait " + ws.WSAWaitForMultipleEvents(1, e, false, 30, false));
      ran.add("sleep " + ws.SleepEx(30, false));
      ran.add("sleep 0 " + ws.SleepEx(0, false));
      ran.add("alertable sleep 0 " + ws.SleepEx(0, true));
      return 0;
    });
    assertEquals(List.of("wait " + WSA_WAIT_TIMEOUT, "sleep 0", "sleep 0 0", "routine",
        "alertable sleep 0 " + WAIT_IO_COMPLETION), ran);
  }

  @World.AllWorlds
  void aSignalledEventWinsOverQueuedRoutinesWhichWaitForTheNextAlertableWait(World world) throws Exception {
    List<String> ran = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 2);
      ws.WSASetEvent(e[1]);
      me(ws).queueCompletion(() -> ran.add("routine"));
      ran.add("wait " + ws.WSAWaitForMultipleEvents(2, e, false, WSA_INFINITE, true));
      ws.WSAResetEvent(e[1]);
      ran.add("wait " + ws.WSAWaitForMultipleEvents(2, e, false, WSA_INFINITE, true));
      return 0;
    });
    assertEquals(List.of("wait 1", "routine", "wait " + WSA_WAIT_IO_COMPLETION), ran);
  }

  @World.AllWorlds
  void aRoutineQueuedByAThreadThatIsNotATaskRunsInTheTasksWait(World world) throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (Emulator emu = world.builder().build()) {
      WinsockApi ws = emu.winsock();
      AtomicBoolean ready = new AtomicBoolean();
      Task main = emu.createTask("main", () -> {
        startup(ws);
        int[] e = create(ws, 1);
        ready.set(true);
        ran.add("wait " + ws.WSAWaitForMultipleEvents(1, e, false, WSA_INFINITE, true));
        ready.set(false);
        ran.add("sleep " + ws.SleepEx(WSA_INFINITE, true));
        return 0;
      });
      emu.start();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(ready::get);
      EventTestSupport.state(ws, main).queueCompletion(recording(ws, ran, "from the test thread"));
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ready.get());
      EventTestSupport.state(ws, main).queueCompletion(recording(ws, ran, "again"));
      Emus.join(main);
    }
    assertEquals(List.of("from the test thread on true depth 1", "wait " + WSA_WAIT_IO_COMPLETION,
        "again on true depth 1", "sleep " + WAIT_IO_COMPLETION), ran);
  }

  @World.AllWorlds
  void aRoutineQueuedForAnotherTaskRunsOnlyInThatTasksWait(World world) throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      TaskWinsockState main = me(ws);
      long start = now(ws);
      HelperTasks.Helper other = helpers.start("other", () -> {
        assertEquals(0, ws.SleepEx(40, false));
        main.queueCompletion(recording(ws, ran, "for main"));
        ran.add("other's alertable sleep " + ws.SleepEx(0, true));
        return 0;
      });
      int ret = ws.SleepEx(WSA_INFINITE, true);
      long slept = now(ws) - start;
      other.awaitEnd();
      ran.add("main's sleep " + ret);
      if (world.virtualTime()) {
        assertEquals(40, slept);
      } else {
        assertTrue(slept >= 40, "slept " + slept);
      }
      return 0;
    });
    assertEquals(3, ran.size());
    assertEquals(List.of("for main on true depth 1", "main's sleep " + WAIT_IO_COMPLETION, "other's alertable sleep 0"),
        ran.stream().sorted().toList());
  }

  @World.AllWorlds
  void aRoutineThatThrowsMeetsTheCallbackBoundaryAndTheOthersStillRun(World world) throws Exception {
    List<String> ran = new ArrayList<>();
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws);
      me(ws).queueCompletion(() -> {
        throw new IllegalStateException("boom");
      });
      me(ws).queueCompletion(() -> ran.add("second"));
      ran.add("sleep " + ws.SleepEx(10, true));
      return 0;
    });
    assertEquals(List.of("second", "sleep " + WAIT_IO_COMPLETION), ran);
    List<String> events = new ArrayList<>();
    for (TraceEvent event : trace.events(e -> e.kind() == TraceKind.ROUTINE || e.kind() == TraceKind.EXCEPTION
        || e.name().equals("SleepEx"))) {
      events.add(event.kind() + " " + event.name() + " " + event.fields());
    }
    assertEquals(List.of(
        "ROUTINE CompletionRoutine {n=1}",
        "EXCEPTION CompletionRoutine {error=java.lang.IllegalStateException, message=boom}",
        "ROUTINE CompletionRoutine {n=2}",
        "CALL SleepEx {dwMilliseconds=10, bAlertable=true, ret=192}"), events);
  }

  @World.AllWorlds
  void aHandlerThatRethrowsEndsTheWaitAndLeavesTheRestQueued(World world) throws Exception {
    List<String> ran = new ArrayList<>();
    run(world.builder().callbackExceptionHandler(CallbackExceptionHandler.rethrow()), (emu, ws, user) -> {
      startup(ws);
      me(ws).queueCompletion(() -> {
        throw new IllegalStateException("boom");
      });
      me(ws).queueCompletion(() -> ran.add("second"));
      IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ws.SleepEx(10, true));
      ran.add(thrown.getMessage());
      ran.add("sleep " + ws.SleepEx(10, true));
      return 0;
    });
    assertEquals(List.of("boom", "second", "sleep " + WAIT_IO_COMPLETION), ran);
  }

  @World.AllWorlds
  void aRoutineThatSaysWhatItIsIsNamedInTheTrace(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws);
      me(ws).queueCompletion(new Runnable() {
        @Override
        public void run() {}

        @Override
        public String toString() {
          return "WSARecv s=5";
        }
      });
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(0, true));
      return 0;
    });
    assertEquals(List.of("{n=1, for=WSARecv s=5}"),
        trace.events(e -> e.kind() == TraceKind.ROUTINE).stream().map(e -> e.fields().toString()).toList());
  }

  @Test
  void theTraceOfWaitsAndRoutinesRepeatsInVirtualTime() throws Exception {
    World world = World.WIN16_SIM;
    List<String> renders = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      TraceRecorder trace = new TraceRecorder();
      HelperTasks.run(world.builder().traceSink(trace), (emu, ws, user, helpers) -> {
        startup(ws);
        int[] e = create(ws, 2);
        TaskWinsockState main = me(ws);
        HelperTasks.Helper other = helpers.start("other", () -> {
          startup(ws);
          ws.SleepEx(25, false);
          main.queueCompletion(() -> ws.WSASetEvent(e[1]));
          return 0;
        });
        assertEquals(WSA_WAIT_IO_COMPLETION, ws.WSAWaitForMultipleEvents(2, e, false, 1000, true));
        assertEquals(1, ws.WSAWaitForMultipleEvents(2, e, false, 1000, true));
        other.awaitEnd();
        return 0;
      });
      renders.add(trace.render());
    }
    assertEquals(renders.get(0), renders.get(1));
    assertTrue(renders.get(0).contains("ROUTINE"), renders.get(0));
  }
}
