package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.AsyncSelectTestSupport.awaitReadable;
import static org.wsemu.winsock.EventSelectTestSupport.ALL;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.FD_CLOSE_BIT;
import static org.wsemu.winsock.WinSock2.FD_CONNECT_BIT;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.testing.World.SimWorlds;
import org.wsemu.winsock.EventSelectTestSupport.Watch;

/**
 * The recording rules of WSAEventSelect, event by event, with exact lNetworkEvents and iErrorCode
 * values: recorded once until the re-enabling function, level triggering after it, a condition
 * that holds at selection recorded then, and, unlike WSAAsyncSelect's message mode, nothing
 * recorded again by selecting again (even after selecting 0), FD_CONNECT recorded for an attempt
 * that finished before the selection.
 */
@Timeout(30)
class EventSelectRecordingTest {
  private static final int QUIET = 150;

  // ---- FD_READ ----

  @World.AllWorlds
  void fdReadIsRecordedOnceUntilRecvAndAgainWhileDataRemains(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET));
      assertEquals(5, ws.send(p[0], ascii("data!"), 5, 0));
      assertEquals(FD_READ, watch.await(FD_READ));
      assertEquals(0, watch.quiet(QUIET));
      watch.select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET), "selecting again records nothing again");
      watch.select(0).select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET), "nor after selecting 0");
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, 0));
      awaitReadable(ws, watch.rec, p[1], 8);
      assertEquals(0, watch.quiet(QUIET), "more data is not recorded until recv");
      byte[] buf = new byte[8];
      assertEquals(2, ws.recv(p[1], buf, 2, 0));
      assertEquals(FD_READ, watch.await(FD_READ), "data remains");
      assertEquals(0, watch.quiet(QUIET));
      for (int left = 6; left > 0; left--) {
        assertEquals(1, ws.recv(p[1], buf, 1, 0));
        assertEquals(left > 1 ? FD_READ : 0, left > 1 ? watch.await(FD_READ) : watch.quiet(QUIET), "left " + left);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void dataThatArrivedWhileNotSelectedIsRecordedAtSelectionUnlessReadBefore(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(0);
      assertEquals(4, ws.send(p[0], ascii("data"), 4, 0));
      awaitReadable(ws, watch.rec, p[1], 4);
      watch.select(FD_READ | FD_CLOSE);
      assertEquals(FD_READ, watch.await(FD_READ));
      byte[] buf = new byte[8];
      assertEquals(4, ws.recv(p[1], buf, 8, 0));
      watch.select(0);
      assertEquals(4, ws.send(p[0], ascii("more"), 4, 0));
      awaitReadable(ws, watch.rec, p[1], 4);
      assertEquals(4, ws.recv(p[1], buf, 8, 0));
      watch.select(FD_READ | FD_CLOSE);
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void aRecvWhileNotSelectedStillReEnablesFdRead(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ);
      assertEquals(2, ws.send(p[0], ascii("ab"), 2, 0));
      assertEquals(FD_READ, watch.await(FD_READ));
      watch.select(0);
      byte[] buf = new byte[1];
      assertEquals(1, ws.recv(p[1], buf, 1, 0));
      watch.select(FD_READ);
      assertEquals(FD_READ, watch.await(FD_READ), "the recv re-enabled it; a byte remains");
      return 0;
    });
  }

  // ---- FD_WRITE ----

  @World.AllWorlds
  void fdWriteIsRecordedAtSelectionThenOnlyAfterASendWouldBlock(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL);
      assertEquals(FD_WRITE, watch.await(FD_WRITE));
      assertEquals(0, watch.quiet(QUIET));
      watch.select(ALL);
      assertEquals(0, watch.quiet(QUIET));
      watch.select(0).select(ALL);
      assertEquals(0, watch.quiet(QUIET));
      assertEquals(5, ws.send(p[1], ascii("data!"), 5, 0));
      assertEquals(0, watch.quiet(QUIET), "a send that succeeds changes nothing");
      long sent = 0;
      byte[] chunk = new byte[65536];
      int r;
      while ((r = ws.send(p[1], chunk, chunk.length, 0)) > 0) {
        sent += r;
        assertTrue(sent < 256L << 20, "the window never filled");
      }
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(0, ws.ioctlsocket(p[0], FIONBIO, new IntRef(1)));
      long total = sent + 5;
      long[] received = {0};
      watch.rec.pumpUntil(() -> {
        int n = ws.recv(p[0], chunk, chunk.length, 0);
        received[0] += Math.max(n, 0);
        return received[0] == total;
      }, "draining " + total + " bytes");
      assertEquals(FD_WRITE, watch.await(FD_WRITE));
      assertEquals(0, watch.quiet(QUIET));
      watch.select(0).select(ALL);
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void aSendDoesNotClearARecordedFdWrite(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ | FD_WRITE);
      assertEquals(5, ws.send(p[1], ascii("data!"), 5, 0));
      assertEquals(FD_WRITE, watch.take());
      return 0;
    });
  }

  // ---- FD_CONNECT ----

  @World.AllWorlds
  void aConnectAfterSelectionRecordsFdConnectAndFdWriteOnce(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Watch watch = Watch.of(ws, user, s).select(ALL);
      assertEquals(0, watch.quiet(QUIET));
      int r = ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE);
      assertEquals(true, r == 0 || ws.WSAGetLastError() == WSAEWOULDBLOCK, "connect " + r);
      assertEquals(FD_CONNECT | FD_WRITE, watch.await(FD_CONNECT | FD_WRITE));
      assertEquals(0, watch.errors[FD_CONNECT_BIT]);
      assertEquals(0, watch.quiet(QUIET));
      watch.select(0).select(ALL);
      assertEquals(0, watch.quiet(QUIET));
      int accepted = ws.accept(listener[0], null, null);
      assertEquals(true, accepted != INVALID_SOCKET);
      Watch other = Watch.of(ws, user, accepted).select(ALL & ~FD_CLOSE);
      assertEquals(FD_WRITE, other.await(FD_WRITE), "an accepted socket: FD_WRITE, no FD_CONNECT");
      return 0;
    });
  }

  @World.AllWorlds
  void aConnectThatFinishedBeforeTheSelectionIsRecordedUnlikeInMessageMode(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws); // p[0] connected with a blocking connect
      assertEquals(5, ws.send(p[0], ascii("data!"), 5, 0));
      Watch watch = Watch.of(ws, user, p[0]).select(ALL);
      assertEquals(FD_CONNECT | FD_WRITE, watch.await(FD_CONNECT | FD_WRITE));
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void fdConnectSelectedLaterIsRecordedThen(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Watch watch = Watch.of(ws, user, s).select(ALL & ~FD_CONNECT);
      int r = ws.connect(s, loopback(listener[1]), sockaddr_in.SIZE);
      assertEquals(true, r == 0 || ws.WSAGetLastError() == WSAEWOULDBLOCK, "connect " + r);
      assertEquals(FD_WRITE, watch.await(FD_WRITE));
      watch.select(ALL);
      assertEquals(FD_CONNECT, watch.await(FD_CONNECT));
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void aRefusedConnectRecordsFdConnectWithItsError(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      Watch watch = Watch.of(ws, user, s).select(ALL);
      assertEquals(SOCKET_ERROR, ws.connect(s, loopback(closedPort(ws)), sockaddr_in.SIZE));
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(FD_CONNECT, watch.await(FD_CONNECT));
      assertEquals(WSAECONNREFUSED, watch.errors[FD_CONNECT_BIT]);
      assertEquals(0, watch.quiet(QUIET));
      IntRef error = new IntRef(4);
      byte[] value = new byte[4];
      assertEquals(0, ws.getsockopt(s, SOL_SOCKET, SO_ERROR, value, error));
      assertEquals(0, value[0] | value[1], "FD_CONNECT reported it: SO_ERROR is 0");
      return 0;
    });
  }

  // ---- FD_ACCEPT ----

  @World.AllWorlds
  void fdAcceptIsRecordedOnceUntilAcceptAndAgainWhileConnectionsWait(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      Watch watch = Watch.of(ws, user, listener[0]).select(FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT);
      assertEquals(0, watch.quiet(QUIET));
      int c1 = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(c1, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(FD_ACCEPT, watch.await(FD_ACCEPT));
      watch.select(FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT);
      assertEquals(0, watch.quiet(QUIET));
      watch.select(0).select(FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT);
      assertEquals(0, watch.quiet(QUIET));
      int c2 = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(c2, loopback(listener[1]), sockaddr_in.SIZE));
      assertEquals(true, ws.accept(listener[0], null, null) != INVALID_SOCKET);
      assertEquals(FD_ACCEPT, watch.await(FD_ACCEPT), "another connection waits");
      assertEquals(true, ws.accept(listener[0], null, null) != INVALID_SOCKET);
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void aConnectionAcceptedBeforeTheSelectionIsNotRecorded(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      Watch watch = Watch.of(ws, user, listener[0]).select(FD_READ);
      int c1 = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(c1, loopback(listener[1]), sockaddr_in.SIZE));
      watch.select(FD_READ | FD_ACCEPT);
      assertEquals(FD_ACCEPT, watch.await(FD_ACCEPT), "a connection waiting at selection");
      assertEquals(true, ws.accept(listener[0], null, null) != INVALID_SOCKET);
      watch.select(FD_READ);
      int c2 = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(c2, loopback(listener[1]), sockaddr_in.SIZE));
      int[] accepted = {INVALID_SOCKET};
      watch.rec.pumpUntil(() -> (accepted[0] = ws.accept(listener[0], null, null)) != INVALID_SOCKET,
          "the second connection"); // the listener is non-blocking
      watch.select(FD_READ | FD_ACCEPT);
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void anAcceptedSocketInheritsTheSelectionAndRecordsItsOwnEvents(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] listener = listener(ws);
      int c = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.connect(c, loopback(listener[1]), sockaddr_in.SIZE));
      Watch watch = Watch.of(ws, user, listener[0]).select(FD_ACCEPT | FD_READ | FD_WRITE);
      assertEquals(FD_ACCEPT, watch.await(FD_ACCEPT));
      int accepted = ws.accept(listener[0], null, null);
      Watch inherited = watch.forSocket(accepted);
      assertEquals(FD_WRITE, inherited.await(FD_WRITE), "its own record, the listener's event");
      assertEquals(1, ws.send(c, ascii("x"), 1, 0));
      assertEquals(FD_READ, inherited.await(FD_READ));
      assertEquals(0, watch.take(), "the listener recorded nothing more");
      assertEquals(SOCKET_ERROR, ws.ioctlsocket(accepted, FIONBIO, new IntRef(0)));
      assertEquals(WSAEINVAL, ws.WSAGetLastError(), "registered, so non-blocking");
      return 0;
    });
  }

  // ---- FD_CLOSE ----

  @World.AllWorlds
  void aGracefulCloseIsRecordedOnceWithErrorZero(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL & ~FD_WRITE);
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(FD_CLOSE, watch.await(FD_CLOSE));
      assertEquals(0, watch.errors[FD_CLOSE_BIT]);
      assertEquals(0, watch.quiet(QUIET));
      watch.select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET));
      watch.select(0).select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET));
      assertEquals(0, ws.recv(p[1], new byte[4], 4, 0));
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void dataThenCloseGivesFdReadThenFdCloseAndFdReadAgainAfterAPartialRecv(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL & ~FD_WRITE);
      assertEquals(5, ws.send(p[0], ascii("data!"), 5, 0));
      assertEquals(FD_READ, watch.await(FD_READ));
      assertEquals(0, ws.shutdown(p[0], 1));
      assertEquals(FD_CLOSE, watch.await(FD_CLOSE));
      byte[] buf = new byte[5];
      assertEquals(3, ws.recv(p[1], buf, 3, 0));
      assertEquals(FD_READ, watch.await(FD_READ));
      assertEquals(2, ws.recv(p[1], buf, 5, 0));
      assertEquals(0, watch.quiet(QUIET));
      assertEquals(0, ws.recv(p[1], buf, 5, 0));
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  @World.AllWorlds
  void aCloseBeforeTheSelectionOrBeforeFdCloseIsSelectedIsRecordedAtSelection(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(FD_READ);
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(0, watch.quiet(QUIET));
      watch.select(FD_READ | FD_CLOSE);
      assertEquals(FD_CLOSE, watch.await(FD_CLOSE));
      int[] q = pair(ws);
      assertEquals(0, ws.closesocket(q[0]));
      Watch later = Watch.of(ws, user, q[1]);
      watch.rec.pumpFor(QUIET);
      later.select(FD_READ | FD_CLOSE);
      assertEquals(FD_CLOSE, later.await(FD_CLOSE));
      return 0;
    });
  }

  @World.AllWorlds
  void aResetIsFdCloseWithWsaeconnreset(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL & ~FD_WRITE);
      assertEquals(0, ws.setsockopt(p[0], SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE));
      assertEquals(0, ws.closesocket(p[0]));
      assertEquals(FD_CLOSE, watch.await(FD_CLOSE));
      assertEquals(WSAECONNRESET, watch.errors[FD_CLOSE_BIT]);
      watch.select(0).select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }

  // ---- FD_OOB ----

  @SimWorlds
  void urgentDataIsFdOobOnceUntilRecvWithMsgOob(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      Watch watch = Watch.of(ws, user, p[1]).select(ALL & ~FD_WRITE);
      assertEquals(1, ws.send(p[0], ascii("a"), 1, MSG_OOB));
      assertEquals(FD_OOB, watch.await(FD_OOB));
      watch.select(0).select(ALL & ~FD_WRITE);
      assertEquals(0, watch.quiet(QUIET));
      byte[] one = new byte[1];
      assertEquals(1, ws.recv(p[1], one, 1, MSG_OOB));
      assertEquals(0, watch.quiet(QUIET));
      assertEquals(1, ws.send(p[0], ascii("b"), 1, MSG_OOB));
      assertEquals(FD_OOB, watch.await(FD_OOB), "re-enabled by the recv");
      return 0;
    });
  }
  // ---- datagrams ----

  @World.AllWorlds
  void aDatagramSocketRecordsFdWriteAtOnceAndFdReadPerReceive(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      sockaddr_in to = loopback(localPort(ws, s));
      Watch watch = Watch.of(ws, user, s).select(FD_READ | FD_WRITE);
      assertEquals(FD_WRITE, watch.await(FD_WRITE));
      assertEquals(2, ws.sendto(s, ascii("d1"), 2, 0, to, sockaddr_in.SIZE));
      assertEquals(2, ws.sendto(s, ascii("d2"), 2, 0, to, sockaddr_in.SIZE));
      assertEquals(FD_READ, watch.await(FD_READ));
      byte[] buf = new byte[8];
      assertEquals(2, ws.recvfrom(s, buf, 8, 0, null, null));
      assertEquals(FD_READ, watch.await(FD_READ), "another datagram waits");
      assertEquals(2, ws.recvfrom(s, buf, 8, 0, null, null));
      assertEquals(0, watch.quiet(QUIET));
      return 0;
    });
  }
}
