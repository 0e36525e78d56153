package org.wsemu.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * The character of a simulated link between two hosts: latency, jitter, bandwidth and datagram
 * loss. A link is symmetric; each direction serialises its own packets. Jitter and loss are drawn
 * from the network's seed. TCP segments never overtake each other, jitter or not (TCP delivers in
 * order); datagrams may arrive in any order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param latency one-way delay of every packet
 * @param jitter extra delay drawn uniformly from 0 to this, per packet
 * @param bytesPerSecond bandwidth of each direction; 0 for unlimited
 * @param datagramLoss probability (0 to 1) that a datagram is lost
 */
public record Link(Duration latency, Duration jitter, long bytesPerSecond, double datagramLoss) {

  /** The default link between two hosts: 1 ms latency, no jitter, unlimited bandwidth, no loss. */
  public static final Link DEFAULT = new Link(Duration.ofMillis(1), Duration.ZERO, 0, 0);

  /** A host talking to itself (loopback): no delay, unlimited bandwidth, no loss. */
  public static final Link LOOPBACK = new Link(Duration.ZERO, Duration.ZERO, 0, 0);

  /** Validates the values. */
  public Link {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency < 0: " + latency);
    }
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("jitter < 0: " + jitter);
    }
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("bytesPerSecond < 0: " + bytesPerSecond);
    }
    if (!(datagramLoss >= 0 && datagramLoss <= 1)) {
      throw new IllegalArgumentException("datagramLoss not in 0..1: " + datagramLoss);
    }
  }

  /** A link with this latency and nothing else. */
  public static Link latency(Duration latency) {
    return new Link(latency, Duration.ZERO, 0, 0);
  }

  /** This link with another latency. */
  public Link withLatency(Duration newLatency) {
    return new Link(newLatency, jitter, bytesPerSecond, datagramLoss);
  }

  /** This link with jitter. */
  public Link withJitter(Duration newJitter) {
    return new Link(latency, newJitter, bytesPerSecond, datagramLoss);
  }

  /** This link with a bandwidth limit (bytes per second, 0 unlimited). */
  public Link withBandwidth(long newBytesPerSecond) {
    return new Link(latency, jitter, newBytesPerSecond, datagramLoss);
  }

  /** This link losing datagrams with this probability. */
  public Link withDatagramLoss(double probability) {
    return new Link(latency, jitter, bytesPerSecond, probability);
  }
}
