package org.wsemu.net;

/**
 * A non-blocking UDP endpoint. See {@link Network} for the result conventions.
 *
 * <p>Thread-safe.
 */
public interface UdpEndpoint {
  /** Sets SO_RCVBUF, SO_SNDBUF, SO_BROADCAST or SO_REUSEADDR (WinSock values); 0 or -error. */
  int setOption(int option, int value);

  /** The value of one of the options above, or -error. */
  int getOption(int option);

  /** Binds to {@code ip:port} (host order; port 0 picks an ephemeral port); 0 or -error. */
  int bind(int ip, int port);

  /** Sets the default peer, and receives only from it: 0 or -error. */
  int connect(int ip, int port);

  /** Sends one datagram to {@code ip:port}: the length, or -error (-WSAEMSGSIZE when too large). */
  int send(byte[] buffer, int offset, int len, int ip, int port);

  /**
   * Receives one datagram, copying at most {@code len} bytes of it.
   *
   * @param from receives the sender's address and port (host order) in elements 0 and 1
   * @return the datagram's full length (more than {@code len} when it was truncated), or -error
   */
  int receive(byte[] buffer, int offset, int len, int[] from);

  /** Closes. */
  void close();

  /** Local address, host order; 0 if unbound. */
  int localIp();

  /** Local port; 0 if unbound. */
  int localPort();

  /**
   * Calls {@code onReady} once, on a network thread, as soon as one of {@code ops}
   * ({@link Readiness} READ or WRITE) holds. If one holds already (a closed endpoint holds them
   * all) that is soon, but never on the calling thread before this method returns: the real
   * network runs it on its selector thread, the simulated one from the emulator's timer queue (the
   * timer thread, or with a virtual clock the scheduler). It must only enqueue and wake; an
   * exception it throws is reported at the emulator's callback boundary. After
   * {@link Network#shutdown()} nothing waits any more: a callback asked for then may run at once, or
   * never.
   */
  void notifyWhen(int ops, Runnable onReady);
}
