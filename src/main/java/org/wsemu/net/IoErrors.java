package org.wsemu.net;

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
import static org.wsemu.winsock.WinSock.WSAETIMEDOUT;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Locale;

/**
 * Maps the JDK's documented socket exceptions to Windows Sockets error codes: by type wherever the
 * JDK gives one, by message text only where it does not (a reset, a broken pipe, an unreachable
 * network arrive as plain {@link IOException}s or {@link java.net.SocketException}s, and
 * {@link BindException} and {@link ConnectException} each stand for several errors). A closed
 * channel is never WSAENOTSOCK: the program may still hold the socket; closed during the call is
 * WSAEINTR, as for a call that closesocket ends.
 *
 * <p>Only exceptions of the JDK's socket and channel contracts are mapped. Anything else (a
 * {@link NullPointerException}, a bare {@link IllegalStateException}) is a bug of the emulator and
 * is rethrown as it is.
 *
 * <p>Stateless and thread-safe.
 */
final class IoErrors {
  private IoErrors() {}

  /**
   * The WSAE* code for an exception a socket channel operation threw.
   *
   * @throws RuntimeException {@code e} itself, when it is not one of the JDK's documented socket
   *     or channel exceptions
   */
  static int code(Exception e) {
    if (e instanceof IOException io) {
      return checked(io);
    }
    int code = e instanceof RuntimeException r ? unchecked(r) : 0;
    if (code == 0) {
      throw e instanceof RuntimeException r ? r : new IllegalArgumentException("not a socket exception: " + e, e);
    }
    return code;
  }

  private static int checked(IOException e) {
    if (e instanceof AsynchronousCloseException) {
      return WSAEINTR; // closed (or the thread interrupted) during the call
    }
    if (e instanceof ClosedChannelException) {
      return WSAENOTCONN; // the JDK closes a channel whose connection failed
    }
    if (e instanceof SocketTimeoutException) {
      return WSAETIMEDOUT;
    }
    if (e instanceof NoRouteToHostException) {
      return WSAEHOSTUNREACH;
    }
    if (e instanceof PortUnreachableException) {
      return WSAECONNRESET; // an ICMP port unreachable on UDP, as Windows reports it
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof BindException) { // EADDRINUSE, EADDRNOTAVAIL and EACCES all become one
      if (message.contains("in use")) {
        return WSAEADDRINUSE;
      }
      return message.contains("permission") ? WSAEACCES : WSAEADDRNOTAVAIL;
    }
    if (e instanceof ConnectException) { // ECONNREFUSED and ETIMEDOUT likewise
      return message.contains("timed out") ? WSAETIMEDOUT : WSAECONNREFUSED;
    }
    return byMessage(message);
  }

  /** The errors the JDK reports only as text, taken from the operating system's strerror. */
  private static int byMessage(String message) {
    if (message.contains("connection reset") || message.contains("broken pipe")) {
      return WSAECONNRESET;
    }
    if (message.contains("connection aborted")) {
      return WSAECONNABORTED;
    }
    if (message.contains("timed out")) {
      return WSAETIMEDOUT;
    }
    if (message.contains("network is unreachable")) {
      return WSAENETUNREACH;
    }
    if (message.contains("no route to host")) {
      return WSAEHOSTUNREACH;
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
    return WSAENETDOWN; // an I/O failure nothing above names
  }

  /** The documented unchecked exceptions of the channel operations, or 0 for any other. */
  private static int unchecked(RuntimeException e) {
    if (e instanceof NotYetConnectedException || e instanceof NoConnectionPendingException) {
      return WSAENOTCONN;
    }
    if (e instanceof AlreadyConnectedException) {
      return WSAEISCONN;
    }
    if (e instanceof ConnectionPendingException) {
      return WSAEALREADY;
    }
    if (e instanceof AlreadyBoundException || e instanceof NotYetBoundException) {
      return WSAEINVAL;
    }
    if (e instanceof UnresolvedAddressException) {
      return WSAEADDRNOTAVAIL;
    }
    if (e instanceof UnsupportedAddressTypeException) {
      return WSAEAFNOSUPPORT;
    }
    if (e instanceof UnsupportedOperationException) {
      return WSAENOPROTOOPT; // setOption: the channel does not support the option
    }
    if (e.getClass() == IllegalArgumentException.class) {
      return WSAEINVAL; // setOption: a value the option cannot take
    }
    return 0;
  }
}
