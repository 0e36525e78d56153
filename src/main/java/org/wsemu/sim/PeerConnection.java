package org.wsemu.sim;

import java.time.Duration;

/**
 * One connection as a {@link Peer} sees it. Results follow the network's conventions: counts,
 * 0 at the end of the stream, {@code -WSAEWOULDBLOCK} when nothing waits, {@code -WSAE*} errors.
 *
 * <p>Thread-safe, but meant for the peer's own callbacks.
 */
public interface PeerConnection {
  /** Reads what has arrived, up to {@code len} bytes: the count, 0 at the end of the stream, or -error. */
  int read(byte[] buffer, int offset, int len);

  /** Whether the other side closed (everything read) or the connection was reset. */
  boolean atEnd();

  /** Queues {@code data}; it goes out as fast as the other side's window allows. */
  void send(byte[] data);

  /** Bytes queued by {@link #send} that have not gone into the network yet. */
  int unsent();

  /** Runs {@code action} once everything queued has gone into the network (at once if nothing is queued). */
  void whenSent(Runnable action);

  /** Ends sending: a FIN follows what is queued. */
  void shutdownOutput();

  /** Closes gracefully: what is queued still goes, then the FIN; what arrives later is answered with a RST. */
  void close();

  /** Resets the connection at once (RST); what is queued is lost. */
  void reset();

  /** Whether {@link #close} or {@link #reset} was called, or the network stopped. */
  boolean isClosed();

  /** Runs {@code action} after {@code delay} on the emulator's clock, unless the connection is closed by then. */
  void after(Duration delay, Runnable action);

  /** The emulator's clock, in milliseconds. */
  long now();

  /** This end's address, "a.b.c.d:port". */
  String localAddress();

  /** The other end's address, "a.b.c.d:port". */
  String remoteAddress();
}
