package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEACCES;
import static org.wsemu.winsock.WinSock.WSAEADDRINUSE;
import static org.wsemu.winsock.WinSock.WSAEADDRNOTAVAIL;
import static org.wsemu.winsock.WinSock.WSAEAFNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEALREADY;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;
import static org.wsemu.winsock.WinSock.WSAEHOSTUNREACH;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEISCONN;
import static org.wsemu.winsock.WinSock.WSAEMFILE;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;
import static org.wsemu.winsock.WinSock.WSAENETDOWN;
import static org.wsemu.winsock.WinSock.WSAENETUNREACH;
import static org.wsemu.winsock.WinSock.WSAENOBUFS;
import static org.wsemu.winsock.WinSock.WSAENOPROTOOPT;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAESHUTDOWN;
import static org.wsemu.winsock.WinSock.WSAETIMEDOUT;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;

import org.wsemu.net.NetError;

/**
 * The one place where the network's errors become Windows Sockets errors. A closed endpoint is
 * WSAEINTR: the call was ended by a closesocket, as 1.1 specifies for blocking calls.
 *
 * <p>Stateless and thread-safe.
 */
final class NetErrors {
  private NetErrors() {}

  /** The WSAE* code a program sees for {@code error}. */
  static int code(NetError error) {
    return switch (error) {
      case WOULD_BLOCK -> WSAEWOULDBLOCK;
      case CLOSED -> WSAEINTR;
      case REFUSED -> WSAECONNREFUSED;
      case RESET -> WSAECONNRESET;
      case ABORTED -> WSAECONNABORTED;
      case TIMED_OUT -> WSAETIMEDOUT;
      case NETWORK_UNREACHABLE -> WSAENETUNREACH;
      case HOST_UNREACHABLE -> WSAEHOSTUNREACH;
      case NETWORK_DOWN -> WSAENETDOWN;
      case ADDRESS_IN_USE -> WSAEADDRINUSE;
      case ADDRESS_NOT_AVAILABLE -> WSAEADDRNOTAVAIL;
      case ADDRESS_FAMILY_NOT_SUPPORTED -> WSAEAFNOSUPPORT;
      case ACCESS_DENIED -> WSAEACCES;
      case NOT_CONNECTED -> WSAENOTCONN;
      case ALREADY_CONNECTED -> WSAEISCONN;
      case CONNECTION_PENDING -> WSAEALREADY;
      case SHUT_DOWN -> WSAESHUTDOWN;
      case MESSAGE_TOO_BIG -> WSAEMSGSIZE;
      case NO_BUFFERS -> WSAENOBUFS;
      case TOO_MANY_OPEN -> WSAEMFILE;
      case OPTION_NOT_SUPPORTED -> WSAENOPROTOOPT;
      case INVALID -> WSAEINVAL;
    };
  }

  /**
   * An endpoint's result in the Winsock layer's convention: the value itself when it is not
   * negative, else the negated WSAE* code of its {@link NetError}.
   */
  static int result(int endpointResult) {
    return endpointResult >= 0 ? endpointResult : -code(NetError.of(endpointResult));
  }
}
