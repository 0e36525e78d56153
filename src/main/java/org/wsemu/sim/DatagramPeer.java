package org.wsemu.sim;

import java.time.Duration;

/**
 * A ready-made UDP peer on a simulated host, installed with {@link SimulatedNetwork#listenDatagrams}.
 * Same threading as {@link Peer}: network side, never blocking.
 */
@FunctionalInterface
public interface DatagramPeer {
  /** A datagram arrived; {@code reply} answers its sender. */
  void received(byte[] data, Reply reply);

  /** Answers the sender of one datagram. */
  interface Reply {
    /** Sends a datagram back now. */
    void send(byte[] data);

    /** Sends a datagram back after {@code delay} on the emulator's clock. */
    void sendAfter(Duration delay, byte[] data);

    /** The sender's address, "a.b.c.d:port". */
    String from();

    /** The emulator's clock, in milliseconds. */
    long now();
  }
}
