package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.DatabaseFunctionsTest.LOOPBACK;
import static org.wsemu.winsock.DatabaseFunctionsTest.assertHost;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.junit.AllWorlds;
import org.wsemu.junit.WsemuTasks;
import org.wsemu.junit.WsemuTest;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.User;

/**
 * The configured latency of the database functions: without it they answer at once, with it they
 * block. Written on the library's JUnit extension, as a user's test would be.
 */
@Timeout(20)
class LookupLatencyTest {

  @AllWorlds
  void withoutLatencyALookupAnswersAtOnceWithoutCallingTheHook(Emulator emu) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    WinsockApi ws = emu.winsock();
    WsemuTasks.run(emu, () -> {
      startup(ws);
      ws.WSASetBlockingHook(() -> {
        hookCalls.incrementAndGet();
        return false;
      });
      assertHost(ws.gethostbyname("localhost"), "localhost", new String[0], LOOPBACK);
      assertEquals(htons(23), ws.getservbyname("telnet", "tcp").s_port);
      assertEquals(IPPROTO_UDP, ws.getprotobyname("udp").p_proto);
      return 0;
    });
    assertEquals(0, hookCalls.get());
  }

  @AllWorlds
  @WsemuTest(lookupLatencyMillis = 200)
  void withLatencyALookupIsABlockingCallThatRunsTheHook(Emulator emu) throws Exception {
    AtomicInteger hookCalls = new AtomicInteger();
    AtomicBoolean blockingInHook = new AtomicBoolean();
    WinsockApi ws = emu.winsock();
    WsemuTasks.run(emu, () -> {
      startup(ws);
      ws.WSASetBlockingHook(() -> {
        hookCalls.incrementAndGet();
        blockingInHook.set(ws.WSAIsBlocking());
        return false;
      });
      assertHost(ws.gethostbyname("localhost"), "localhost", new String[0], LOOPBACK);
      assertEquals(false, ws.WSAIsBlocking(), "over");
      return 0;
    });
    assertTrue(hookCalls.get() >= 1, "hook calls: " + hookCalls.get());
    assertTrue(blockingInHook.get());
  }

  @Test
  @WsemuTest(mode = SchedulingMode.WIN16, lookupLatencyMillis = 200)
  void withLatencyALookupTakesAtLeastThatLongInVirtualTime(Emulator emu) throws Exception {
    WinsockApi ws = emu.winsock();
    User user = emu.user();
    WsemuTasks.run(emu, () -> {
      startup(ws);
      int start = user.GetTickCount();
      assertHost(ws.gethostbyname("localhost"), "localhost", new String[0], LOOPBACK);
      int found = user.GetTickCount();
      assertTrue(found - start >= 200, "took " + (found - start) + " virtual ms");
      assertEquals(null, ws.gethostbyname("nosuchhost"), "a failed lookup waits too");
      assertEquals(WSAHOST_NOT_FOUND, ws.WSAGetLastError());
      assertTrue(user.GetTickCount() - found >= 200, "took " + (user.GetTickCount() - found) + " virtual ms");
      return 0;
    });
  }

  @AllWorlds
  @WsemuTest(lookupLatencyMillis = 200)
  void withLatencyALookupTakesAtLeastThatLongOnTheEmulatorsClock(Emulator emu) throws Exception {
    WinsockApi ws = emu.winsock();
    User user = emu.user();
    WsemuTasks.run(emu, () -> {
      startup(ws);
      for (int i = 0; i < 5; i++) { // each lookup ends early with some probability: repeat to show it
        long start = System.nanoTime();
        int startTicks = user.GetTickCount();
        assertHost(ws.gethostbyname("localhost"), "localhost", new String[0], LOOPBACK);
        int ticks = user.GetTickCount() - startTicks;
        long elapsedNanos = System.nanoTime() - start;
        assertTrue(ticks >= 200, "lookup " + i + " took " + ticks + " ms on the emulator's clock");
        if (!emu.clock().isVirtual()) { // a real clock: the wait is real time too
          assertTrue(elapsedNanos >= 200_000_000L, "lookup " + i + " took " + elapsedNanos + " ns");
        }
      }
      return 0;
    });
  }
}
