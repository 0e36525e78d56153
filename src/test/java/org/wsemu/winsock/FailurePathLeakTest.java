package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.testing.World;

/**
 * The real network's failure paths close every channel they open: the process's file descriptors
 * ({@code /proc/self/fd}) do not grow over many rounds of failed listens and refused connects.
 */
@Timeout(60)
class FailurePathLeakTest {
  private static final int ROUNDS = 40;
  /** Descriptors other threads of the test JVM may open or close meanwhile; a leak is one a round. */
  private static final int SLACK = 8;

  private static long openDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A failed listen (WSAEADDRINUSE), refused connects of a bound and an unbound socket, all closed. */
  private static void failEverything(WinsockApi ws, sockaddr_in nowhere) {
    int first = ws.socket(AF_INET, SOCK_STREAM, 0);
    int second = ws.socket(AF_INET, SOCK_STREAM, 0);
    for (int s : new int[] {first, second}) {
      assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, new IntRef(1), 4));
    }
    assertEquals(0, ws.bind(first, loopback(0), sockaddr_in.SIZE));
    assertEquals(0, ws.bind(second, loopback(localPort(ws, first)), sockaddr_in.SIZE));
    assertEquals(0, ws.listen(first, 5));
    assertFails(ws, WSAEADDRINUSE, ws.listen(second, 5));
    assertFails(ws, WSAEADDRINUSE, ws.listen(second, 5));

    int bound = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.bind(bound, loopback(0), sockaddr_in.SIZE));
    assertFails(ws, WSAECONNREFUSED, ws.connect(bound, nowhere, sockaddr_in.SIZE));
    assertFails(ws, WSAECONNREFUSED, ws.connect(bound, nowhere, sockaddr_in.SIZE));

    int unbound = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertNotEquals(INVALID_SOCKET, unbound);
    assertFails(ws, WSAECONNREFUSED, ws.connect(unbound, nowhere, sockaddr_in.SIZE));

    for (int s : new int[] {first, second, bound, unbound}) {
      assertEquals(0, ws.closesocket(s));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_REAL", "WIN32_REAL"})
  void failedListensAndRefusedConnectsCloseWhatTheyOpened(World world) throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
    run(world, (emu, ws, user) -> {
      startup(ws);
      int target = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.bind(target, loopback(0), sockaddr_in.SIZE)); // bound, never listening
      sockaddr_in nowhere = loopback(localPort(ws, target));
      failEverything(ws, nowhere); // the selector and its kin are open from here on
      long before = openDescriptors();
      for (int round = 0; round < ROUNDS; round++) {
        failEverything(ws, nowhere);
      }
      long after = openDescriptors();
      assertTrue(after - before <= SLACK, ROUNDS + " rounds: " + before + " descriptors before, " + after + " after");
      return 0;
    });
  }
}
