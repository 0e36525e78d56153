package org.wsemu.sim;

/**
 * Faults drawn from the network's seed, connection by connection: a refused connection, a reset
 * after a number of bytes, a slow reader. Datagram loss and jitter belong to {@link Link}. Every
 * drawn fault is traced (kind {@code FAULT}) where it is drawn.
 *
 * <p>Immutable and thread-safe.
 *
 * @param refuse probability that a connection attempt is refused although someone listens
 * @param reset probability that a connection is reset after a number of bytes
 * @param resetMinBytes fewest bytes before such a reset
 * @param resetMaxBytes most bytes before such a reset
 * @param slowReader probability that the accepting side of a connection reads slowly
 * @param slowReaderBytesPerSecond how fast such a reader takes data in
 */
public record RandomFaults(
    double refuse, double reset, long resetMinBytes, long resetMaxBytes, double slowReader,
    long slowReaderBytesPerSecond) {

  /** No faults. */
  public static final RandomFaults NONE = new RandomFaults(0, 0, 0, 0, 0, 1);

  /** Validates the values. */
  public RandomFaults {
    check("refuse", refuse);
    check("reset", reset);
    check("slowReader", slowReader);
    if (resetMinBytes < 0 || resetMaxBytes < resetMinBytes) {
      throw new IllegalArgumentException("reset bytes not 0 <= min <= max: " + resetMinBytes + ".." + resetMaxBytes);
    }
    if (slowReaderBytesPerSecond <= 0) {
      throw new IllegalArgumentException("slowReaderBytesPerSecond <= 0: " + slowReaderBytesPerSecond);
    }
  }

  private static void check(String name, double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(name + " not in 0..1: " + probability);
    }
  }

  /** These faults, with connection attempts refused with this probability. */
  public RandomFaults withRefuse(double probability) {
    return new RandomFaults(probability, reset, resetMinBytes, resetMaxBytes, slowReader, slowReaderBytesPerSecond);
  }

  /** These faults, with connections reset after {@code minBytes..maxBytes} with this probability. */
  public RandomFaults withReset(double probability, long minBytes, long maxBytes) {
    return new RandomFaults(refuse, probability, minBytes, maxBytes, slowReader, slowReaderBytesPerSecond);
  }

  /** These faults, with the accepting side reading at {@code bytesPerSecond} with this probability. */
  public RandomFaults withSlowReader(double probability, long bytesPerSecond) {
    return new RandomFaults(refuse, reset, resetMinBytes, resetMaxBytes, probability, bytesPerSecond);
  }
}
