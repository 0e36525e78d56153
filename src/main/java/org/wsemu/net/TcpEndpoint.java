package org.wsemu.net;

/**
 * A non-blocking TCP endpoint. See {@link Network} for the conventions: results non-negative on
 * success, a {@link NetError#result()} on failure; a call the endpoint's state does not allow
 * throws {@link IllegalStateException}.
 *
 * <p>Its states: new; bound ({@link #bind}, or a connection attempt that failed: the endpoint
 * keeps the port the attempt took); listening; connecting; connected (by {@link #finishConnect},
 * or made by {@link #accept}); closed.
 *
 * <p>Thread-safe: a reader and a writer may use it at once, as Winsock allows.
 */
public interface TcpEndpoint {
  /**
   * Sets an option that {@link TransportOption#forTcp()}: 0 or an error.
   *
   * @throws IllegalArgumentException for a UDP-only option
   */
  int setOption(TransportOption option, int value);

  /**
   * The value of an option that {@link TransportOption#forTcp()}, or an error.
   *
   * @throws IllegalArgumentException for a UDP-only option
   */
  int getOption(TransportOption option);

  /**
   * Binds a new endpoint to {@code ip:port} (host order; port 0 picks an ephemeral port): 0 or an
   * error ({@link NetError#ADDRESS_IN_USE}, {@link NetError#ADDRESS_NOT_AVAILABLE}...).
   */
  int bind(int ip, int port);

  /** Starts listening on a bound endpoint: 0 or an error. */
  int listen(int backlog);

  /**
   * Takes a pending connection of a listening endpoint.
   *
   * @return the connected endpoint, or {@code null} if none is pending
   * @throws NetException if accepting failed
   */
  TcpEndpoint accept() throws NetException;

  /**
   * Starts connecting a new or bound endpoint (a new one is bound to an ephemeral port first): 0
   * if connected at once, {@link NetError#WOULD_BLOCK} if in progress, or an error.
   */
  int connect(int ip, int port);

  /**
   * Completes a connection in progress: 0 connected, {@link NetError#WOULD_BLOCK} still pending,
   * or why the attempt failed ({@link NetError#REFUSED}, {@link NetError#TIMED_OUT}...), once;
   * the endpoint is bound again then.
   */
  int finishConnect();

  /** Reads up to {@code len} bytes: the count, 0 at end of stream, or an error. */
  int read(byte[] buffer, int offset, int len);

  /** Writes up to {@code len} bytes: the count written (at least 1), or an error. */
  int write(byte[] buffer, int offset, int len);

  /** Sends one byte of urgent (out-of-band) data: 1 or an error. */
  int sendUrgent(int data);

  /**
   * Takes the urgent byte received apart from the stream: the byte (0..255),
   * {@link NetError#WOULD_BLOCK} if none waits, or {@link NetError#INVALID} where the endpoint
   * holds no urgent data apart ({@link TransportOption#OOB_INLINE} on, or a network that cannot).
   */
  int readUrgent();

  /** SIOCATMARK: whether no urgent data waits to be read (or, in line, the next byte is not it). */
  boolean atMark();

  /**
   * Bytes written that have not reached the peer yet, as far as this network can tell: the
   * simulated network knows; the real one hands data to the operating system and cannot see
   * further, so it always answers 0. {@link Readiness#SENT} reports when this becomes 0.
   */
  int unsentBytes();

  /** {@link #peerEnd}: the network cannot tell before everything ahead of the end has been read. */
  int END_UNKNOWN = -1;

  /**
   * Whether the peer's end of the stream has arrived, its FIN or a reset, even if data sent before
   * it has not been read yet: 1 if it has, 0 if not, or {@link #END_UNKNOWN} where the network
   * learns of the end only by reading up to it (the real network: the operating system's socket
   * reports it that way). Networks that tell report the moment with {@link Readiness#END}.
   */
  default int peerEnd() {
    return END_UNKNOWN;
  }

  /** Stops receiving: 0 or an error. */
  int shutdownInput();

  /** Stops sending (FIN after the queued data): 0 or an error. */
  int shutdownOutput();

  /** Closes; with {@code abortive} the connection is reset (RST) and unsent data is lost. */
  void close(boolean abortive);

  /** Local address, host order; 0 if unbound. */
  int localIp();

  /** Local port; 0 if unbound. */
  int localPort();

  /** Peer address, host order; 0 if not connected. */
  int remoteIp();

  /** Peer port; 0 if not connected. */
  int remotePort();

  /**
   * Calls {@code onReady} once, on a network thread, as soon as one of {@code ops}
   * ({@link Readiness} bits) holds. If one holds already (a closed endpoint holds them all) that is
   * soon, but never on the calling thread before this method returns: the real network runs it on
   * its selector thread, the simulated one from the emulator's timer queue (the timer thread, or
   * with a virtual clock the scheduler). It must only enqueue and wake; an exception it throws is
   * reported at the emulator's callback boundary. After {@link Network#shutdown()} nothing waits
   * any more: a callback asked for then may run at once, or never.
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
