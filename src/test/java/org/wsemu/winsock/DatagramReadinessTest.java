package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.SocketReadiness.READABLE;
import static org.wsemu.winsock.SocketReadiness.WRITABLE;
import static org.wsemu.winsock.WinSock.FD_ACCEPT;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_OOB;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;

import org.junit.jupiter.api.Test;
import org.wsemu.net.Readiness;

/** The readiness of a datagram socket in each state, in all three views. */
class DatagramReadinessTest {
  private static final int ALL_EVENTS = FD_READ | FD_WRITE | FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE;

  private static int selectAll(SocketReadiness readiness) {
    return readiness.select(true, true, true);
  }

  @Test
  void anUnboundSocketIsOnlyWritable() {
    DatagramReadiness readiness = new DatagramReadiness().datagramWaiting(true);
    assertEquals(WRITABLE, selectAll(readiness));
    assertEquals(Readiness.READ | Readiness.WRITE, readiness.selectWaitOps(true, true, true));
    assertEquals(FD_WRITE, readiness.events());
    assertEquals(Readiness.READ | Readiness.WRITE, readiness.eventWaitOps(ALL_EVENTS));
  }

  @Test
  void aBoundSocketIsReadableWithADatagramWaiting() {
    DatagramReadiness idle = new DatagramReadiness().bound(true);
    assertEquals(WRITABLE, selectAll(idle));
    assertEquals(FD_WRITE, idle.events());
    DatagramReadiness waiting = new DatagramReadiness().bound(true).datagramWaiting(true);
    assertEquals(READABLE | WRITABLE, selectAll(waiting));
    assertEquals(READABLE, waiting.select(true, false, true));
    assertEquals(FD_READ | FD_WRITE, waiting.events());
  }

  @Test
  void nothingIsExceptionalAndNoConnectionEventHolds() {
    DatagramReadiness readiness = new DatagramReadiness().bound(true).datagramWaiting(true);
    assertEquals(0, readiness.select(false, false, true));
    assertEquals(0, readiness.selectWaitOps(false, false, true));
    assertEquals(0, readiness.events() & (FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE));
    assertEquals(0, readiness.connectAttempt());
    assertEquals(0, readiness.connectError());
    assertEquals(0, readiness.closeError());
    assertEquals(0, readiness.eventWaitOps(FD_OOB | FD_ACCEPT | FD_CONNECT | FD_CLOSE));
  }

  @Test
  void shutDownForReceivingIsReadableButNeverFdRead() {
    DatagramReadiness readiness = new DatagramReadiness().bound(true).datagramWaiting(true).inputShut(true);
    assertEquals(READABLE | WRITABLE, selectAll(readiness));
    assertEquals(FD_WRITE, readiness.events());
    assertEquals(0, readiness.eventWaitOps(FD_READ));
    assertEquals(READABLE, new DatagramReadiness().bound(true).inputShut(true).select(true, false, false));
  }

  @Test
  void aCongestedSocketIsNotWritableAndWaitsForRoom() {
    DatagramReadiness readiness = new DatagramReadiness().bound(true).congested(true);
    assertEquals(0, selectAll(readiness));
    assertEquals(0, readiness.events());
    assertEquals(Readiness.WRITE, readiness.eventWaitOps(FD_WRITE));
  }

  @Test
  void aClosedSocketPostsNothing() {
    assertEquals(0, new DatagramReadiness().closed(true).bound(true).datagramWaiting(true).events());
  }
}
