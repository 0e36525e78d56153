package org.wsemu.sim;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;
import org.wsemu.net.Readiness;

/**
 * The data of one end of a simulated TCP connection. Outgoing: what the application wrote and has
 * not gone yet (the send buffer, with the place of the urgent byte in it), what is on the way, and
 * the FIN once it is asked for. Incoming: what arrived and was not read (the receive buffer, with the
 * urgent mark in it, or the urgent byte held apart), the peer's FIN, and a reset, which ends both
 * directions at once. The endpoint reads and writes through it; the {@link Wire} takes segments out
 * of one end's stream and delivers them into the other's.
 *
 * <p>Sequence numbers count every byte the application ever queued, the urgent byte included:
 * {@code urgentSeq} is the urgent byte's, {@code transmitted} the next to go.
 */
@GuardedBy("SimNetworkState.lock")
final class TcpStream {
  /** One data segment taken out of the send buffer: its bytes and the urgent byte's index in them, or -1. */
  record Segment(byte[] data, int urgentIndex) {}

  private final ByteQueue sendBuf = new ByteQueue();
  private long queued;
  private long transmitted;
  private long urgentSeq = -1;
  private int inflight;
  private boolean finWanted;
  private boolean finSent;
  private final ByteQueue rcvBuf = new ByteQueue();
  private int markAt = -1;
  private int urgentByte = -1;
  private boolean eof;
  private boolean inputShut;
  /** Why the connection is gone for this end (it sent or received a RST), or null. */
  private NetError error;
  /** How fast this end takes data in, or null for as fast as it arrives. */
  private SimNetworkState.Throttle throttle;
  /** The bytes of overlapped receive buffers posted: with SO_RCVBUF 0, the window offered. */
  private int posted;

  // ---- the application's side ----

  /** Queues {@code len} bytes to send. */
  void write(byte[] buffer, int offset, int len) {
    sendBuf.put(buffer, offset, len);
    queued += len;
  }

  /** Queues one urgent byte (it may exceed the send buffer by its one byte). */
  void writeUrgent(byte data) {
    sendBuf.put(data);
    urgentSeq = queued;
    queued++;
  }

  /** How many more bytes fit when {@code capacity} bytes may wait in the send buffer. */
  private int roomIn(int capacity) {
    return Math.max(0, capacity - sendBuf.size());
  }

  /**
   * How many more bytes the application may write with a send buffer of {@code sndbuf} bytes; with
   * SO_SNDBUF 0 there is no buffering of its own, and the data goes straight into the peer's window
   * ({@code peerWindow} bytes, 0 when not connected), less what is on the way.
   */
  int sendRoom(int sndbuf, int peerWindow) {
    return sndbuf > 0 ? roomIn(sndbuf) : roomIn(peerWindow - inflight);
  }

  /** Whether data waits to be read. */
  boolean hasData() {
    return !rcvBuf.isEmpty();
  }

  /** Bytes waiting to be read. */
  int received() {
    return rcvBuf.size();
  }

  /**
   * The room the peer may still fill in the receive buffer of {@code rcvbuf} bytes (not counting
   * what is on the way). With SO_RCVBUF 0 the window is the overlapped receive buffers posted, or 1
   * byte when none is (so that a plain recv, which posts nothing, still moves the stream byte by byte).
   */
  int receiveWindow(int rcvbuf) {
    return Math.max(0, (rcvbuf > 0 ? rcvbuf : Math.max(1, posted)) - rcvBuf.size());
  }

  /** Overlapped receives now have {@code bytes} posted; returns whether that opened the window. */
  boolean posted(int bytes, int rcvbuf) {
    boolean opens = bytes > posted && rcvbuf == 0;
    posted = bytes;
    return opens;
  }

  /**
   * Reads up to {@code len} of the bytes waiting ({@link #hasData}); a read stops at the urgent
   * mark, so that the next read starts with the urgent byte. Returns the count.
   */
  int read(byte[] buffer, int offset, int len) {
    int limit = markAt > 0 ? Math.min(len, markAt) : len;
    int n = rcvBuf.take(buffer, offset, limit, false);
    if (markAt == 0 && n > 0) {
      markAt = -1; // the urgent byte itself was read
    } else if (markAt > 0) {
      markAt -= n; // 0: stopped just before the mark, the next read starts with it
    }
    return n;
  }

  /** Takes the urgent byte held apart from the stream: 0..255, or -1 if none waits. */
  int takeUrgent() {
    int value = urgentByte;
    urgentByte = -1;
    return value;
  }

  /** SIOCATMARK: whether no urgent data waits (in line: the urgent byte is not ahead in the stream). */
  boolean atMark(boolean oobInline) {
    return oobInline ? markAt < 0 : urgentByte < 0;
  }

