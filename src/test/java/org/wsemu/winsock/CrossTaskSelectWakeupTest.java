package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.CrossTaskStage.SD_BOTH;
import static org.wsemu.winsock.CrossTaskStage.SD_RECEIVE;
import static org.wsemu.winsock.CrossTaskStage.SD_SEND;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.ascii;
import static org.wsemu.winsock.WinsockTestSupport.localPort;
import static org.wsemu.winsock.WinsockTestSupport.loopback;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/**
 * select and a datagram recvfrom blocked in one Win32 task, and what another task does to the
 * sockets meanwhile: every change that makes a condition hold, or ends the wait, wakes the call at
 * once, including the changes that make a different readiness the one to wait for (listen,
 * connect). Both networks give the same answers.
 */
@Timeout(60)
class CrossTaskSelectWakeupTest {

  /** A task blocked in select with {@code s} in one set (0 read, 1 write); {@code sets[0]} gets the set. */
  private static CrossTaskStage.Blocked select(CrossTaskStage stage, int s, int which, fd_set[] sets) {
    fd_set set = new fd_set();
    FD_SET(s, set);
    sets[0] = set;
    return stage.block("select", () -> which == 0
        ? stage.ws.select(0, set, null, null, null)
        : stage.ws.select(0, null, set, null, null));
  }

  private static void assertOnly(int s, fd_set set) {
    assertEquals(1, set.fd_count);
    assertEquals(s, set.fd_array[0]);
  }

  // ---- select on a stream ----

  @World.Win32Worlds
  void aSelectForReadingReturnsWhenAnotherTaskShutsReceivingDown(World world) throws Exception {
    for (int how : new int[] {SD_RECEIVE, SD_BOTH}) {
      try (CrossTaskStage stage = new CrossTaskStage(world)) {
        int[] p = stage.startupAndPair();
        fd_set[] set = new fd_set[1];
        CrossTaskStage.Blocked blocked = select(stage, p[1], 0, set);
        assertEquals(0, stage.run(() -> stage.ws.shutdown(p[1], how)));
        blocked.returns(1);
        assertOnly(p[1], set[0]);
      }
    }
  }

