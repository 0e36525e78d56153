package org.wsemu.net;

/**
 * A non-blocking UDP endpoint. See {@link Network} for the conventions: results non-negative on
 * success, a {@link NetError#result()} on failure; a call the endpoint's state does not allow
 * throws {@link IllegalStateException}. Connecting or sending binds an unbound endpoint to an
 * ephemeral port first.
 *
 * <p>Thread-safe.
 */
public interface UdpEndpoint {
  /**
   * Sets an option that {@link TransportOption#forUdp()}: 0 or an error.
   *
   * @throws IllegalArgumentException for a TCP-only option
   */
  int setOption(TransportOption option, int value);

  /**
   * The value of an option that {@link TransportOption#forUdp()}, or an error.
   *
   * @throws IllegalArgumentException for a TCP-only option
   */
  int getOption(TransportOption option);

  /** Binds an unbound endpoint to {@code ip:port} (host order; port 0 picks an ephemeral port): 0 or an error. */
  int bind(int ip, int port);

  /** Sets the default peer, and receives only from it: 0 or an error. */
  int connect(int ip, int port);

  /**
   * Sends one datagram to {@code ip:port}: the length, or an error ({@link NetError#MESSAGE_TOO_BIG}
   * when it is larger than the network carries). The caller sends to the broadcast address
   * ({@code 0xFFFFFFFF}) only with {@link TransportOption#BROADCAST} on.
   */
  int send(byte[] buffer, int offset, int len, int ip, int port);

  /**
   * Receives one datagram, copying at most {@code len} bytes of it.
   *
   * @param from receives the sender's address and port (host order) in elements 0 and 1
   * @return the datagram's full length (more than {@code len} when it was truncated), or an error
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

  /**
   * The application has {@code bytes} of overlapped receive buffers posted on this endpoint (0:
   * none any more); the Winsock layer moves what arrives into them as soon as it is reported. A
   * network that can honour a receive buffer of 0 (SO_RCVBUF 0: data is accepted only into posted
   * buffers) takes in as much as is posted then; with a receive buffer this changes nothing. The
   * simulated network does so; the real network cannot (the operating system keeps its own
   * buffer, whatever the Java socket says) and ignores it. Default: ignored.
   */
  default void receivesPosted(int bytes) {}
}
