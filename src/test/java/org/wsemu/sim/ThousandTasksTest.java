package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.pattern;
import static org.wsemu.sim.SimRuns.recvExactly;
import static org.wsemu.sim.SimRuns.sendAll;
import static org.wsemu.sim.SimRuns.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;

/**
 * A thousand Win16 tasks, each connecting to an echo peer, sending 10 KiB, reading the echo and
 * closing, in virtual time. Its speed is the benchmarks' business; here it must simply fit in the
 * suite's time budget.
 */
class ThousandTasksTest {
  private static final int TASKS = 1000;
  private static final byte[] DATA = pattern(10 * 1024);

  @Test
  @Timeout(60)
  void aThousandTasksEachEchoTenKibibytes() throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().host("clients", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(Duration.ofMillis(5))).build();
    net.listen("server", 7, Peers.echo());
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).network(net).build()) {
      var ws = emu.winsock();
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        tasks.add(emu.createTask("t" + i, () -> {
          startup(ws);
          int s = connected(ws, "10.0.0.2", 7);
          sendAll(ws, s, DATA);
          assertArrayEquals(DATA, recvExactly(ws, s, DATA.length));
          assertEquals(0, ws.closesocket(s));
          return ws.WSACleanup();
        }));
      }
      emu.start();
      for (Task task : tasks) {
        assertEquals(0, Emus.join(task));
      }
    }
  }
}
