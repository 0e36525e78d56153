package org.wsemu.sim;

import java.time.Duration;
import org.wsemu.net.NetError;

/**
 * One connection as a {@link Peer} sees it. Results follow the network's conventions: counts,
 * 0 at the end of the stream, {@link #WOULD_BLOCK} when nothing waits, and on failure another
 * negative value, the {@link NetError#result()} of what failed ({@link NetError#of} names it).
 *
 * <p>Thread-safe, but meant for the peer's own callbacks.
 */
public interface PeerConnection {
  /** What {@link #read} returns when nothing waits: {@link NetError#WOULD_BLOCK} as a result. */
  int WOULD_BLOCK = NetError.WOULD_BLOCK.result();

  /** Reads what has arrived, up to {@code len} bytes: the count, 0 at the end of the stream, or an error. */
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
