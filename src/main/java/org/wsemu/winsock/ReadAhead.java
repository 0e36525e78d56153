package org.wsemu.winsock;

import org.wsemu.internal.GuardedBy;

/**
 * Bytes of a stream read from the network before the program asked for them: what MSG_PEEK,
 * FIONREAD and select's readability had to look at without consuming. Receives take from here
 * first. It grows on demand up to {@link #MAX} bytes and holds nothing most of the time.
 *
 * <p>Not thread-safe; guarded by its socket.
 */
@GuardedBy("EmulatedSocket.this")
final class ReadAhead {
  /** The most that is read ahead: what FIONREAD can report at once. */
  static final int MAX = 64 * 1024;

  /** Reads into a range of an array: the count, 0 at end of stream, or -error. */
  @FunctionalInterface
  interface Source {
    int read(byte[] buffer, int offset, int len);
  }

  private byte[] bytes = new byte[0];
  private int start;
  private int end;

  int available() {
    return end - start;
  }

  /** Reads up to {@code want} more bytes from {@code source}: what the source returned. */
  int fill(Source source, int want) {
    int room = Math.min(MAX, Math.max(want, 4096));
    if (start == end) {
      start = 0;
      end = 0;
    }
    if (bytes.length - end < room) {
      byte[] grown = new byte[Math.max(end - start + room, 4096)];
      System.arraycopy(bytes, start, grown, 0, end - start);
      end -= start;
      start = 0;
      bytes = grown;
    }
    int r = source.read(bytes, end, bytes.length - end);
    if (r > 0) {
      end += r;
    }
    return r;
  }

  /** Copies up to {@code len} bytes out, consuming them unless {@code peek}: the count. */
  int take(byte[] buffer, int offset, int len, boolean peek) {
    int n = Math.min(len, end - start);
    System.arraycopy(bytes, start, buffer, offset, n);
    if (!peek) {
      start += n;
    }
    return n;
  }
}
