package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.EventTestSupport.assertWaitFails;
import static org.wsemu.winsock.EventTestSupport.create;
import static org.wsemu.winsock.EventTestSupport.now;
import static org.wsemu.winsock.EventTestSupport.poll;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;

/**
 * WSAWaitForMultipleEvents: argument errors, which index it returns, waiting for all, timeouts
 * (exact in virtual time), events set or closed by another task or thread, shutdown.
 */
@Timeout(30)
class WaitForMultipleEventsTest {

  @World.AllWorlds
  void aBadCountIsWsaInvalidParameterAndAMissingOrShortArrayWsaefault(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 2);
      for (int count : new int[] {0, WSA_MAXIMUM_WAIT_EVENTS + 1, -1}) {
        assertWaitFails(ws, WSA_INVALID_PARAMETER, ws.WSAWaitForMultipleEvents(count, e, false, 0, false));
        assertWaitFails(ws, WSA_INVALID_PARAMETER, ws.WSAWaitForMultipleEvents(count, null, true, 0, true));
      }
      assertWaitFails(ws, WSAEFAULT, ws.WSAWaitForMultipleEvents(1, null, false, 0, false));
      assertWaitFails(ws, WSAEFAULT, ws.WSAWaitForMultipleEvents(3, e, false, 0, false));
      return 0;
    });
  }

  @World.AllWorlds
  void theFirstBadHandleDecidesAndARepeatedEventIsRefusedOnlyWhenWaitingForAll(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 2);
      assertTrue(ws.WSASetEvent(e[1]));
      assertWaitFails(ws, WSA_INVALID_HANDLE, ws.WSAWaitForMultipleEvents(3, new int[] {e[1], 99, e[1]}, true, 0, false));
      assertWaitFails(ws, WSA_INVALID_PARAMETER, ws.WSAWaitForMultipleEvents(3, new int[] {e[1], e[1], 99}, true, 0, false));
      assertEquals(1, ws.WSAWaitForMultipleEvents(2, new int[] {e[0], e[1], e[1]}, false, 0, false));
      assertEquals(1, ws.WSAWaitForMultipleEvents(3, new int[] {e[0], e[1], e[1]}, false, 0, false));
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(1, new int[] {e[0], e[1]}, false, 0, false));
      return 0;
    });
  }

  @World.AllWorlds
  void oneWaitReturnsTheSmallestSignalledIndexAndSixtyFourEventsAreAllowed(World world) throws Exception {
    List<Integer> seen = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, WSA_MAXIMUM_WAIT_EVENTS);
      seen.add(poll(ws, false, e));
      ws.WSASetEvent(e[63]);
      seen.add(poll(ws, false, e));
      ws.WSASetEvent(e[40]);
      ws.WSASetEvent(e[5]);
      seen.add(poll(ws, false, e));
      seen.add(poll(ws, false, e)); // nothing was reset
      ws.WSAResetEvent(e[5]);
      seen.add(poll(ws, false, e));
      seen.add(poll(ws, true, e));
      for (int h : e) {
        ws.WSASetEvent(h);
      }
      seen.add(poll(ws, true, e));
      return 0;
    });
    assertEquals(List.of(WSA_WAIT_TIMEOUT, 63, 5, 5, 40, WSA_WAIT_TIMEOUT, WSA_WAIT_EVENT_0), seen);
  }

  @World.AllWorlds
  void aTimeoutEndsTheWaitAfterItsFullLengthExactlyInVirtualTime(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] e = create(ws, 2);
      long start = now(ws);
      assertEquals(WSA_WAIT_TIMEOUT, ws.WSAWaitForMultipleEvents(2, e, false, 250, true));
      long waited = now(ws) - start;
      if (world.virtualTime()) {
        assertEquals(250, waited);
      } else {
        assertTrue(waited >= 250, "waited " + waited);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void anotherTaskSettingAnEventEndsTheWait(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] e = create(ws, 3);
      long start = now(ws);
      HelperTasks.Helper setter = helpers.start("setter", () -> {
        startup(ws); // an application of its own in Win16 mode; events belong to the emulator
        assertEquals(0, ws.SleepEx(100, false));
        seen.add("setting");
        assertTrue(ws.WSASetEvent(e[2]));
        return 0;
      });
      seen.add("wait " + ws.WSAWaitForMultipleEvents(3, e, false, 10_000, false));
      long waited = now(ws) - start;
      setter.awaitEnd();
      if (world.virtualTime()) {
        assertEquals(100, waited);
      } else {
        assertTrue(waited >= 100 && waited < 10_000, "waited " + waited);
      }
      return 0;
    });
    assertEquals(List.of("setting", "wait 2"), seen);
  }

  @World.AllWorlds
  void aWaitForAllEndsOnlyWhenEveryEventIsSignalled(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] e = create(ws, 2);
      HelperTasks.Helper setter = helpers.start("setter", () -> {
        startup(ws);
        assertTrue(ws.WSASetEvent(e[0]));
        assertEquals(0, ws.SleepEx(50, false));
        seen.add("setting second"); // before: the waiter may record its end before this task goes on
        assertTrue(ws.WSASetEvent(e[1]));
        return 0;
      });
      seen.add("wait all " + ws.WSAWaitForMultipleEvents(2, e, true, WSA_INFINITE, false));
      setter.awaitEnd();
      return 0;
    });
    assertEquals(List.of("setting second", "wait all 0"), seen);
  }

  @World.AllWorlds
  void aPollingLoopLetsTheOtherTasksRun(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] e = create(ws, 1);
      HelperTasks.Helper setter = helpers.start("setter", () -> {
        startup(ws);
        assertEquals(0, ws.SleepEx(30, false));
        ws.WSASetEvent(e[0]);
        return 0;
      });
      int polls = 0;
      while (poll(ws, false, e) == WSA_WAIT_TIMEOUT) {
        polls++;
      }
      // Win16: the setter runs only when a poll yields, so the loop polled; Win32: it ended
      seen.add("signalled after polling: " + (polls > 0 || world.mode() == SchedulingMode.WIN32));
      setter.awaitEnd();
      return 0;
    });
    assertEquals(List.of("signalled after polling: true"), seen);
  }

  @World.AllWorlds
  void anEventAnotherTaskClosesEndsTheWaitWithWsaInvalidHandle(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] e = create(ws, 2);
      HelperTasks.Helper closer = helpers.start("closer", () -> {
        startup(ws);
        assertEquals(0, ws.SleepEx(20, false));
        seen.add("closing");
        assertTrue(ws.WSACloseEvent(e[1]));
        return 0;
      });
      int ret = ws.WSAWaitForMultipleEvents(2, e, false, 10_000, false);
      seen.add("wait " + ret + " " + ws.WSAGetLastError());
      closer.awaitEnd();
      return 0;
    });
    assertEquals(List.of("closing", "wait " + WSA_WAIT_FAILED + " " + WSA_INVALID_HANDLE), seen);
  }

  @World.Win16Worlds
  void anEventSignalledThenClosedWhileTheWaiterWasParkedStillEndsTheWait(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      startup(ws);
      int[] e = create(ws, 1);
      HelperTasks.Helper closer = helpers.start("closer", () -> {
        startup(ws); // runs once the waiter parked (Win16: it does not switch before)
        seen.add("set " + ws.WSASetEvent(e[0]) + " close " + ws.WSACloseEvent(e[0]));
        return 0;
      });
      seen.add("wait " + ws.WSAWaitForMultipleEvents(1, e, false, WSA_INFINITE, false));
      closer.awaitEnd();
      return 0;
    });
    assertEquals(List.of("set true close true", "wait 0"), seen);
  }

  @World.AllWorlds
  void aThreadThatIsNotATaskMaySetAnEvent(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Emulator emu = world.builder().build()) {
      WinsockApi ws = emu.winsock();
      AtomicBoolean created = new AtomicBoolean();
      int[] handle = new int[1];
      Task main = emu.createTask("main", () -> {
        startup(ws);
        handle[0] = ws.WSACreateEvent();
        created.set(true);
        seen.add("wait " + ws.WSAWaitForMultipleEvents(1, handle, false, WSA_INFINITE, false));
        return 0;
      });
      emu.start();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(created::get);
      assertTrue(EventTestSupport.core(ws).events.get(handle[0]).set()); // as a completing operation does
      Emus.join(main);
    }
    assertEquals(List.of("wait 0"), seen);
  }

  @World.AllWorlds
  void shutdownEndsAWaitWithWsaeintrAndASleep(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean parked = new AtomicBoolean();
    Task waiter;
    Task sleeper;
    try (Emulator emu = world.builder().build()) {
      WinsockApi ws = emu.winsock();
      Task[] other = new Task[1];
      waiter = emu.createTask("waiter", () -> {
        startup(ws);
        int[] e = create(ws, 1);
        other[0] = emu.createTask("sleeper", () -> {
          parked.set(true); // in Win16 mode the waiter is parked by now
          seen.add("sleep " + ws.SleepEx(WSA_INFINITE, true));
          return 0;
        });
        int ret = ws.WSAWaitForMultipleEvents(1, e, false, WSA_INFINITE, true);
        seen.add("wait " + ret + " " + ws.WSAGetLastError());
        return 0;
      });
      emu.start();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(parked::get);
      sleeper = other[0];
    }
    assertTrue(waiter.join(Duration.ofSeconds(5)) && sleeper.join(Duration.ofSeconds(5)));
    assertEquals(List.of(0, 0), List.of(waiter.exitCode().orElseThrow(), sleeper.exitCode().orElseThrow()));
    assertEquals(List.of("sleep 0", "wait " + WSA_WAIT_FAILED + " " + WSAEINTR),
        seen.stream().sorted().toList());
  }
}
