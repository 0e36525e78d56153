package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.*;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wsemu.net.NetError;

/** Every network error becomes the Windows Sockets error a program sees, in one place. */
class NetErrorsTest {

  @Test
  void everyNetworkErrorHasItsWinsockCode() {
    Map<NetError, Integer> expected = new EnumMap<>(NetError.class);
    expected.put(NetError.WOULD_BLOCK, WSAEWOULDBLOCK);
    expected.put(NetError.CLOSED, WSAEINTR);
    expected.put(NetError.REFUSED, WSAECONNREFUSED);
    expected.put(NetError.RESET, WSAECONNRESET);
    expected.put(NetError.ABORTED, WSAECONNABORTED);
    expected.put(NetError.TIMED_OUT, WSAETIMEDOUT);
    expected.put(NetError.NETWORK_UNREACHABLE, WSAENETUNREACH);
    expected.put(NetError.HOST_UNREACHABLE, WSAEHOSTUNREACH);
    expected.put(NetError.NETWORK_DOWN, WSAENETDOWN);
    expected.put(NetError.ADDRESS_IN_USE, WSAEADDRINUSE);
    expected.put(NetError.ADDRESS_NOT_AVAILABLE, WSAEADDRNOTAVAIL);
    expected.put(NetError.ADDRESS_FAMILY_NOT_SUPPORTED, WSAEAFNOSUPPORT);
    expected.put(NetError.ACCESS_DENIED, WSAEACCES);
    expected.put(NetError.NOT_CONNECTED, WSAENOTCONN);
    expected.put(NetError.ALREADY_CONNECTED, WSAEISCONN);
    expected.put(NetError.CONNECTION_PENDING, WSAEALREADY);
    expected.put(NetError.SHUT_DOWN, WSAESHUTDOWN);
    expected.put(NetError.MESSAGE_TOO_BIG, WSAEMSGSIZE);
    expected.put(NetError.NO_BUFFERS, WSAENOBUFS);
    expected.put(NetError.TOO_MANY_OPEN, WSAEMFILE);
    expected.put(NetError.OPTION_NOT_SUPPORTED, WSAENOPROTOOPT);
    expected.put(NetError.INVALID, WSAEINVAL);
    assertEquals(NetError.values().length, expected.size(), "every value is listed");
    for (NetError error : NetError.values()) {
      assertEquals(expected.get(error), NetErrors.code(error), error.name());
    }
  }

  @Test
  void anEndpointResultKeepsItsValueOrBecomesTheNegatedCode() {
    assertEquals(0, NetErrors.result(0));
    assertEquals(1460, NetErrors.result(1460));
    assertEquals(-WSAEWOULDBLOCK, NetErrors.result(NetError.WOULD_BLOCK.result()));
    assertEquals(-WSAECONNRESET, NetErrors.result(NetError.RESET.result()));
  }
}
