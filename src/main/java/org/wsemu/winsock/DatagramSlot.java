package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.UdpEndpoint;

/**
 * The one datagram a datagram socket received before the program asked for it, because it had to
 * be looked at without being consumed (MSG_PEEK, FIONREAD, select, FD_READ); the next recvfrom
 * takes it first. Boundaries are kept: a datagram longer than the caller's buffer fills it and is
 * reported as WSAEMSGSIZE.
 *
 * <p>Not thread-safe: guarded by its socket's monitor.
 */
@GuardedBy("EmulatedSocket.this")
final class DatagramSlot {
  private byte[] data;
  private int length = -1;
  private final int[] from = new int[2];

  /** Whether a datagram waits here. */
  boolean holds() {
    return length >= 0;
  }

  /** The length of the datagram waiting here, or 0. */
  int length() {
    return Math.max(length, 0);
  }

  /** Receives the next datagram from {@code endpoint} into the slot: 0, or -error ({@link EmulatedSocket#WOULD_BLOCK}: none). */
  int fill(UdpEndpoint endpoint) {
    if (data == null) {
      data = new byte[65536];
    }
    int size = NetErrors.result(endpoint.receive(data, 0, data.length, from));
    if (size < 0) {
      return size;
    }
    length = size;
    return 0;
  }

  /**
   * Copies the datagram waiting here into the caller's buffer, and its sender into {@code sender};
   * consumes it unless {@code peek}. Returns its length, or -WSAEMSGSIZE if it did not fit.
   */
  int take(byte[] buffer, int offset, int len, int[] sender, boolean peek) {
    int size = length;
    System.arraycopy(data, 0, buffer, offset, Math.min(len, size));
    sender[0] = from[0];
    sender[1] = from[1];
    if (!peek) {
      length = -1;
    }
    return size > len ? -WSAEMSGSIZE : size;
  }
}
