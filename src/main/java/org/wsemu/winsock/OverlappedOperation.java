package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;

import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;

/**
 * One overlapped send or receive, from the call that starts it to its completion indication: the
 * buffers it was given, how far it got, and how its completion is indicated (the event object, or
 * the completion routine queued to the task that started it).
 *
 * <p>A receive on a stream fills its buffers in order and completes as soon as the bytes the
 * socket holds are exhausted, whether its buffers are full or not (or at the stream's end: 0
 * bytes, or the bytes before it; or at a reset: the bytes before it, else the error); a datagram
 * receive takes one datagram. A receive with MSG_PEEK copies what is there (at least one byte, or
 * the next datagram) and leaves it to be received again. A send completes when all its bytes were
 * accepted by the network.
 *
 * <p>Threading: made on the starting task's thread; its progress ({@link #step}) is guarded by its
 * socket's monitor and made by whichever thread pumps the socket; {@link #done} is set once, by
 * the thread that indicates the completion, outside every lock, after writing the
 * {@link WSAOVERLAPPED}; waiters are woken then.
 */
final class OverlappedOperation {
  final String function;
  final boolean send;
  final EmulatedSocket socket;
  final TaskWinsockState owner;
  final WSAOVERLAPPED overlapped;
  final LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
  /** The event to signal (no routine), or null. */
  final EventObject event;
  final WsaBuffers buffers;
  /** A datagram send's destination ({@code toPeer}: the connected peer). */
  private final int toIp;
  private final int toPort;
  private final boolean toPeer;
  /** A datagram receive's sender, written at completion, or null. */
  private final sockaddr_in from;
  private final IntRef fromlen;
  /** The checked mode's checksum of a send's bytes when it started; -1 when not checked. */
  final long checksum;
  /** A receive with MSG_PEEK: it copies what is there and leaves it for the next receive. */
  private final boolean peek;

  @GuardedBy("EmulatedSocket.this") private int index;
  @GuardedBy("EmulatedSocket.this") private int offset;
  @GuardedBy("EmulatedSocket.this") int transferred;
  /** 0 or the Winsock error it completed with; meaningful once {@link #finished}. */
  @GuardedBy("EmulatedSocket.this") int error;
  @GuardedBy("EmulatedSocket.this") int flags;
  @GuardedBy("EmulatedSocket.this") boolean finished;
  @GuardedBy("EmulatedSocket.this") private byte[] datagram;
  @GuardedBy("EmulatedSocket.this") private final int[] sender = new int[2];

  /** Set after the completion was indicated. */
  volatile boolean done;
  @GuardedBy("this") private final List<Runnable> waiters = new ArrayList<>(1);

  OverlappedOperation(String function, boolean send, EmulatedSocket socket, TaskWinsockState owner,
      WSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, EventObject event, WsaBuffers buffers,
      Destination to, sockaddr_in from, IntRef fromlen, boolean peek, boolean checked) {
    this.function = function;
    this.send = send;
    this.socket = socket;
    this.owner = owner;
    this.overlapped = overlapped;
    this.routine = routine;
    this.event = event;
    this.buffers = buffers;
    this.toIp = to == null ? 0 : to.ip;
    this.toPort = to == null ? 0 : to.port;
    this.toPeer = to == null || to.toPeer;
    this.from = from;
    this.fromlen = fromlen;
    this.checksum = checked && send ? buffers.checksum() : -1;
    this.peek = peek;
  }

  /** Where a datagram send goes: {@code toPeer}, or {@code ip:port} (host order). */
  record Destination(int ip, int port, boolean toPeer) {}

  /** Moves what can move now; true once the operation finished (caller holds the socket's monitor). */
  boolean step() {
    if (!finished) {
      if (socket instanceof StreamSocket stream) {
        finished = send ? sendStream(stream) : receiveStream(stream);
      } else {
        finished = send ? sendDatagram((DatagramSocket) socket) : receiveDatagram((DatagramSocket) socket);
      }
    }
    return finished;
  }

  /** Ends a pending operation with {@code why} (WSA_OPERATION_ABORTED), keeping what it transferred. */
  void abort(int why) {
    finished = true;
    error = why;
  }

  private boolean complete(int why) {
    error = why;
    return true;
  }

