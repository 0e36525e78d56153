package org.wsemu.net.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.net.NetError.*;

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

/** The JDK's documented socket exceptions and the network errors they stand for. */
class IoErrorsTest {

  @Test
  void aClosedChannelIsNeverNotASocket() {
    assertEquals(CLOSED, IoErrors.error(new AsynchronousCloseException()), "closed during the call");
    assertEquals(CLOSED, IoErrors.error(new ClosedByInterruptException()));
    assertEquals(NOT_CONNECTED, IoErrors.error(new ClosedChannelException()), "no connection left");
  }

  @Test
  void exceptionsAreClassifiedByTheirType() {
    assertEquals(TIMED_OUT, IoErrors.error(new SocketTimeoutException()));
    assertEquals(HOST_UNREACHABLE, IoErrors.error(new NoRouteToHostException()));
    assertEquals(RESET, IoErrors.error(new PortUnreachableException()));
    assertEquals(REFUSED, IoErrors.error(new ConnectException()));
    assertEquals(ADDRESS_NOT_AVAILABLE, IoErrors.error(new BindException()));
  }

  @Test
  void messageTextDecidesOnlyWhereTheJdkGivesNoType() {
    assertEquals(RESET, IoErrors.error(new SocketException("Connection reset")));
    assertEquals(RESET, IoErrors.error(new IOException("Connection reset by peer")));
    assertEquals(RESET, IoErrors.error(new IOException("Broken pipe")));
    assertEquals(NETWORK_UNREACHABLE, IoErrors.error(new SocketException("Network is unreachable")));
    assertEquals(TOO_MANY_OPEN, IoErrors.error(new IOException("Too many open files")));
    assertEquals(TIMED_OUT, IoErrors.error(new ConnectException("Connection timed out")));
    assertEquals(ADDRESS_IN_USE, IoErrors.error(new BindException("Address already in use")));
    assertEquals(ACCESS_DENIED, IoErrors.error(new BindException("Permission denied")));
    assertEquals(NETWORK_DOWN, IoErrors.error(new IOException("Input/output error")));
    assertEquals(NETWORK_DOWN, IoErrors.error(new IOException()), "no message at all");
  }

  @Test
  void theDocumentedUncheckedChannelExceptionsHaveTheirCodes() {
    assertEquals(NOT_CONNECTED, IoErrors.error(new NotYetConnectedException()));
    assertEquals(ALREADY_CONNECTED, IoErrors.error(new AlreadyConnectedException()));
    assertEquals(CONNECTION_PENDING, IoErrors.error(new ConnectionPendingException()));
    assertEquals(NOT_CONNECTED, IoErrors.error(new NoConnectionPendingException()));
    assertEquals(INVALID, IoErrors.error(new AlreadyBoundException()));
    assertEquals(INVALID, IoErrors.error(new NotYetBoundException()));
    assertEquals(ADDRESS_NOT_AVAILABLE, IoErrors.error(new UnresolvedAddressException()));
    assertEquals(ADDRESS_FAMILY_NOT_SUPPORTED, IoErrors.error(new UnsupportedAddressTypeException()));
    assertEquals(INVALID, IoErrors.error(new IllegalArgumentException("bad option value")));
    assertEquals(OPTION_NOT_SUPPORTED, IoErrors.error(new UnsupportedOperationException("option")));
  }

  @Test
  void aProgrammingErrorIsNotANetworkError() {
    NullPointerException npe = new NullPointerException("a bug");
    assertEquals(npe, assertThrows(NullPointerException.class, () -> IoErrors.error(npe)));
    IllegalStateException ise = new IllegalStateException("a bug");
    assertEquals(ise, assertThrows(IllegalStateException.class, () -> IoErrors.error(ise)));
  }
}
