package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/** Every Winsock function of an application without WSAStartup fails with WSANOTINITIALISED. */
final class NotInitialised {
  private NotInitialised() {}

  /** Calls every function that has a gate on socket {@code s}, from a task; each must fail. */
  static void assertEveryCallFails(WinsockApi ws, int s) {
    byte[] buf = new byte[8];
    fd_set set = new fd_set();
    FD_SET(s, set);
    assertAll(
        fails(ws, "socket", INVALID_SOCKET, () -> ws.socket(AF_INET, SOCK_STREAM, 0)),
        fails(ws, "bind", SOCKET_ERROR, () -> ws.bind(s, loopback(0), sockaddr_in.SIZE)),
        fails(ws, "listen", SOCKET_ERROR, () -> ws.listen(s, 1)),
        fails(ws, "accept", INVALID_SOCKET, () -> ws.accept(s, null, null)),
        fails(ws, "connect", SOCKET_ERROR, () -> ws.connect(s, loopback(7), sockaddr_in.SIZE)),
        fails(ws, "send", SOCKET_ERROR, () -> ws.send(s, buf, 1, 0)),
        fails(ws, "sendto", SOCKET_ERROR, () -> ws.sendto(s, buf, 1, 0, loopback(7), sockaddr_in.SIZE)),
        fails(ws, "recv", SOCKET_ERROR, () -> ws.recv(s, buf, buf.length, 0)),
        fails(ws, "recvfrom", SOCKET_ERROR, () -> ws.recvfrom(s, buf, buf.length, 0, null, null)),
        fails(ws, "select", SOCKET_ERROR, () -> ws.select(0, set, null, null, new timeval(0, 0))),
        fails(ws, "closesocket", SOCKET_ERROR, () -> ws.closesocket(s)),
        fails(ws, "shutdown", SOCKET_ERROR, () -> ws.shutdown(s, 2)),
        fails(ws, "getsockopt", SOCKET_ERROR, () -> ws.getsockopt(s, SOL_SOCKET, SO_TYPE, new IntRef(), new IntRef(4))),
        fails(ws, "setsockopt", SOCKET_ERROR, () -> ws.setsockopt(s, SOL_SOCKET, SO_DEBUG, new IntRef(1), 4)),
        fails(ws, "getsockname", SOCKET_ERROR, () -> ws.getsockname(s, new sockaddr_in(), new IntRef(16))),
        fails(ws, "getpeername", SOCKET_ERROR, () -> ws.getpeername(s, new sockaddr_in(), new IntRef(16))),
        fails(ws, "ioctlsocket", SOCKET_ERROR, () -> ws.ioctlsocket(s, FIONBIO, new IntRef(1))),
        fails(ws, "gethostname", SOCKET_ERROR, () -> ws.gethostname(new byte[64], 64)),
        failsNull(ws, "gethostbyname", () -> ws.gethostbyname("localhost")),
        failsNull(ws, "gethostbyaddr", () -> ws.gethostbyaddr(new byte[] {127, 0, 0, 1}, 4, AF_INET)),
        failsNull(ws, "getservbyname", () -> ws.getservbyname("echo", "tcp")),
        failsNull(ws, "getservbyport", () -> ws.getservbyport(htons(7), "tcp")),
        failsNull(ws, "getprotobyname", () -> ws.getprotobyname("tcp")),
        failsNull(ws, "getprotobynumber", () -> ws.getprotobynumber(IPPROTO_TCP)),
        failsNull(ws, "WSASetBlockingHook", () -> ws.WSASetBlockingHook(() -> false)),
        fails(ws, "WSAUnhookBlockingHook", SOCKET_ERROR, ws::WSAUnhookBlockingHook),
        fails(ws, "WSACancelBlockingCall", SOCKET_ERROR, ws::WSACancelBlockingCall),
        fails(ws, "WSACleanup", SOCKET_ERROR, ws::WSACleanup));
  }

  private static Executable fails(WinsockApi ws, String name, int failure, IntSupplier call) {
    // evaluated now, on the task thread; assertAll only reports
    ws.WSASetLastError(0);
    int ret = call.getAsInt();
    int error = ws.WSAGetLastError();
    return () -> {
      assertEquals(failure, ret, name + " return");
      assertEquals(WSANOTINITIALISED, error, name + " error");
    };
  }

  private static Executable failsNull(WinsockApi ws, String name, Supplier<?> call) {
    ws.WSASetLastError(0);
    Object ret = call.get();
    int error = ws.WSAGetLastError();
    return () -> {
      assertNull(ret, name + " return");
      assertEquals(WSANOTINITIALISED, error, name + " error");
    };
  }
}
