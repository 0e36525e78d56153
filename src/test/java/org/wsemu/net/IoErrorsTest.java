package org.wsemu.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.winsock.WinSock.*;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import org.junit.jupiter.api.Test;

/** The JDK's documented socket exceptions and the Winsock errors they stand for. */
class IoErrorsTest {

  @Test
  void aClosedChannelIsNeverNotASocket() {
    assertEquals(WSAEINTR, IoErrors.code(new AsynchronousCloseException()), "closed during the call");
    assertEquals(WSAEINTR, IoErrors.code(new ClosedByInterruptException()));
    assertEquals(WSAENOTCONN, IoErrors.code(new ClosedChannelException()), "no connection left");
  }

  @Test
  void exceptionsAreClassifiedByTheirType() {
    assertEquals(WSAETIMEDOUT, IoErrors.code(new SocketTimeoutException()));
    assertEquals(WSAEHOSTUNREACH, IoErrors.code(new NoRouteToHostException()));
    assertEquals(WSAECONNRESET, IoErrors.code(new PortUnreachableException()));
    assertEquals(WSAECONNREFUSED, IoErrors.code(new ConnectException()));
    assertEquals(WSAEADDRNOTAVAIL, IoErrors.code(new BindException()));
  }

  @Test
  void messageTextDecidesOnlyWhereTheJdkGivesNoType() {
    assertEquals(WSAECONNRESET, IoErrors.code(new SocketException("Connection reset")));
    assertEquals(WSAECONNRESET, IoErrors.code(new IOException("Connection reset by peer")));
    assertEquals(WSAECONNRESET, IoErrors.code(new IOException("Broken pipe")));
    assertEquals(WSAENETUNREACH, IoErrors.code(new SocketException("Network is unreachable")));
    assertEquals(WSAEMFILE, IoErrors.code(new IOException("Too many open files")));
    assertEquals(WSAETIMEDOUT, IoErrors.code(new ConnectException("Connection timed out")));
    assertEquals(WSAEADDRINUSE, IoErrors.code(new BindException("Address already in use")));
    assertEquals(WSAEACCES, IoErrors.code(new BindException("Permission denied")));
    assertEquals(WSAENETDOWN, IoErrors.code(new IOException("Input/output error")));
    assertEquals(WSAENETDOWN, IoErrors.code(new IOException()), "no message at all");
  }

  @Test
  void theDocumentedUncheckedChannelExceptionsHaveTheirCodes() {
    assertEquals(WSAENOTCONN, IoErrors.code(new NotYetConnectedException()));
    assertEquals(WSAEISCONN, IoErrors.code(new AlreadyConnectedException()));
    assertEquals(WSAEALREADY, IoErrors.code(new ConnectionPendingException()));
    assertEquals(WSAENOTCONN, IoErrors.code(new NoConnectionPendingException()));
    assertEquals(WSAEINVAL, IoErrors.code(new AlreadyBoundException()));
    assertEquals(WSAEINVAL, IoErrors.code(new NotYetBoundException()));
    assertEquals(WSAEADDRNOTAVAIL, IoErrors.code(new UnresolvedAddressException()));
    assertEquals(WSAEAFNOSUPPORT, IoErrors.code(new UnsupportedAddressTypeException()));
    assertEquals(WSAEINVAL, IoErrors.code(new IllegalArgumentException("bad option value")));
    assertEquals(WSAENOPROTOOPT, IoErrors.code(new UnsupportedOperationException("option")));
  }

  @Test
  void aProgrammingErrorIsNotANetworkError() {
    NullPointerException npe = new NullPointerException("a bug");
    assertEquals(npe, assertThrows(NullPointerException.class, () -> IoErrors.code(npe)));
    IllegalStateException ise = new IllegalStateException("a bug");
    assertEquals(ise, assertThrows(IllegalStateException.class, () -> IoErrors.code(ise)));
  }
}
