package org.wsemu.sim;

/**
 * A growable ring of bytes: a socket buffer of the simulated network.
 *
 * <p>Not thread-safe: its owner's lock guards it.
 */
final class ByteQueue {
  private byte[] ring = new byte[256];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Appends {@code len} bytes of {@code source} from {@code offset}. */
  void put(byte[] source, int offset, int len) {
    ensure(size + len);
    int tail = (head + size) % ring.length;
    int first = Math.min(len, ring.length - tail);
    System.arraycopy(source, offset, ring, tail, first);
    System.arraycopy(source, offset + first, ring, 0, len - first);
    size += len;
  }

  /** Appends one byte. */
  void put(byte value) {
    ensure(size + 1);
    ring[(head + size) % ring.length] = value;
    size++;
  }

  /** Copies up to {@code len} bytes out, removing them unless {@code peek}; returns the count. */
  int take(byte[] target, int offset, int len, boolean peek) {
    int n = Math.min(len, size);
    int first = Math.min(n, ring.length - head);
    System.arraycopy(ring, head, target, offset, first);
    System.arraycopy(ring, 0, target, offset + first, n - first);
    if (!peek) {
      skip(n);
    }
    return n;
  }

  /** Removes and returns the first {@code len} bytes (at most {@link #size}). */
  byte[] take(int len) {
    byte[] out = new byte[Math.min(len, size)];
    take(out, 0, out.length, false);
    return out;
  }

  /** Drops the first {@code n} bytes. */
  void skip(int n) {
    head = (head + n) % ring.length;
    size -= n;
    if (size == 0) {
      head = 0;
    }
  }

  void clear() {
    head = 0;
    size = 0;
  }

  private void ensure(int capacity) {
    if (capacity <= ring.length) {
      return;
    }
    int grown = ring.length;
    while (grown < capacity) {
      grown *= 2;
    }
    byte[] bigger = new byte[grown];
    take(bigger, 0, size, true);
    ring = bigger;
    head = 0;
  }
}
