package org.wsemu.winsock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.wsemu.internal.GuardedBy;

/**
 * The overlapped operations pending on one socket, and its overlapped attribute: two queues,
 * receives and sends, each served in the order posted, so that receive buffers are filled and
 * send buffers go out in that order.
 *
 * <p><b>The receive side's hand-over.</b> While a receive is pending, the bytes (or the datagram)
 * that arrive are the pending receives': the socket's pump moves them into the posted buffers as
 * soon as the endpoint reports them, so they never wait in the socket, and a receive that takes
 * them leaves nothing to report as readable. {@link #receivesPending()} tells whether that is the
 * case now (WSAEventSelect and WSAAsyncSelect read it under the socket's monitor: no FD_READ is
 * recorded for data a pending receive takes).
 *
 * <p>Not thread-safe: guarded by its socket's monitor.
 */
@GuardedBy("EmulatedSocket.this")
final class PendingOperations {
  /** Whether the socket has the overlapped attribute (socket(), or WSASocket with WSA_FLAG_OVERLAPPED). */
  boolean attribute = true;
  private final ArrayDeque<OverlappedOperation> receives = new ArrayDeque<>();
  private final ArrayDeque<OverlappedOperation> sends = new ArrayDeque<>();
  /** Whether the pump waits for the endpoint's readiness to read / to write. */
  boolean readArmed;
  boolean writeArmed;

  /** The receive buffer bytes last told to the endpoint ({@link EmulatedSocket#receivesPosted}). */
  int toldPosted;
  /** Schedules the socket's pump (set by the engine when the first operation starts), or null. */
  Runnable pumpSoon;

  /**
   * Another call took data from the endpoint into the socket (FIONREAD, select or MSG_PEEK read
   * ahead; a datagram into the slot): the endpoint will not report it again, so a pending receive,
   * whose pump waits for that report, would never see it. Schedules the pump; only schedules, so
   * callable holding the socket's monitor.
   */
  void tookFromEndpoint() {
    if (!receives.isEmpty() && pumpSoon != null) {
      pumpSoon.run();
    }
  }

  /** The room left in the pending receives' buffers. */
  int postedBytes() {
    long sum = 0;
    for (OverlappedOperation op : receives) {
      sum += op.buffers.total - op.transferred;
    }
    return (int) Math.min(Integer.MAX_VALUE, sum);
  }

  /** Whether an overlapped receive is pending: arriving data is its, and not readable by others. */
  boolean receivesPending() {
    return !receives.isEmpty();
  }

  boolean sendsPending() {
    return !sends.isEmpty();
  }

  void add(OverlappedOperation op) {
    (op.send ? sends : receives).addLast(op);
  }

  /**
   * Moves the bytes that can move now into the pending receives and out of the pending sends,
   * each queue from its head; the operations that finish are removed and added to {@code done},
   * in the order they were posted (receives first).
   */
  void progress(List<OverlappedOperation> done) {
    progress(receives, done);
    progress(sends, done);
  }

  private static void progress(ArrayDeque<OverlappedOperation> queue, List<OverlappedOperation> done) {
    while (!queue.isEmpty() && queue.peekFirst().step()) {
      OverlappedOperation op = queue.pollFirst();
      op.writeSender();
      done.add(op);
    }
  }

  /** Aborts and removes every pending operation (the socket closes): they are added to {@code aborted}. */
  void abortAll(int why, List<OverlappedOperation> aborted) {
    abortWhere(null, why, aborted);
  }

  /**
   * Aborts and removes the pending operations started by {@code owner} (null: all); they are added
   * to {@code aborted}, receives first.
   */
  void abortWhere(TaskWinsockState owner, int why, List<OverlappedOperation> aborted) {
    for (ArrayDeque<OverlappedOperation> queue : List.of(receives, sends)) {
      for (Iterator<OverlappedOperation> it = queue.iterator(); it.hasNext(); ) {
        OverlappedOperation op = it.next();
        if (owner == null || op.owner == owner) {
          it.remove();
          op.abort(why);
          aborted.add(op);
        }
      }
    }
  }

  /** Every pending operation, receives first (for a look, not to change them). */
  List<OverlappedOperation> all() {
    List<OverlappedOperation> all = new ArrayList<>(receives);
    all.addAll(sends);
    return all;
  }
}
