package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.CrossTaskStage.SD_BOTH;
import static org.wsemu.winsock.CrossTaskStage.SD_RECEIVE;
import static org.wsemu.winsock.CrossTaskStage.SD_SEND;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.ascii;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.testing.World;

/**
 * A stream recv or send blocked in one Win32 task, and what another task does to its socket (or
 * to the other end of its connection): every change that ends the wait ends it at once, with what
 * the same call made afterwards would return; a change that does not end it leaves it waiting.
 * Both networks give the same answers.
 */
@Timeout(60)
class CrossTaskWakeupTest {
  private static final int LENGTH = 1 << 20; // a blocked send's length: more than ever fits at once

  private static void linger0(WinsockApi ws, int s) {
    assertEquals(0, ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
  }

  // ---- recv ----

  private static CrossTaskStage.Blocked recv(CrossTaskStage stage, int s) {
    return stage.block("recv", () -> stage.ws.recv(s, new byte[10], 10, 0));
  }

  @World.Win32Worlds
  void aBlockedRecvFailsShutdownWhenAnotherTaskShutsReceivingDown(World world) throws Exception {
    for (int how : new int[] {SD_RECEIVE, SD_BOTH}) {
      try (CrossTaskStage stage = new CrossTaskStage(world)) {
        int[] p = stage.startupAndPair();
        CrossTaskStage.Blocked blocked = recv(stage, p[1]);
        assertEquals(0, stage.run(() -> stage.ws.shutdown(p[1], how)));
        blocked.fails(WSAESHUTDOWN);
      }
    }
  }

  @World.Win32Worlds
  void aBlockedRecvGoesOnWaitingWhenAnotherTaskShutsSendingDown(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(0, stage.run(() -> stage.ws.shutdown(p[1], SD_SEND)));
      assertEquals(2, stage.run(() -> stage.ws.send(p[0], ascii("hi"), 2, 0)));
      blocked.returns(2);
    }
  }

  @World.Win32Worlds
  void aBlockedRecvGoesOnWaitingWhenAnotherTaskMakesTheSocketNonBlocking(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(0, stage.run(() -> stage.ws.ioctlsocket(p[1], FIONBIO, new IntRef(1))));
      assertEquals(2, stage.run(() -> stage.ws.send(p[0], ascii("hi"), 2, 0)));
      blocked.returns(2);
    }
  }

  @World.Win32Worlds
  void aBlockedRecvFailsInterruptedWhenAnotherTaskClosesTheSocket(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(0, stage.run(() -> stage.ws.closesocket(p[1])));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedRecvFailsInterruptedWhenAnotherTaskCallsTheLastWsaCleanup(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(0, stage.run(stage.ws::WSACleanup));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedRecvReadsTheEndWhenAnotherTaskClosesThePeer(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(0, stage.run(() -> stage.ws.closesocket(p[0])));
      blocked.returns(0);
    }
  }

  @World.Win32Worlds
  void aBlockedRecvFailsResetWhenAnotherTaskResetsThePeer(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(0, stage.run(() -> {
        linger0(stage.ws, p[0]);
        return stage.ws.closesocket(p[0]);
      }));
      blocked.fails(WSAECONNRESET);
    }
  }

  /** Another task's send, cancelled part way, compromises the stream: it is reset and aborted. */
  @World.Win32Worlds
  void aBlockedRecvFailsAbortedWhenAnotherTasksSendOnTheSocketIsCancelledPartWay(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = recv(stage, p[1]);
      assertEquals(List.of(SOCKET_ERROR, WSAEINTR), stage.runWithError(() -> {
        stage.ws.WSASetBlockingHook(() -> {
          stage.ws.WSACancelBlockingCall(); // the send blocked after sending part of the data
          return false;
        });
        return stage.ws.send(p[1], new byte[LENGTH * 16], LENGTH * 16, 0);
      }));
      blocked.fails(WSAECONNABORTED);
    }
  }

  /** Only the simulated network holds urgent data apart, so only there can recv(MSG_OOB) wait. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = "WIN32_SIM")
  void aBlockedOutOfBandRecvFailsInvalidWhenAnotherTaskPutsUrgentDataInLine(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = stage.block("recv", () -> stage.ws.recv(p[1], new byte[1], 1, MSG_OOB));
      assertEquals(0, stage.run(() -> stage.ws.setsockopt(p[1], SOL_SOCKET, SO_OOBINLINE, new IntRef(1), 4)));
      blocked.fails(WSAEINVAL);
    }
  }

  // ---- send ----

  /** A task blocked sending {@link #LENGTH} bytes on p[0], whose peer p[1] never reads; fills first. */
  private static CrossTaskStage.Blocked send(CrossTaskStage stage, int[] p) throws Exception {
    stage.fill(p[0]);
    return stage.block("send", () -> stage.ws.send(p[0], new byte[LENGTH], LENGTH, 0));
  }

  @World.Win32Worlds
  void aBlockedSendFailsShutdownWhenAnotherTaskShutsSendingDown(World world) throws Exception {
    for (int how : new int[] {SD_SEND, SD_BOTH}) {
      try (CrossTaskStage stage = new CrossTaskStage(world)) {
        int[] p = stage.startupAndPair();
        CrossTaskStage.Blocked blocked = send(stage, p);
        assertEquals(0, stage.run(() -> stage.ws.shutdown(p[0], how)));
        blocked.fails(WSAESHUTDOWN);
      }
    }
  }

  @World.Win32Worlds
  void aBlockedSendGoesOnWaitingWhenAnotherTaskShutsReceivingDown(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      int filled = stage.fill(p[0]);
      CrossTaskStage.Blocked blocked = stage.block("send", () -> stage.ws.send(p[0], new byte[LENGTH], LENGTH, 0));
      assertEquals(0, stage.run(() -> stage.ws.shutdown(p[0], SD_RECEIVE)));
      assertEquals(filled + LENGTH, stage.drain(p[1], filled + (long) LENGTH));
      blocked.returns(LENGTH);
    }
  }

  @World.Win32Worlds
  void aBlockedSendGoesOnWaitingWhenAnotherTaskMakesTheSocketNonBlocking(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      int filled = stage.fill(p[0]);
      CrossTaskStage.Blocked blocked = stage.block("send", () -> stage.ws.send(p[0], new byte[LENGTH], LENGTH, 0));
      assertEquals(0, stage.run(() -> stage.ws.ioctlsocket(p[0], FIONBIO, new IntRef(1))));
      assertEquals(filled + LENGTH, stage.drain(p[1], filled + (long) LENGTH));
      blocked.returns(LENGTH);
    }
  }

  @World.Win32Worlds
  void aBlockedSendFailsInterruptedWhenAnotherTaskClosesTheSocket(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = send(stage, p);
      assertEquals(0, stage.run(() -> stage.ws.closesocket(p[0])));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedSendFailsInterruptedWhenAnotherTaskCallsTheLastWsaCleanup(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = send(stage, p);
      assertEquals(0, stage.run(stage.ws::WSACleanup));
      blocked.fails(WSAEINTR);
    }
  }

  @World.Win32Worlds
  void aBlockedSendFailsResetWhenAnotherTaskResetsThePeer(World world) throws Exception {
    try (CrossTaskStage stage = new CrossTaskStage(world)) {
      int[] p = stage.startupAndPair();
      CrossTaskStage.Blocked blocked = send(stage, p);
      assertEquals(0, stage.run(() -> {
        linger0(stage.ws, p[1]);
        return stage.ws.closesocket(p[1]);
      }));
      blocked.fails(WSAECONNRESET);
    }
  }
}
