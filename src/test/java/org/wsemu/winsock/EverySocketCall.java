package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.function.Executable;

/** Calls every function that takes a socket handle, expecting each to fail with one error. */
final class EverySocketCall {
  private EverySocketCall() {}

  /**
   * From a task: every socket function on {@code s} returns SOCKET_ERROR (INVALID_SOCKET for
   * accept) and sets {@code error}. closesocket is called last.
   */
  static void assertFails(WinsockApi ws, int s, int error) {
    byte[] buf = new byte[8];
    List<Executable> checks = new ArrayList<>();
    checks.add(fails(ws, error, "bind", () -> ws.bind(s, loopback(0), sockaddr_in.SIZE)));
    checks.add(fails(ws, error, "listen", () -> ws.listen(s, 1)));
    checks.add(fails(ws, error, "accept", () -> ws.accept(s, new sockaddr_in(), new IntRef(sockaddr_in.SIZE))));
    checks.add(fails(ws, error, "connect", () -> ws.connect(s, loopback(7), sockaddr_in.SIZE)));
    checks.add(fails(ws, error, "send", () -> ws.send(s, buf, 1, 0)));
    checks.add(fails(ws, error, "sendto", () -> ws.sendto(s, buf, 1, 0, loopback(7), sockaddr_in.SIZE)));
    checks.add(fails(ws, error, "recv", () -> ws.recv(s, buf, buf.length, 0)));
    checks.add(fails(ws, error, "recvfrom",
        () -> ws.recvfrom(s, buf, buf.length, 0, new sockaddr_in(), new IntRef(sockaddr_in.SIZE))));
    for (int which = 0; which < 3; which++) {
      fd_set[] sets = {null, null, null};
      sets[which] = new fd_set();
      FD_SET(s, sets[which]);
      checks.add(fails(ws, error, "select set " + which,
          () -> ws.select(0, sets[0], sets[1], sets[2], new timeval(0, 0))));
    }
    checks.add(fails(ws, error, "shutdown", () -> ws.shutdown(s, 2)));
    checks.add(fails(ws, error, "getsockopt",
        () -> ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new IntRef(), new IntRef(4))));
    checks.add(fails(ws, error, "getsockopt SO_LINGER",
        () -> ws.getsockopt(s, SOL_SOCKET, SO_LINGER, new linger(), new IntRef(linger.SIZE))));
    checks.add(fails(ws, error, "setsockopt", () -> ws.setsockopt(s, SOL_SOCKET, SO_DEBUG, new IntRef(1), 4)));
    checks.add(fails(ws, error, "setsockopt SO_LINGER",
        () -> ws.setsockopt(s, SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE)));
    checks.add(fails(ws, error, "getsockname", () -> ws.getsockname(s, new sockaddr_in(), new IntRef(16))));
    checks.add(fails(ws, error, "getpeername", () -> ws.getpeername(s, new sockaddr_in(), new IntRef(16))));
    checks.add(fails(ws, error, "ioctlsocket FIONBIO", () -> ws.ioctlsocket(s, FIONBIO, new IntRef(1))));
    checks.add(fails(ws, error, "ioctlsocket FIONREAD", () -> ws.ioctlsocket(s, FIONREAD, new IntRef())));
    checks.add(fails(ws, error, "closesocket", () -> ws.closesocket(s)));
    assertAll(String.format("socket 0x%X", s), checks);
  }

  private static Executable fails(WinsockApi ws, int error, String name, IntSupplier call) {
    ws.WSASetLastError(0);
    int ret = call.getAsInt(); // on the task thread, now; assertAll only reports
    int actual = ws.WSAGetLastError();
    return () -> {
      assertEquals(SOCKET_ERROR, ret, name + " return");
      assertEquals(error, actual, name + " error");
    };
  }
}
