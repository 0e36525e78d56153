package org.wsemu.net;

import static org.wsemu.winsock.WinSock.WSAEACCES;
import static org.wsemu.winsock.WinSock.WSAEADDRINUSE;
import static org.wsemu.winsock.WinSock.WSAEADDRNOTAVAIL;
import static org.wsemu.winsock.WinSock.WSAECONNABORTED;
import static org.wsemu.winsock.WinSock.WSAECONNREFUSED;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;
import static org.wsemu.winsock.WinSock.WSAEHOSTUNREACH;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEISCONN;
import static org.wsemu.winsock.WinSock.WSAEMFILE;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;
import static org.wsemu.winsock.WinSock.WSAENETDOWN;
import static org.wsemu.winsock.WinSock.WSAENETUNREACH;
import static org.wsemu.winsock.WinSock.WSAENOBUFS;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock.WSAETIMEDOUT;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.util.Locale;

/** Maps the JDK's socket exceptions to Windows Sockets error codes. */
final class IoErrors {
  private IoErrors() {}

  /** The WSAE* code for an exception thrown by a channel operation. */
  static int code(Exception e) {
    if (e instanceof ClosedChannelException) {
      return WSAENOTSOCK;
    }
    if (e instanceof NotYetConnectedException) {
      return WSAENOTCONN;
    }
    if (e instanceof AlreadyConnectedException) {
      return WSAEISCONN;
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof BindException) {
      if (message.contains("in use")) {
        return WSAEADDRINUSE;
      }
      if (message.contains("permission")) {
        return WSAEACCES;
      }
      return WSAEADDRNOTAVAIL;
    }
    if (e instanceof ConnectException) {
      return message.contains("timed out") ? WSAETIMEDOUT : WSAECONNREFUSED;
    }
    if (e instanceof NoRouteToHostException) {
      return WSAEHOSTUNREACH;
    }
    if (e instanceof PortUnreachableException) {
      return WSAECONNRESET; // an ICMP port unreachable on UDP, as Windows reports it
    }
    if (message.contains("reset") || message.contains("broken pipe")) {
      return WSAECONNRESET;
    }
    if (message.contains("aborted")) {
      return WSAECONNABORTED;
    }
    if (message.contains("timed out")) {
      return WSAETIMEDOUT;
    }
    if (message.contains("network is unreachable")) {
      return WSAENETUNREACH;
    }
    if (message.contains("cannot assign")) {
      return WSAEADDRNOTAVAIL;
    }
    if (message.contains("too long")) {
      return WSAEMSGSIZE;
    }
    if (message.contains("too many open files")) {
      return WSAEMFILE;
    }
    if (message.contains("no buffer space")) {
      return WSAENOBUFS;
    }
    if (message.contains("permission denied")) {
      return WSAEACCES;
    }
    if (e instanceof IllegalArgumentException) {
      return WSAEINVAL;
    }
    return e instanceof IOException ? WSAENETDOWN : WSAEINVAL;
  }
}
