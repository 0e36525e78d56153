package org.wsemu.net.nio;

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
import org.wsemu.net.NetError;

/**
 * Maps the JDK's documented socket exceptions to {@link NetError}s: by type wherever the
 * JDK gives one, by message text only where it does not (a reset, a broken pipe, an unreachable
 * network arrive as plain {@link IOException}s or {@link java.net.SocketException}s, and
 * {@link BindException} and {@link ConnectException} each stand for several errors). A closed
 * channel is {@link NetError#NOT_CONNECTED} (the JDK closes a channel whose connection failed);
 * closed during the call is {@link NetError#CLOSED}.
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
   * The error an exception a socket channel operation threw stands for.
   *
   * @throws RuntimeException {@code e} itself, when it is not one of the JDK's documented socket
   *     or channel exceptions
   */
  static NetError error(Exception e) {
    if (e instanceof IOException io) {
      return checked(io);
    }
    NetError error = e instanceof RuntimeException r ? unchecked(r) : null;
    if (error == null) {
      throw e instanceof RuntimeException r ? r : new IllegalArgumentException("not a socket exception: " + e, e);
    }
    return error;
  }

  /** {@link #error} as an endpoint result. */
  static int result(Exception e) {
    return error(e).result();
  }

  private static NetError checked(IOException e) {
    if (e instanceof AsynchronousCloseException) {
      return NetError.CLOSED; // closed (or the thread interrupted) during the call
    }
    if (e instanceof ClosedChannelException) {
      return NetError.NOT_CONNECTED; // the JDK closes a channel whose connection failed
    }
    if (e instanceof SocketTimeoutException) {
      return NetError.TIMED_OUT;
    }
    if (e instanceof NoRouteToHostException) {
      return NetError.HOST_UNREACHABLE;
    }
    if (e instanceof PortUnreachableException) {
      return NetError.RESET; // an ICMP port unreachable on UDP, as Windows reports it: a reset
    }
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof BindException) { // EADDRINUSE, EADDRNOTAVAIL and EACCES all become one
      if (message.contains("in use")) {
        return NetError.ADDRESS_IN_USE;
      }
      return message.contains("permission") ? NetError.ACCESS_DENIED : NetError.ADDRESS_NOT_AVAILABLE;
    }
    if (e instanceof ConnectException) { // ECONNREFUSED and ETIMEDOUT likewise
      return message.contains("timed out") ? NetError.TIMED_OUT : NetError.REFUSED;
    }
    return byMessage(message);
  }

  /** The errors the JDK reports only as text, taken from the operating system's strerror. */
  private static NetError byMessage(String message) {
    if (message.contains("connection reset") || message.contains("broken pipe")) {
      return NetError.RESET;
    }
    if (message.contains("connection aborted")) {
      return NetError.ABORTED;
    }
    if (message.contains("timed out")) {
      return NetError.TIMED_OUT;
    }
    if (message.contains("network is unreachable")) {
      return NetError.NETWORK_UNREACHABLE;
    }
    if (message.contains("no route to host")) {
      return NetError.HOST_UNREACHABLE;
    }
    if (message.contains("cannot assign")) {
      return NetError.ADDRESS_NOT_AVAILABLE;
    }
    if (message.contains("too long")) {
      return NetError.MESSAGE_TOO_BIG;
    }
    if (message.contains("too many open files")) {
      return NetError.TOO_MANY_OPEN;
    }
    if (message.contains("no buffer space")) {
      return NetError.NO_BUFFERS;
    }
    if (message.contains("permission denied")) {
      return NetError.ACCESS_DENIED;
    }
    return NetError.NETWORK_DOWN; // an I/O failure nothing above names
  }

  /** The documented unchecked exceptions of the channel operations, or null for any other. */
  private static NetError unchecked(RuntimeException e) {
    if (e instanceof NotYetConnectedException || e instanceof NoConnectionPendingException) {
      return NetError.NOT_CONNECTED;
    }
    if (e instanceof AlreadyConnectedException) {
      return NetError.ALREADY_CONNECTED;
    }
    if (e instanceof ConnectionPendingException) {
      return NetError.CONNECTION_PENDING;
    }
    if (e instanceof AlreadyBoundException || e instanceof NotYetBoundException) {
      return NetError.INVALID;
    }
    if (e instanceof UnresolvedAddressException) {
      return NetError.ADDRESS_NOT_AVAILABLE;
    }
    if (e instanceof UnsupportedAddressTypeException) {
      return NetError.ADDRESS_FAMILY_NOT_SUPPORTED;
    }
    if (e instanceof UnsupportedOperationException) {
      return NetError.OPTION_NOT_SUPPORTED; // setOption: the channel does not support the option
    }
    if (e.getClass() == IllegalArgumentException.class) {
      return NetError.INVALID; // setOption: a value the option cannot take
    }
    return null;
  }
}