  /** The room left in the current buffer, moving past full ones; 0 once every buffer is done. */
  private int room() {
    while (index < buffers.count()) {
      int room = buffers.lengths[index] - offset;
      if (room > 0) {
        return room;
      }
      index++;
      offset = 0;
    }
    return 0;
  }

  private boolean receiveStream(StreamSocket stream) {
    if (peek && buffers.total > 0) {
      byte[] copy = new byte[buffers.total];
      int r = stream.recv(copy, 0, copy.length, WinSock.MSG_PEEK);
      if (r == EmulatedSocket.WOULD_BLOCK) {
        return false;
      }
      transferred = Math.max(0, r);
      buffers.scatter(copy, transferred);
      return complete(r < 0 ? -r : 0);
    }
    for (int room = room(); room > 0; room = room()) {
      int r = stream.recv(buffers.arrays[index], offset, room, 0);
      if (r == EmulatedSocket.WOULD_BLOCK) {
        return transferred > 0 && complete(0); // what the socket held is exhausted
      }
      if (r <= 0) {
        return complete(r == 0 || transferred > 0 ? 0 : -r); // the end, or a reset the next receive reports
      }
      transferred += r;
      offset += r;
    }
    return complete(0); // full
  }

  private boolean sendStream(StreamSocket stream) {
    if (buffers.total == 0) {
      int r = stream.sendSome(buffers.arrays[0], 0, 0);
      return r != EmulatedSocket.WOULD_BLOCK && complete(r < 0 ? -r : 0);
    }
    for (int room = room(); room > 0; room = room()) {
      int r = stream.sendSome(buffers.arrays[index], offset, room);
      if (r == EmulatedSocket.WOULD_BLOCK) {
        return false;
      }
      if (r < 0) {
        return complete(-r);
      }
      transferred += r;
      offset += r;
    }
    return complete(0);
  }

  private boolean sendDatagram(DatagramSocket dgram) {
    if (datagram == null) {
      datagram = buffers.gather();
    }
    int r = dgram.sendTo(datagram, 0, datagram.length, toIp, toPort, toPeer);
    if (r == EmulatedSocket.WOULD_BLOCK) {
      return false;
    }
    if (r < 0) {
      return complete(-r);
    }
    transferred = r;
    return complete(0);
  }

  private boolean receiveDatagram(DatagramSocket dgram) {
    if (datagram == null) {
      datagram = new byte[buffers.total];
    }
    int r = dgram.recvFrom(datagram, 0, datagram.length, peek ? WinSock.MSG_PEEK : 0, sender);
    if (r == EmulatedSocket.WOULD_BLOCK) {
      return false;
    }
    if (r < 0 && r != -WSAEMSGSIZE) {
      return complete(-r);
    }
    transferred = r < 0 ? datagram.length : r;
    buffers.scatter(datagram, transferred);
    return complete(r < 0 ? WSAEMSGSIZE : 0);
  }

  /**
   * Writes the sender's address for WSARecvFrom once it finished: a datagram's sender, a stream's
   * peer, as recvfrom does (caller holds the socket's monitor).
   */
  void writeSender() {
    if (from == null || send || (error != 0 && error != WSAEMSGSIZE)) {
      return;
    }
    if (socket instanceof StreamSocket && socket.peerAddress(sender) != 0) {
      return;
    }
    Addresses.fill(from, sender[0], sender[1]);
    fromlen.value = sockaddr_in.SIZE;
  }

  // ---- waiting for the completion (WSAGetOverlappedResult with fWait) ----

  /** {@code waker} runs once the completion was indicated (at once if it was). */
  void addWaiter(Runnable waker) {
    synchronized (this) {
      if (!done) {
        waiters.add(waker);
        return;
      }
    }
    waker.run();
  }

  synchronized void removeWaiter(Runnable waker) {
    waiters.remove(waker);
  }

  /** Marks the completion indicated and wakes the waiters (outside every lock). */
  void markDone() {
    List<Runnable> wake;
    synchronized (this) {
      done = true;
      wake = new ArrayList<>(waiters);
      waiters.clear();
    }
    wake.forEach(Runnable::run);
  }

  @Override
  public String toString() {
    return function + " on " + socket;
  }
}