  @World.Win32Worlds
  void aSelectForReadingReturnsWhenAnotherTaskClosesThePeer(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      fd_set[] set = new fd_set[1];
      CrossTaskStage.Blocked blocked = select(stage, p[1], 0, set);
      assertEquals(0, stage.run(() -> stage.ws.closesocket(p[0])));
      blocked.returns(1);
      assertOnly(p[1], set[0]);
    }
  }

  /** A send would no longer block (it fails at once): the socket is writable. */
  @World.Win32Worlds
  void aSelectForWritingOnAFullSocketReturnsWhenAnotherTaskShutsSendingDown(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      stage.fill(p[0]);
      fd_set[] set = new fd_set[1];
      CrossTaskStage.Blocked blocked = select(stage, p[0], 1, set);
      assertEquals(0, stage.run(() -> stage.ws.shutdown(p[0], SD_SEND)));
      blocked.returns(1);
      assertOnly(p[0], set[0]);
    }
  }

  @World.Win32Worlds
  void aSelectFailsInterruptedWhenAnotherTaskCallsTheLastWsaCleanup(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = select(stage, p[1], 0, new fd_set[1]);
      assertEquals(0, stage.run(stage.ws::WSACleanup));
      blocked.fails(WSAEINTR);
    }
  }

  /** Waiting to read on a bound socket is waiting for data; once it listens, for a connection. */
  @World.Win32Worlds
  void aSelectForReadingOnABoundSocketSeesTheConnectionOnceAnotherTaskMadeItListen(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] bound = new int[1];
      stage.run(() -> {
        startup(stage.ws);
        bound[0] = stage.ws.socket(AF_INET, SOCK_STREAM, 0);
        return stage.ws.bind(bound[0], loopback(0), sockaddr_in.SIZE);
      });
      fd_set[] set = new fd_set[1];
      CrossTaskStage.Blocked blocked = select(stage, bound[0], 0, set);
      int port = stage.run(() -> {
        assertEquals(0, stage.ws.listen(bound[0], 5));
        return localPort(stage.ws, bound[0]);
      });
      assertEquals(0, stage.run(() -> stage.ws.connect(stage.ws.socket(AF_INET, SOCK_STREAM, 0), loopback(port),
          sockaddr_in.SIZE)));
      blocked.returns(1);
      assertOnly(bound[0], set[0]);
    }
  }

  /** An unconnected socket is not writable; once another task connected it, it is. */
  @World.Win32Worlds
  void aSelectForWritingOnAnUnconnectedSocketReturnsOnceAnotherTaskConnectedIt(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] s = new int[2];
      stage.run(() -> {
        startup(stage.ws);
        s[0] = stage.ws.socket(AF_INET, SOCK_STREAM, 0);
        s[1] = WinsockTestSupport.listener(stage.ws)[1];
        return 0;
      });
      fd_set[] set = new fd_set[1];
      CrossTaskStage.Blocked blocked = select(stage, s[0], 1, set);
      assertEquals(0, stage.run(() -> stage.ws.connect(s[0], loopback(s[1]), sockaddr_in.SIZE)));
      blocked.returns(1);
      assertOnly(s[0], set[0]);
    }
  }

  // ---- datagrams ----

  /** WSAStartup and two bound datagram sockets: {receiver, sender, receiver's port}. */
  private static int[] datagrams(CrossTaskStage stage) throws Exception {
    int[] handles = new int[3];
    stage.run(() -> {
      startup(stage.ws);
      for (int i = 0; i < 2; i++) {
        handles[i] = stage.ws.socket(AF_INET, SOCK_DGRAM, 0);
        assertEquals(0, stage.ws.bind(handles[i], loopback(0), sockaddr_in.SIZE));
      }
      handles[2] = localPort(stage.ws, handles[0]);
      return 0;
    });
    return handles;
  }

  private static CrossTaskStage.Blocked recvfrom(CrossTaskStage stage, int d) {
    return stage.block("recvfrom", () -> stage.ws.recvfrom(d, new byte[10], 10, 0, new sockaddr_in(),
        new IntRef(sockaddr_in.SIZE)));
  }

  private static int sendDatagram(CrossTaskStage stage, int[] d) throws Exception {
    return stage.run(() -> stage.ws.sendto(d[1], ascii("dgram"), 5, 0, loopback(d[2]), sockaddr_in.SIZE));
  }

  @World.Win32Worlds
  void aBlockedRecvfromFailsShutdownWhenAnotherTaskShutsReceivingDown(World world) throws Exception {
    for (int how : new int[] {SD_RECEIVE, SD_BOTH}) {
      try (CrossTaskStage stage = new CrossTaskStage(world)) {
        int[] d = datagrams(stage);
        CrossTaskStage.Blocked blocked = recvfrom(stage, d[0]);
        assertEquals(0, stage.run(() -> stage.ws.shutdown(d[0], how)));
        blocked.fails(WSAESHUTDOWN);
      }
    }
  }

  @World.Win32Worlds
  void aBlockedRecvfromGoesOnWaitingWhenAnotherTaskShutsSendingDownOrMakesItNonBlocking(World world)
      throws Exception {
    for (boolean shut : new boolean[] {true, false}) {
      try (CrossTaskStage stage = new CrossTaskStage(world)) {
        int[] d = datagrams(stage);
        CrossTaskStage.Blocked blocked = recvfrom(stage, d[0]);
        assertEquals(0, stage.run(() -> shut ? stage.ws.shutdown(d[0], SD_SEND)
            : stage.ws.ioctlsocket(d[0], FIONBIO, new IntRef(1))));
        assertEquals(5, sendDatagram(stage, d));
        blocked.returns(5);
      }
    }
  }

  @World.Win32Worlds
  void aBlockedRecvfromFailsInterruptedWhenAnotherTaskClosesTheSocketOrCallsTheLastWsaCleanup(World world)
      throws Exception {
    for (boolean close : new boolean[] {true, false}) {
      try (CrossTaskStage stage = new CrossTaskStage(world)) {
        int[] d = datagrams(stage);
        CrossTaskStage.Blocked blocked = recvfrom(stage, d[0]);
        assertEquals(0, stage.run(() -> close ? stage.ws.closesocket(d[0]) : stage.ws.WSACleanup()));
        blocked.fails(WSAEINTR);
      }
    }
  }

  @World.Win32Worlds
  void aSelectForReadingADatagramSocketReturnsWhenAnotherTaskShutsReceivingDown(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] d = datagrams(stage);
      fd_set[] set = new fd_set[1];
      CrossTaskStage.Blocked blocked = select(stage, d[0], 0, set);
      assertEquals(0, stage.run(() -> stage.ws.shutdown(d[0], SD_RECEIVE)));
      blocked.returns(1);
      assertOnly(d[0], set[0]);
      assertEquals(List.of(SOCKET_ERROR, WSAESHUTDOWN), stage.runWithError(() ->
          stage.ws.recvfrom(d[0], new byte[10], 10, 0, null, null)));
    }
  }
}
