package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.wsemu.winsock.CrossTaskStage.SD_BOTH;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.listener;
import static org.wsemu.winsock.WinsockTestSupport.loopback;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.testing.World;

/**
 * accept, connect and a lingering closesocket blocked in one Win32 task, and what another task
 * does meanwhile: a change that ends the wait ends it at once; one that does not leaves it
 * waiting. Both networks give the same answers.
 */
@Timeout(60)
class CrossTaskSocketWakeupTest {

  // ---- accept ----

  /** WSAStartup and a listener: {socket, port}. */
  private static int[] listening(CrossTaskStage stage) throws Exception {
    int[] handles = new int[2];
    stage.run(() -> {
      startup(stage.ws);
      System.arraycopy(listener(stage.ws), 0, handles, 0, 2);
      return 0;
    });
    return handles;
  }

  private static CrossTaskStage.Blocked accept(CrossTaskStage stage, int listener) {
    return stage.block("accept", () -> stage.ws.accept(listener, null, null));
  }

  /** Connects a new socket to {@code port} in another task; returns the socket. */
  private static int connectTo(CrossTaskStage stage, int port) throws Exception {
    return stage.run(() -> {
      int s = stage.ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, stage.ws.connect(s, loopback(port), sockaddr_in.SIZE));
      return s;
    });
  }

  @World.Win32Worlds
  void aBlockedAcceptFailsInterruptedWhenAnotherTaskClosesTheListener(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] l = listening(stage);
      CrossTaskStage.Blocked blocked = accept(stage, l[0]);
      assertEquals(0, stage.run(() -> stage.ws.closesocket(l[0])));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedAcceptFailsInterruptedWhenAnotherTaskCallsTheLastWsaCleanup(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] l = listening(stage);
      CrossTaskStage.Blocked blocked = accept(stage, l[0]);
      assertEquals(0, stage.run(stage.ws::WSACleanup));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedAcceptGoesOnWaitingWhenAnotherTaskFailsToShutTheListenerDown(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] l = listening(stage);
      CrossTaskStage.Blocked blocked = accept(stage, l[0]);
      assertEquals(List.of(SOCKET_ERROR, WSAENOTCONN), stage.runWithError(() -> stage.ws.shutdown(l[0], SD_BOTH)));
      connectTo(stage, l[1]);
      assertNotEquals(INVALID_SOCKET, blocked.outcome().get(0));
    }
  }

  @World.Win32Worlds
  void aBlockedAcceptGoesOnWaitingWhenAnotherTaskMakesTheListenerNonBlocking(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] l = listening(stage);
      CrossTaskStage.Blocked blocked = accept(stage, l[0]);
      assertEquals(0, stage.run(() -> stage.ws.ioctlsocket(l[0], FIONBIO, new IntRef(1))));
      connectTo(stage, l[1]);
      assertNotEquals(INVALID_SOCKET, blocked.outcome().get(0));
    }
  }

  // ---- connect ----

  /**
   * A task blocked connecting a new socket; returns it in {@code socket[0]}. On the simulated
   * network it connects to an address no host has (it would time out after 21 s); on the real one
   * to a listener whose backlog is full, which drops the SYN (it would retry for minutes).
   */
  private static CrossTaskStage.Blocked connect(CrossTaskStage stage, World world, int[] socket) throws Exception {
    sockaddr_in[] target = new sockaddr_in[1];
    stage.run(() -> {
      startup(stage.ws);
      socket[0] = stage.ws.socket(AF_INET, SOCK_STREAM, 0);
      if (world.simulated()) {
        target[0] = new sockaddr_in(htons(7), stage.ws.inet_addr("192.0.2.9"));
        return 0;
      }
      int l = stage.ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, stage.ws.bind(l, loopback(0), sockaddr_in.SIZE));
      assertEquals(0, stage.ws.listen(l, 1));
      int port = WinsockTestSupport.localPort(stage.ws, l);
      for (int i = 0; i < 4; i++) { // more than the backlog takes
        int filler = stage.ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(0, stage.ws.ioctlsocket(filler, FIONBIO, new IntRef(1)));
        stage.ws.connect(filler, loopback(port), sockaddr_in.SIZE);
      }
      target[0] = loopback(port);
      return 0;
    });
    return stage.block("connect", () -> stage.ws.connect(socket[0], target[0], sockaddr_in.SIZE));
  }

  @World.Win32Worlds
  void aBlockedConnectFailsInterruptedWhenAnotherTaskClosesTheSocket(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] s = new int[1];
      CrossTaskStage.Blocked blocked = connect(stage, world, s);
      assertEquals(0, stage.run(() -> stage.ws.closesocket(s[0])));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedConnectFailsInterruptedWhenAnotherTaskCallsTheLastWsaCleanup(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] s = new int[1];
      CrossTaskStage.Blocked blocked = connect(stage, world, s);
      assertEquals(0, stage.run(stage.ws::WSACleanup));
      blocked.fails(WSAEINTR);
    }
  }

  // ---- a lingering closesocket ----

  /**
   * A task blocked in a lingering close of p[0] (SO_LINGER 1 s), whose peer never reads. Only the
   * simulated network can hold sent data back from the peer (the real one counts what the
   * operating system took as sent), so only there does the close wait.
   */
  private static CrossTaskStage.Blocked lingeringClose(CrossTaskStage stage, int[] p) throws Exception {
    stage.fill(p[0]);
    assertEquals(0, stage.run(() -> stage.ws.setsockopt(p[0], SOL_SOCKET, SO_LINGER, new linger(1, 1), linger.SIZE)));
    return stage.block("closesocket", () -> stage.ws.closesocket(p[0]));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = "WIN32_SIM")
  void aLingeringCloseFailsInterruptedWhenAnotherTaskCallsTheLastWsaCleanup(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = lingeringClose(stage, p);
      assertEquals(0, stage.run(stage.ws::WSACleanup));
      blocked.fails(WSAEINTR);
    }
  }

  /**
   * Two tasks close the same socket, both lingering: the first one's linger time runs out and it
   * closes the socket; the second one's call, blocked on a socket another task closed, fails with
   * WSAEINTR, and the socket is closed only once.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = "WIN32_SIM")
  void whenTwoTasksCloseOneSocketWithLingerTheSecondFailsInterruptedWhenTheFirstEndsIt(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked first = lingeringClose(stage, p);
      CrossTaskStage.Blocked second = stage.block("closesocket", () -> stage.ws.closesocket(p[0]));
      first.returns(0);
      second.fails(WSAEINTR);
      assertEquals(List.of(SOCKET_ERROR, WSAENOTSOCK), stage.runWithError(() -> stage.ws.closesocket(p[0])));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = "WIN32_SIM")
  void aLingeringCloseEndsWhenAnotherTaskResetsThePeer(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = lingeringClose(stage, p);
      assertEquals(0, stage.run(() -> {
        assertEquals(0, stage.ws.setsockopt(p[1], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
        return stage.ws.closesocket(p[1]);
      }));
      blocked.returns(0);
      assertEquals(List.of(SOCKET_ERROR, WSAENOTSOCK), stage.runWithError(() -> stage.ws.closesocket(p[0])));
    }
  }
}
