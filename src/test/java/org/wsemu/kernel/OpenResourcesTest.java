package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INADDR_LOOPBACK;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htonl;
import static org.wsemu.winsock.WinSock.htons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.OpenResources;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/** What an emulator holds while it runs, and that a closed one holds nothing. */
@Timeout(20)
class OpenResourcesTest {

  @Test
  void nothingReadsNothingAndCountsAndThreadsAddUp() {
    assertEquals("nothing", OpenResources.NONE.toString());
    assertTrue(OpenResources.NONE.isEmpty());
    OpenResources sum = new OpenResources(List.of("a"), 1, 2, 0).plus(new OpenResources(List.of("b"), 0, 0, 1));
    assertEquals(new OpenResources(List.of("a", "b"), 1, 2, 1), sum);
    assertEquals("threads [a, b], 1 timer, 2 sockets, 1 selector", sum.toString());
    assertFalse(new OpenResources(List.of(), 0, 1, 0).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new OpenResources(List.of(), -1, 0, 0));
  }

  @Test
  void anEmulatorBuiltButNotStartedHoldsNothingAndIsNotShutDownUntilClosed() {
    Emulator emu = Emus.builder(SchedulingMode.WIN16).build();
    try (emu) {
      assertEquals(OpenResources.NONE, emu.openResources());
      assertFalse(emu.isShutDown());
    }
    assertTrue(emu.isShutDown());
  }

  /**
   * A Win32 task with a pending timer, a listening stream socket and a datagram socket (a third,
   * closed, socket is forgotten), waiting in GetMessage: its thread, the timer thread, the timer,
   * two sockets and, on the real network, the selector and its thread. After close: nothing.
   */
  @World.Win32Worlds
  void aRunningEmulatorHoldsItsThreadsTimersSocketsAndSelectorAndNothingOnceClosed(World world) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    Emulator emu = world.builder().name("held").build();
    Task task;
    try (emu) {
      WinsockApi ws = emu.winsock();
      User user = emu.user();
      task = emu.createTask("main", () -> {
        assertEquals(0, ws.WSAStartup(0x0101, new WSADATA()));
        sockaddr_in loopback = new sockaddr_in(htons(0), htonl(INADDR_LOOPBACK));
        int listening = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, ws.bind(listening, loopback, sockaddr_in.SIZE));
        assertEquals(0, ws.listen(listening, 1));
        ws.socket(AF_INET, SOCK_DGRAM, 0);
        int closed = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, ws.bind(closed, loopback, sockaddr_in.SIZE));
        assertEquals(0, ws.closesocket(closed));
        user.SetTimer(NULL, 0, 60_000, null);
        holding.countDown();
        user.GetMessage(new MSG(), NULL, 0, 0); // until shutdown posts WM_QUIT
        return 0;
      });
      emu.start();
      assertTrue(holding.await(10, TimeUnit.SECONDS));
      List<String> threads = new ArrayList<>(List.of("wsemu-held-task-" + label(task), "wsemu-held-timer"));
      if (!world.simulated()) {
        threads.add("wsemu-held-selector");
      }
      assertEquals(new OpenResources(threads, 1, 2, world.simulated() ? 0 : 1), emu.openResources());
    }
    assertEquals(OpenResources.NONE, emu.openResources());
    assertTrue(task.join(Duration.ZERO));
  }

  private static String label(Task task) {
    return String.format("%04X:%s", task.handle(), task.name());
  }
}
