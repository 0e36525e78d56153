package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINVAL;

import java.util.zip.CRC32;

/**
 * A scatter/gather list taken from a {@code WSABUF[]} argument when the call starts: each buffer's
 * array and length, so that a program that changes its {@link WSABUF} structures later does not
 * move an operation in progress (the bytes themselves are the program's, as in C).
 *
 * <p>Immutable list of mutable arrays: created on the calling task's thread; the arrays are read
 * and written under the socket's monitor by whichever thread moves the bytes.
 */
final class WsaBuffers {
  final byte[][] arrays;
  final int[] lengths;
  final int total;

  private WsaBuffers(byte[][] arrays, int[] lengths, int total) {
    this.arrays = arrays;
    this.lengths = lengths;
    this.total = total;
  }

  /**
   * Checks {@code count} buffers of {@code buffers}: -WSAEINVAL for a null array or a count below 1,
   * -WSAEFAULT for a count past the array's end, a null entry, a negative length, or an array
   * shorter than its declared length; else 0 and {@code out[0]} holds the list.
   */
  static int of(WSABUF[] buffers, int count, WsaBuffers[] out) {
    if (buffers == null || count <= 0) {
      return -WSAEINVAL;
    }
    if (count > buffers.length) {
      return -WSAEFAULT;
    }
    byte[][] arrays = new byte[count][];
    int[] lengths = new int[count];
    long total = 0;
    for (int i = 0; i < count; i++) {
      WSABUF b = buffers[i];
      if (b == null || b.len < 0 || (b.len > 0 && (b.buf == null || b.buf.length < b.len))) {
        return -WSAEFAULT;
      }
      arrays[i] = b.buf == null ? new byte[0] : b.buf;
      lengths[i] = b.len;
      total += b.len;
    }
    if (total > Integer.MAX_VALUE) {
      return -WSAEFAULT;
    }
    out[0] = new WsaBuffers(arrays, lengths, (int) total);
    return 0;
  }

  int count() {
    return arrays.length;
  }

  /** The bytes of every buffer, in order, in one new array (a datagram goes out in one piece). */
  byte[] gather() {
    byte[] all = new byte[total];
    int at = 0;
    for (int i = 0; i < arrays.length; i++) {
      System.arraycopy(arrays[i], 0, all, at, lengths[i]);
      at += lengths[i];
    }
    return all;
  }

  /** Copies {@code n} bytes of {@code data} into the buffers, in order. */
  void scatter(byte[] data, int n) {
    int at = 0;
    for (int i = 0; i < arrays.length && at < n; i++) {
      int k = Math.min(lengths[i], n - at);
      System.arraycopy(data, at, arrays[i], 0, k);
      at += k;
    }
  }

  /** A checksum of the bytes the buffers hold now (the checked mode's look at a send buffer). */
  long checksum() {
    CRC32 crc = new CRC32();
    for (int i = 0; i < arrays.length; i++) {
      crc.update(arrays[i], 0, lengths[i]);
    }
    return crc.getValue();
  }
}
