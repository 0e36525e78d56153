package org.wsemu.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles. Not thread-safe. */
final class Samples {
  private final long[] values;
  private int count;

  Samples(int capacity) {
    values = new long[capacity];
  }

  void add(long nanos) {
    if (count < values.length) {
      values[count++] = nanos;
    }
  }

  int count() {
    return count;
  }

  /** The {@code p}-th percentile (0..100) in microseconds. */
  double percentileMicros(double p) {
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
    return sorted[index] / 1000.0;
  }
}
