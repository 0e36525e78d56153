package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.kernel.KernelTask;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/** WSACancelBlockingCall from the hook and from a window procedure, its races, and what a cancel leaves behind. */
@Timeout(20)
class CancelTest {

  @World.AllWorlds
  void aCancelFromTheHookEndsTheCallWithWsaeintr(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> {
        seen.add("hook blocking=" + ws.WSAIsBlocking() + " cancel=" + ws.WSACancelBlockingCall());
        return false;
      });
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], new byte[10], 10, 0));
      seen.add("recv error=" + ws.WSAGetLastError() + " blocking=" + ws.WSAIsBlocking());
      return 0;
    });
    assertEquals(List.of("hook blocking=true cancel=0", "recv error=" + WSAEINTR + " blocking=false"), seen);
  }

  @World.Win16Worlds
  void aWmTimerDispatchedByTheDefaultHookCanCancelTheCall(World world) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      int hwnd = Emus.window(user, "Timeout", (h, m, w, l) -> {
        if (m == WM_TIMER) {
          user.KillTimer(h, 1);
          seen.add("timeout cancel=" + ws.WSACancelBlockingCall());
        }
        return user.DefWindowProc(h, m, w, l);
      });
      user.SetTimer(hwnd, 1, 50, null);
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], new byte[10], 10, 0));
      seen.add("recv error=" + ws.WSAGetLastError());
      return 0;
    });
    assertEquals(List.of("timeout cancel=0", "recv error=" + WSAEINTR), seen);
  }

  @World.AllWorlds
  void cancellingWithNothingBlockingIsWsaeinval(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertEquals(SOCKET_ERROR, ws.WSACancelBlockingCall());
      assertEquals(WSAEINVAL, ws.WSAGetLastError());
      return 0;
    });
  }

  @World.AllWorlds
  void cancellingTwiceInOneCallIsHarmless(World world) throws Exception {
    List<Integer> results = new CopyOnWriteArrayList<>();
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> {
        results.add(ws.WSACancelBlockingCall());
        results.add(ws.WSACancelBlockingCall());
        return false;
      });
      results.add(ws.recv(pair[1], new byte[10], 10, 0));
      results.add(ws.WSAGetLastError());
      return 0;
    });
    assertEquals(List.of(0, 0, SOCKET_ERROR, WSAEINTR), results);
  }

  @World.AllWorlds
  void whenTheOperationCompletesFirstTheCallSucceedsAndTheCancelStillReturnedZero(World world) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    AtomicBoolean sent = new AtomicBoolean();
    AtomicReference<Peer> sender = new AtomicReference<>();
    List<Integer> cancels = new CopyOnWriteArrayList<>();
    int[] received = new int[2];
    // no re-polling: the hook runs again only when the data has arrived. On the virtual clock a
    // minute passes at once, so there the hook itself sends: the data arrives before the re-poll.
    SimulatedNetwork net = world.newNetwork();
    try (Emulator emu = world.builder(net).hookRepollInterval(Duration.ofMinutes(1)).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        ws.WSASetBlockingHook(() -> {
          if (sent.get()) {
            cancels.add(ws.WSACancelBlockingCall()); // the data is already there
          } else if (sender.get() != null) {
            send(sender.get(), "late");
            sent.set(true);
          }
          hookCalls.incrementAndGet();
          return false;
        });
        received[0] = ws.recv(s, new byte[10], 10, 0);
        received[1] = ws.WSAGetLastError();
        return 0;
      });
      try (Peer peer = server.connect()) {
        if (world.virtualTime()) {
          sender.set(peer);
        } else {
          Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hookCalls.get() == 1);
          sent.set(true);
          peer.send("late");
        }
        Emus.join(server.task);
      }
    }
    assertEquals(4, received[0]);
    assertEquals(List.of(0), cancels);
  }

  private static void send(Peer peer, String text) {
    try {
      peer.send(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @World.AllWorlds
  void aCancelledRecvHasConsumedNothing(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> ws.WSACancelBlockingCall() != 0);
      assertEquals(SOCKET_ERROR, ws.recv(pair[1], new byte[10], 10, 0));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      ws.WSAUnhookBlockingHook();
      assertEquals(5, ws.send(pair[0], ascii("intact"), 5, 0));
      byte[] buf = new byte[10];
      int n = ws.recv(pair[1], buf, 10, 0);
      assertEquals("intac", ascii(buf, n));
      return 0;
    });
  }

  @World.AllWorlds
  void aCancelledSendThatHadSentPartOfItsDataAbortsTheConnection(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = abortedBySend(ws);
      byte[] buf = new byte[1];
      assertEquals(SOCKET_ERROR, ws.send(s, buf, 1, 0));
      assertEquals(WSAECONNABORTED, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.recv(s, buf, 1, 0));
      assertEquals(WSAECONNABORTED, ws.WSAGetLastError());
      assertEquals(0, ws.closesocket(s));
      return 0;
    });
  }

  @World.AllWorlds
  void aCancelledConnectAbortsTheSocketAndTheNextConnectSaysSo(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      sockaddr_in pending = pendingConnectTarget(world, ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      ws.WSASetBlockingHook(() -> ws.WSACancelBlockingCall() != 0);
      assertEquals(SOCKET_ERROR, ws.connect(s, pending, sockaddr_in.SIZE));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      ws.WSAUnhookBlockingHook();
      assertEquals(SOCKET_ERROR, ws.connect(s, pending, sockaddr_in.SIZE));
      assertEquals(WSAECONNABORTED, ws.WSAGetLastError(), "not WSAENOTSOCK: the program still holds the socket");
      assertEquals(0, ws.closesocket(s));
      return 0;
    });
  }

  @World.AllWorlds
  void aCancelledAcceptLeavesTheListenerUsable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      ws.WSASetBlockingHook(() -> ws.WSACancelBlockingCall() != 0);
      assertEquals(INVALID_SOCKET, ws.accept(listener[0], null, null));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      ws.WSAUnhookBlockingHook();
      int client = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
      assertTrue(ws.accept(listener[0], null, null) != INVALID_SOCKET);
      return 0;
    });
  }

  @World.AllWorlds
  void aCancelledSelectLeavesItsSocketsUsable(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> ws.WSACancelBlockingCall() != 0);
      fd_set readable = new fd_set();
      FD_SET(pair[1], readable);
      assertEquals(SOCKET_ERROR, ws.select(0, readable, null, null, null));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      ws.WSAUnhookBlockingHook();
      assertEquals(2, ws.send(pair[0], ascii("ok"), 2, 0));
      assertEquals(2, ws.recv(pair[1], new byte[2], 2, 0));
      return 0;
    });
  }

  @World.AllWorlds
  void lookupsDriveTheHookAndCanBeCancelled(World world) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    run(builder(world).lookupLatency(Duration.ofMillis(100)), (emu, ws, user) -> {
      startup(ws);
      ws.WSASetBlockingHook(() -> hookCalls.incrementAndGet() < 0);
      assertEquals("localhost", ws.gethostbyname("localhost").h_name);
      assertTrue(hookCalls.get() >= 1, "the lookup ran the hook");
      ws.WSASetBlockingHook(() -> ws.WSACancelBlockingCall() != 0);
      assertNull(ws.gethostbyname("localhost"));
      assertEquals(WSAEINTR, ws.WSAGetLastError());
      return 0;
    });
  }

  /**
   * The emulator shuts down while the task is inside its custom hook, which drains the queue until
   * PeekMessage finds nothing: the hook's level sees WM_QUIT once, the hook returns, and the call
   * fails with WSAEINTR; the task ends by itself, nothing is forced out.
   */
  @World.AllWorlds
  void shutdownEndsABlockedCallWhoseHookDrainsTheQueue(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    CountDownLatch inHook = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Emulator emu = world.builder().traceSink(trace).build();
    WinsockApi ws = emu.winsock();
    User user = emu.user();
    Task task = emu.createTask("blocked", () -> {
      startup(ws);
      int[] pair = pair(ws);
      ws.WSASetBlockingHook(() -> {
        if (inHook.getCount() > 0) {
          inHook.countDown();
          awaitQuietly(release); // holds the task here until the shutdown has begun
        }
        MSG msg = new MSG();
        while (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
          user.TranslateMessage(msg);
          user.DispatchMessage(msg);
        }
        return false;
      });
      int n = ws.recv(pair[1], new byte[10], 10, 0);
      return n == SOCKET_ERROR ? ws.WSAGetLastError() : n;
    });
    emu.start();
    inHook.await();
    AtomicBoolean stopped = new AtomicBoolean();
    Thread closer = new Thread(() -> stopped.set(emu.shutdown()), "closer");
    closer.start();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(((KernelTask) task)::isTerminating);
    release.countDown();
    closer.join(15_000);
    assertTrue(stopped.get(), "every task thread ended");
    assertEquals(Optional.empty(), task.failure(), "the task unwound by itself");
    assertEquals(WSAEINTR, task.exitCode().getAsInt());
    assertEquals(List.of(), trace.events(e -> e.kind() == TraceKind.NOTE && e.name().equals("kill")));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