  /** Whether the peer's end (its FIN, or a reset) has arrived. */
  boolean peerEnded() {
    return eof || error != null;
  }

  /** Whether nothing more can be read: reset, or the peer's FIN with everything before it read. */
  boolean atEnd() {
    return error != null || eof && rcvBuf.isEmpty();
  }

  /** Whether the FIN arrived (the end of the stream, once the data before it is read). */
  boolean eof() {
    return eof;
  }

  /** Why the connection is gone for this end, or null while it lives. */
  NetError error() {
    return error;
  }

  boolean isDead() {
    return error != null;
  }

  /** Bytes written that have not reached the peer yet: queued here or on the way. */
  int unsent() {
    return error != null ? 0 : sendBuf.size() + inflight;
  }

  /** Bytes on the way to the peer. */
  int inflight() {
    return inflight;
  }

  /** Stops receiving; returns whether it was receiving. */
  boolean shutdownInput() {
    boolean was = !inputShut;
    inputShut = true;
    return was;
  }

  boolean inputShut() {
    return inputShut;
  }

  /** Asks for the FIN after what is queued; returns whether it had not been asked for. */
  boolean shutdownOutput() {
    boolean was = !finWanted;
    finWanted = true;
    return was;
  }

  /** Whether sending is over: the FIN was asked for. */
  boolean outputShut() {
    return finWanted;
  }

  /** The {@link Readiness} of the data, given the room the send buffer has: READ, WRITE, URGENT, SENT, END. */
  int readyOps(int sendRoom) {
    boolean dead = error != null;
    int ops = 0;
    if (!rcvBuf.isEmpty() || eof || dead) {
      ops |= Readiness.READ;
    }
    if (dead || finWanted || sendRoom > 0) {
      ops |= Readiness.WRITE;
    }
    if (urgentByte >= 0) {
      ops |= Readiness.URGENT;
    }
    if (dead || sendBuf.isEmpty() && inflight == 0) {
      ops |= Readiness.SENT;
    }
    if (eof || dead) {
      ops |= Readiness.END;
    }
    return ops;
  }

  SimNetworkState.Throttle throttle() {
    return throttle;
  }

  /** This end takes data in at {@code rate}, or as fast as it arrives for null. */
  void throttle(SimNetworkState.Throttle rate) {
    this.throttle = rate;
  }

  // ---- the wire's side ----

  /**
   * Takes the next segment to send, as far as the peer's {@code window} (its free receive buffer)
   * allows with what is on the way already: at most {@link SimNetworkState#MSS} bytes. Null if nothing waits
   * or the window is full.
   */
  Segment nextSegment(int window) {
    int room = window - inflight;
    if (sendBuf.isEmpty() || room <= 0) {
      return null;
    }
    int n = Math.min(SimNetworkState.MSS, Math.min(sendBuf.size(), room));
    int urgentIndex = -1;
    if (urgentSeq >= transmitted && urgentSeq < transmitted + n) {
      urgentIndex = (int) (urgentSeq - transmitted);
      urgentSeq = -1;
    }
    byte[] data = sendBuf.take(n);
    transmitted += n;
    inflight += n;
    return new Segment(data, urgentIndex);
  }

  /** Whether the FIN goes now: asked for, everything before it gone, not sent yet. Then it counts as sent. */
  boolean finDue() {
    if (sendBuf.isEmpty() && finWanted && !finSent) {
      finSent = true;
      return true;
    }
    return false;
  }

  /** {@code n} bytes reached the peer; returns whether everything written has now. */
  boolean acknowledged(int n) {
    inflight -= n;
    return inflight == 0 && sendBuf.isEmpty();
  }

  /**
   * The first {@code len} bytes of {@code data} arrive, the urgent byte at {@code mark} (or -1):
   * held apart, or with {@code oobInline} left in the stream and marked.
   */
  void arrive(byte[] data, int len, int mark, boolean oobInline) {
    if (mark >= 0 && !oobInline) {
      urgentByte = data[mark] & 0xFF;
      rcvBuf.put(data, 0, mark);
      rcvBuf.put(data, mark + 1, len - mark - 1);
    } else {
      if (mark >= 0) {
        markAt = rcvBuf.size() + mark;
      }
      rcvBuf.put(data, 0, len);
    }
  }

  /** The peer's FIN arrived. */
  void finArrived() {
    eof = true;
  }

  /** The connection is gone for this end ({@code why}: it reset it, or was reset): the buffers go. */
  void kill(NetError why) {
    error = why;
    sendBuf.clear();
    rcvBuf.clear();
    urgentByte = -1;
    markAt = -1;
  }
}
