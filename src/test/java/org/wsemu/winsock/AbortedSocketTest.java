package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.AsyncSelectTestSupport.WM_SOCKET;
import static org.wsemu.winsock.AsyncSelectTestSupport.ev;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.wsemu.testing.World;

/**
 * A stream whose blocking call was cancelled part way (a send that had sent some of its data, or a
 * connect) is aborted: every call on it but closesocket fails with WSAECONNABORTED, on both
 * networks; select reports it readable and WSAAsyncSelect reports the abort.
 */
@Timeout(30)
class AbortedSocketTest {

  /** Every call on {@code s} but select and closesocket fails with WSAECONNABORTED; select: readable. */
  private static void assertAborted(WinsockApi ws, int s) {
    byte[] buf = new byte[8];
    List<Executable> checks = new ArrayList<>();
    checks.add(aborted(ws, "bind", () -> ws.bind(s, loopback(0), sockaddr_in.SIZE)));
    checks.add(aborted(ws, "listen", () -> ws.listen(s, 1)));
    checks.add(aborted(ws, "accept", () -> ws.accept(s, null, null)));
    checks.add(aborted(ws, "connect", () -> ws.connect(s, loopback(7), sockaddr_in.SIZE)));
    checks.add(aborted(ws, "send", () -> ws.send(s, buf, 1, 0)));
    checks.add(aborted(ws, "send MSG_OOB", () -> ws.send(s, buf, 1, MSG_OOB)));
    checks.add(aborted(ws, "sendto", () -> ws.sendto(s, buf, 1, 0, loopback(7), sockaddr_in.SIZE)));
    checks.add(aborted(ws, "recv", () -> ws.recv(s, buf, buf.length, 0)));
    checks.add(aborted(ws, "recv MSG_PEEK", () -> ws.recv(s, buf, buf.length, MSG_PEEK)));
    checks.add(aborted(ws, "recvfrom",
        () -> ws.recvfrom(s, buf, buf.length, 0, new sockaddr_in(), new IntRef(sockaddr_in.SIZE))));
    checks.add(aborted(ws, "shutdown", () -> ws.shutdown(s, 1)));
    checks.add(aborted(ws, "getsockname", () -> ws.getsockname(s, new sockaddr_in(), new IntRef(16))));
    checks.add(aborted(ws, "getpeername", () -> ws.getpeername(s, new sockaddr_in(), new IntRef(16))));
    for (int option : new int[] {SO_TYPE, SO_ERROR, SO_RCVBUF, SO_KEEPALIVE}) {
      checks.add(aborted(ws, "getsockopt " + option,
          () -> ws.getsockopt(s, SOL_SOCKET, option, new IntRef(), new IntRef(4))));
    }
    checks.add(aborted(ws, "getsockopt SO_LINGER",
        () -> ws.getsockopt(s, SOL_SOCKET, SO_LINGER, new linger(), new IntRef(linger.SIZE))));
    checks.add(aborted(ws, "setsockopt SO_RCVBUF", () -> ws.setsockopt(s, SOL_SOCKET, SO_RCVBUF, new IntRef(1024), 4)));
    checks.add(aborted(ws, "setsockopt SO_LINGER",
        () -> ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE)));
    checks.add(aborted(ws, "ioctlsocket FIONBIO", () -> ws.ioctlsocket(s, FIONBIO, new IntRef(1))));
    checks.add(aborted(ws, "ioctlsocket FIONREAD", () -> ws.ioctlsocket(s, FIONREAD, new IntRef())));
    checks.add(aborted(ws, "ioctlsocket SIOCATMARK", () -> ws.ioctlsocket(s, SIOCATMARK, new IntRef())));
    fd_set readable = new fd_set();
    FD_SET(s, readable);
    int selected = ws.select(0, readable, null, null, new timeval(0, 0));
    checks.add(() -> assertEquals(1, selected, "select: readable, for a recv fails at once"));
    int closed = ws.closesocket(s);
    checks.add(() -> assertEquals(0, closed, "closesocket"));
    assertAll(checks);
  }

  private static Executable aborted(WinsockApi ws, String name, IntSupplier call) {
    ws.WSASetLastError(0);
    int ret = call.getAsInt(); // now, on the task thread; assertAll only reports
    int error = ws.WSAGetLastError();
    return () -> {
      assertEquals(SOCKET_ERROR, ret, name + " return");
      assertEquals(WSAECONNABORTED, error, name + " error");
    };
  }

  @World.AllWorlds
  void afterACancelledSendEveryCallButCloseFailsConnectionAborted(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertAborted(ws, abortedBySend(ws));
      return 0;
    });
  }

  @World.AllWorlds
  void afterACancelledConnectEveryCallButCloseFailsConnectionAborted(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      assertAborted(ws, abortedByConnect(world, ws));
      return 0;
    });
  }

  /**
   * FD_CLOSE tells of the reset after a cancelled send; a cancelled connect's attempt ended with the
   * call, before the registration, so it has no FD_CONNECT to post.
   */
  @World.AllWorlds
  void wsaAsyncSelectReportsTheResetOfACancelledSend(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws);
      int byConnect = abortedByConnect(world, ws);
      int bySend = abortedBySend(ws);
      AsyncSelectTestSupport.Recorder rec = AsyncSelectTestSupport.Recorder.create(user);
      int all = FD_READ | FD_WRITE | FD_OOB | FD_CONNECT | FD_CLOSE;
      assertEquals(0, ws.WSAAsyncSelect(byConnect, rec.hwnd, WM_SOCKET, all));
      assertEquals(0, ws.WSAAsyncSelect(bySend, rec.hwnd, WM_SOCKET, all));
      List<String> expected = List.of(ev(bySend, FD_CLOSE, WSAECONNABORTED));
      assertEquals(expected, rec.await(1));
      assertEquals(expected, rec.pumpFor(100), "nothing more");
      return 0;
    });
  }
}
