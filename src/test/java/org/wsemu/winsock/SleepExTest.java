package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.EventTestSupport.me;
import static org.wsemu.winsock.EventTestSupport.now;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** KERNEL32's SleepEx: its time, its yield, and alertable sleeps that end when routines ran. */
@Timeout(30)
class SleepExTest {

  @World.AllWorlds
  void aSleepReturnsZeroAfterItsFullTimeExactlyInVirtualTime(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      for (boolean alertable : new boolean[] {false, true}) {
        long start = now(ws);
        assertEquals(0, ws.SleepEx(120, alertable));
        long slept = now(ws) - start;
        if (world.virtualTime()) {
          assertEquals(120, slept);
        } else {
          assertTrue(slept >= 120, "slept " + slept);
        }
      }
      return 0;
    });
  }

  @World.Win16Worlds
  void sleepZeroLetsTheOtherTasksRunInWin16(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HelperTasks.run(world, (emu, ws, user, helpers) -> {
      HelperTasks.Helper other = helpers.start("other", () -> {
        seen.add("other runs");
        return 0;
      });
      seen.add("before");
      assertEquals(0, ws.SleepEx(0, false));
      seen.add("after");
      other.awaitEnd();
      return 0;
    });
    assertEquals(List.of("before", "other runs", "after"), seen);
  }

  @World.AllWorlds
  void anAlertableSleepWithRoutinesQueuedRunsThemAtOnce(World world) throws Exception {
    List<String> seen = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      me(ws).queueCompletion(() -> seen.add("routine"));
      long start = now(ws);
      seen.add("sleep " + ws.SleepEx(WSA_INFINITE, true));
      if (world.virtualTime()) {
        assertEquals(0, now(ws) - start);
      }
      return 0;
    });
    assertEquals(List.of("routine", "sleep " + WAIT_IO_COMPLETION), seen);
  }

  @World.AllWorlds
  void aSleepThatIsNotAlertableLeavesTheRoutinesQueued(World world) throws Exception {
    List<String> seen = new ArrayList<>();
    run(world, (emu, ws, user) -> {
      TaskWinsockState me = me(ws);
      me.queueCompletion(() -> seen.add("routine"));
      seen.add("sleep " + ws.SleepEx(30, false));
      me.task.lock().lock();
      try {
        seen.add("queued " + me.completionsQueued());
      } finally {
        me.task.lock().unlock();
      }
      return 0;
    });
    assertEquals(List.of("sleep 0", "queued true"), seen);
  }
}
