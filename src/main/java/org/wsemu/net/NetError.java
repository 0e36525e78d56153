package org.wsemu.net;

/**
 * What a network reports when a transport operation does not succeed: the conditions of the
 * transport itself (a refused or reset connection, a port in use, an unreachable host), in the
 * network's own vocabulary. The Winsock layer maps each to the Windows Sockets error a program
 * sees; a network never decides Winsock's rules (which calls a socket's state allows), only what
 * its transport did.
 *
 * <p>An endpoint method that returns an int answers a non-negative value on success and
 * {@link #result()} on failure, so that the common outcomes cost no allocation:
 *
 * <pre>{@code
 * import org.wsemu.net.NetError;
 * import org.wsemu.net.TcpEndpoint;
 *
 * boolean nothingYet(TcpEndpoint endpoint, byte[] buffer) {
 *   int n = endpoint.read(buffer, 0, buffer.length);
 *   return n < 0 && NetError.of(n) == NetError.WOULD_BLOCK; // then wait for Readiness.READ
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum NetError {
  /** The operation cannot complete now (no data, no room, a connection still in progress). */
  WOULD_BLOCK,
  /**
   * The endpoint was closed before or during the operation: by another thread, or (on the real
   * network) because the calling thread was interrupted.
   */
  CLOSED,
  /** The connection attempt was refused (a RST answered the SYN). */
  REFUSED,
  /** The peer reset the connection. */
  RESET,
  /** This end gave the connection up (it sent the reset). */
  ABORTED,
  /** The connection attempt, or the connection, timed out. */
  TIMED_OUT,
  /** No route to the network. */
  NETWORK_UNREACHABLE,
  /** No route to the host. */
  HOST_UNREACHABLE,
  /** The network itself failed. */
  NETWORK_DOWN,
  /** The local address and port are taken. */
  ADDRESS_IN_USE,
  /** The address is not one of this host's, or cannot be reached from where the endpoint is bound. */
  ADDRESS_NOT_AVAILABLE,
  /** The address is not an IPv4 one. */
  ADDRESS_FAMILY_NOT_SUPPORTED,
  /** The operating system denied the operation (a privileged port, a broadcast it does not allow). */
  ACCESS_DENIED,
  /** The endpoint has no connection (the operating system says so, or the connection is gone). */
  NOT_CONNECTED,
  /** The operating system reports the endpoint connected already. */
  ALREADY_CONNECTED,
  /** The operating system reports a connection attempt in progress already. */
  CONNECTION_PENDING,
  /** The network shut the sending side down (a simulated peer close). */
  SHUT_DOWN,
  /** The datagram is larger than the network carries. */
  MESSAGE_TOO_BIG,
  /** No buffer space, or no ephemeral port, is left. */
  NO_BUFFERS,
  /** The process has no file descriptor left. */
  TOO_MANY_OPEN,
  /** The operating system does not support the transport option. */
  OPTION_NOT_SUPPORTED,
  /**
   * The operating system rejected an argument or the endpoint's state; or the network cannot do
   * what was asked (read urgent data apart from the stream, where it keeps none apart).
   */
  INVALID;

  private static final NetError[] VALUES = values();

  /** This error as the negative result of an endpoint method. */
  public int result() {
    return -1 - ordinal();
  }

  /**
   * The error a negative endpoint result stands for.
   *
   * @throws IllegalArgumentException if {@code result} is not one of the {@link #result()} values
   */
  public static NetError of(int result) {
    int index = -1 - result;
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException("not a NetError result: " + result);
    }
    return VALUES[index];
  }
}
