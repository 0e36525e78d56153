package org.wsemu.winsock;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;

/**
 * The receive side of a stream socket: the bytes read ahead, and how the stream ends (the peer's
 * graceful end, read or only arrived behind unread data, or a reset, which goes to the socket's
 * {@link SocketState} because it fails sends too).
 *
 * <p>Reads go straight from the endpoint into the caller's buffer. Only what must be known without
 * consuming it (MSG_PEEK, FIONREAD, select readability, and on a network that cannot tell it
 * otherwise the peer's end behind unread data, for FD_CLOSE) is read ahead into a {@link ReadAhead},
 * which later receives drain first; so a receive that is cancelled or fails has consumed nothing.
 * Whatever is read ahead runs {@code tookFromEndpoint}: the endpoint will not report it again.
 *
 * <p>Not thread-safe: guarded by its socket's monitor. Only used while the socket is connected,
 * with its endpoint.
 */
@GuardedBy("EmulatedSocket.this")
final class StreamReceiver {
  private final SocketState state;
  private final Runnable tookFromEndpoint;
  private final ReadAhead readAhead = new ReadAhead();
  /** A read reached the peer's graceful end. */
  private boolean endRead;
  /** The peer's end has arrived behind data not read yet: FD_CLOSE holds before the reads. */
  private boolean endArrived;

  StreamReceiver(SocketState state, Runnable tookFromEndpoint) {
    this.state = state;
    this.tookFromEndpoint = tookFromEndpoint;
  }

  int readAhead() {
    return readAhead.available();
  }

  boolean endRead() {
    return endRead;
  }

  boolean endArrived() {
    return endArrived;
  }

  /** recv of at least one byte, after the socket's checks: bytes, 0 at the end, {@link EmulatedSocket#WOULD_BLOCK}, or -error. */
  int receive(TcpEndpoint endpoint, byte[] buffer, int offset, int len, boolean peek) {
    if (readAhead.available() == 0 && !endRead && peek) {
      int r = readAhead(endpoint, len);
      if (r < 0) {
        return r;
      }
    }
    if (readAhead.available() > 0 && readAhead.available() < len && !endRead) {
      readAhead(endpoint, len - readAhead.available()); // what arrived since joins it: recv takes all there is
    }
    if (readAhead.available() > 0) {
      return readAhead.take(buffer, offset, len, peek);
    }
    if (endRead) {
      return 0;
    }
    return received(NetErrors.result(endpoint.read(buffer, offset, len)));
  }

  /** recv with MSG_OOB (urgent data held apart): 1 with the byte, or -error. */
  static int receiveUrgent(TcpEndpoint endpoint, byte[] buffer, int offset, int len) {
    int urgent = NetErrors.result(endpoint.readUrgent());
    if (urgent < 0) {
      return urgent;
    }
    if (len > 0) {
      buffer[offset] = (byte) urgent;
    }
    return 1;
  }

  /** Notes what a read of the endpoint says of the stream's end: 0 the end, an error a reset. */
  private int received(int r) {
    if (r == 0) {
      endRead = true;
    } else if (r < 0 && r != EmulatedSocket.WOULD_BLOCK) {
      state.reset(-r);
    }
    return r;
  }

  /** Reads what is available (up to {@code want} more bytes) ahead: 0 or -error. */
  private int readAhead(TcpEndpoint endpoint, int want) {
    int r = received(NetErrors.result(readAhead.fill(endpoint::read, want)));
    if (r != EmulatedSocket.WOULD_BLOCK) {
      tookFromEndpoint.run();
    }
    return r >= 0 ? 0 : r;
  }

  /** FIONREAD: reads ahead what has arrived, up to {@link ReadAhead#MAX} bytes, and counts it. */
  int readable(TcpEndpoint endpoint) {
    readAheadAll(endpoint);
    return readAhead.available();
  }

  private void readAheadAll(TcpEndpoint endpoint) {
    while (readAhead.available() < ReadAhead.MAX && !endRead) {
      int before = readAhead.available();
      if (readAhead(endpoint, ReadAhead.MAX - before) < 0 || readAhead.available() == before) {
        break;
      }
    }
  }

  /** Whether nothing is known of what comes next: no data read ahead, no end, no reset, still receiving. */
  private boolean quiet() {
    return readAhead.available() == 0 && !endRead && state.resetError() == 0 && !state.aborted() && !state.inputShut();
  }

  /** Whether the peer's end may be behind the data read ahead, not seen yet. */
  private boolean endMayBeBehindData() {
    return readAhead.available() > 0 && !endRead && !endArrived && state.resetError() == 0 && !state.aborted()
        && !state.inputShut();
  }

  /** A look for readability: when nothing is known, reads one byte ahead (data, the end or a reset). */
  void lookForData(TcpEndpoint endpoint) {
    if (quiet()) {
      readAhead(endpoint, 1);
    }
  }

  /**
   * A look for FD_CLOSE: learns whether the peer's end is behind the data read ahead (Windows posts
   * FD_CLOSE when the end arrives). A network that can tell is asked; on one that cannot, what has
   * arrived is read ahead (up to {@link ReadAhead#MAX}) to reach the end.
   */
  void lookForEnd(TcpEndpoint endpoint) {
    if (!endMayBeBehindData()) {
      return;
    }
    int end = endpoint.peerEnd();
    if (end == TcpEndpoint.END_UNKNOWN) {
      readAheadAll(endpoint);
    } else if (end != 0) {
      readAhead(endpoint, 1); // more data, the end itself, or the reset that discarded the rest
      endArrived = state.resetError() == 0;
    }
  }

  /** While the end may be behind the data read ahead: what tells of it (see {@link StreamReadiness#endWaitOps}); else 0. */
  int endWaitOps(TcpEndpoint endpoint) {
    if (!endMayBeBehindData()) {
      return 0;
    }
    if (endpoint.peerEnd() != TcpEndpoint.END_UNKNOWN) {
      return Readiness.END;
    }
    return readAhead.available() < ReadAhead.MAX ? Readiness.READ : 0; // all was read ahead: new data or the end
  }
}
