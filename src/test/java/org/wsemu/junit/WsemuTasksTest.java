package org.wsemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSANOTINITIALISED;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.winsock.WSADATA;

/**
 * {@link WsemuTasks#run}: the exit code comes back; what the body throws comes back with the task's
 * trace tail attached. Runs in every world, on the extension it tests.
 */
@Timeout(30)
class WsemuTasksTest {
  @AllWorlds
  void returnsTheExitCodeAndStartsTheEmulatorOnce(Emulator emu) throws Exception {
    assertEquals(WSANOTINITIALISED, WsemuTasks.run(emu, () -> {
      emu.winsock().socket(AF_INET, SOCK_STREAM, 0);
      return emu.winsock().WSAGetLastError();
    }));
    assertEquals(0, WsemuTasks.run(emu, () -> {
      emu.winsock().WSAStartup(0x0101, new WSADATA());
      int closed = emu.winsock().closesocket(emu.winsock().socket(AF_INET, SOCK_STREAM, 0));
      emu.winsock().WSACleanup();
      return closed;
    }));
  }

  @AllWorlds
  void rethrowsWhatTheBodyThrewWithTheTasksTraceTail(Emulator emu) {
    IOException thrown = new IOException("refused");
    IOException caught = assertThrows(IOException.class, () -> WsemuTasks.run(emu, () -> {
      throw thrown;
    }));
    assertSame(thrown, caught);
    TraceExcerpt excerpt = assertInstanceOf(TraceExcerpt.class, caught.getSuppressed()[0]);
    String message = excerpt.getMessage();
    assertTrue(message.startsWith("task 0001:main of Emulator(rethrowsWhatTheBodyThrewWithTheTasksTraceTail, "
        + emu.mode() + ")\nlast "), message);
    assertTrue(message.lines().skip(2).allMatch(line -> line.contains(" 0001:main ")), message);
    assertTrue(message.endsWith(" 0001:main TASK exit error=java.io.IOException"), message);
  }

  @AllWorlds
  void aTaskThatOutlivesTheTimeoutFailsTheCaller(Emulator emu) {
    CountDownLatch release = new CountDownLatch(1);
    AssertionError late = assertThrows(AssertionError.class, () -> WsemuTasks.run(emu, Duration.ofMillis(50), () -> {
      release.await();
      return 0;
    }));
    release.countDown();
    assertEquals("task main did not finish within PT0.05S", late.getMessage());
  }
}
