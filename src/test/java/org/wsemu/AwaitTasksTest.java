package org.wsemu;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_QUIT;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.sim.Link;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@link Emulator#awaitTasks} returns only when every task has finished: its thread has left the
 * emulator (a Win16 task's exit hands the processor on and runs what falls due meanwhile), and the
 * tasks that tasks started have finished too. Otherwise a program that closes its emulator after
 * awaitTasks races the last task's exit, and the same schedule gives two traces.
 */
class AwaitTasksTest {

  @Test
  @Timeout(30)
  void waitsUntilTheLastTasksExitHasRunWhatFellDue() throws Exception {
    CountDownLatch peerEntered = new CountDownLatch(1);
    CountDownLatch peerReleased = new CountDownLatch(1);
    SimulatedNetwork net = SimulatedNetwork.builder().host("server", "10.0.0.2").host("client", "10.0.0.1")
        .link(Link.latency(Duration.ofMillis(1))).build();
    // The server sees the client's FIN 1 ms after the client's last step: the exiting task's thread
    // delivers it, in the scheduler, after the task is gone from the task list. The peer holds that
    // thread there until the test lets it go (a peer must not block; this one does, to hold the
    // moment open).
    net.listen("server", 7, connection -> () -> {
      byte[] buf = new byte[16];
      while (connection.read(buf, 0, buf.length) > 0) {
        // nothing is sent; read to the end
      }
      if (connection.atEnd()) {
        peerEntered.countDown();
        awaitUninterruptibly(peerReleased);
        connection.close();
      }
    });
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).clock(Clock.virtual()).network(net)
        .traceSink(trace).build()) {
      WinsockApi ws = emu.winsock();
      Task client = emu.createTask("client", net.onHost("client", () -> {
        ws.WSAStartup(0x0101, new WSADATA());
        int s = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
        int r = ws.connect(s, new sockaddr_in(WinSock.htons(7), WinSock.htonl(0x0A000002)), sockaddr_in.SIZE);
        ws.closesocket(s);
        ws.WSACleanup();
        return r;
      }));
      emu.start();
      try {
        assertTrue(peerEntered.await(20, TimeUnit.SECONDS), "the client's FIN reached the server");
        assertTrue(emu.tasks().isEmpty(), "the client is gone from the task list");

        assertFalse(emu.awaitTasks(Duration.ofMillis(200)), "the client's thread is still in its exit");
      } finally {
        peerReleased.countDown();
      }
      assertTrue(emu.awaitTasks(Duration.ofSeconds(20)));
      assertEquals(0, client.exitCode().orElse(-1));
      emu.close();
      List<String> lastTwo = trace.events().stream()
          .filter(e -> e.kind() == TraceKind.NET || e.kind() == TraceKind.NOTE && e.name().equals("shutdown"))
          .map(e -> e.name() + " " + e.field("from")).toList();
      assertEquals(List.of("fin 10.0.0.2:7", "shutdown null"), lastTwo.subList(lastTwo.size() - 2, lastTwo.size()),
          "the server's FIN, sent while the client exited, comes before the shutdown");
    }
  }

  @Test
  @Timeout(30)
  void waitsForTheTasksThatATaskStartedAfterTheCall() throws Exception {
    CountDownLatch startChild = new CountDownLatch(1);
    AtomicInteger childHandle = new AtomicInteger();
    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN32).build()) {
      Task parent = emu.createTask("parent", () -> {
        awaitUninterruptibly(startChild);
        Task child = emu.createTask("child", () -> {
          MSG msg = new MSG();
          while (emu.user().GetMessage(msg, NULL, 0, 0) != 0) {
            // runs until WM_QUIT
          }
          return 7;
        });
        childHandle.set(child.handle());
        return 0;
      });
      emu.start();
      Thread caller = Thread.currentThread();
      Thread starter = new Thread(() -> {
        // once the caller waits inside awaitTasks, the parent starts the child and ends
        await().atMost(Duration.ofSeconds(20)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);
        startChild.countDown();
      });
      starter.start();

      assertFalse(emu.awaitTasks(Duration.ofMillis(500)), "the child is still running");
      starter.join();

      assertTrue(parent.join(Duration.ofSeconds(20)));
      Task child = emu.tasks().stream().filter(t -> t.handle() == childHandle.get()).findFirst().orElseThrow();
      assertTrue(emu.user().PostAppMessage(child.handle(), WM_QUIT, 0, 0));
      assertTrue(emu.awaitTasks(Duration.ofSeconds(20)));
      assertEquals(7, child.exitCode().orElse(-1));
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    for (;;) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
