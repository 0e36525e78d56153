package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.FD_ACCEPT;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_OOB;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;

import java.util.concurrent.atomic.AtomicBoolean;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.Kernel;
import org.wsemu.trace.Trace;

/**
 * One socket's asynchronous select registration, WSAAsyncSelect's or WSAEventSelect's: which events
 * it wants, which of them hold and may be reported now, and the watching of the network for the
 * rest. How an event is reported is its {@link SelectDelivery}'s business (a message, or a record
 * and an event object); which events may be reported is its {@link ReportGates}'. The rules of the
 * 1.1 specification and of Microsoft's WSAEventSelect page:
 *
 * <ul>
 *   <li>an event is reported at most once until its re-enabling function is called (FD_READ and
 *       FD_OOB: recv or recvfrom; FD_ACCEPT: accept; FD_WRITE: a send that would block), even if
 *       that call fails; FD_CONNECT once per connection attempt (in message mode only if the attempt
 *       finishes while the registration exists: a later one does not get it, as on Windows; in event
 *       mode a later registration records it); FD_CLOSE once;
 *   <li>after re-enabling, a condition that still holds is reported again (level triggering), and
 *       so is a condition that holds when the registration is made, unless (event mode) it was
 *       recorded already;
 *   <li>FD_WRITE when the connection is made (after FD_CONNECT), then only after a send failed
 *       with WSAEWOULDBLOCK and room came back; FD_CLOSE as soon as the peer's close arrives,
 *       whether or not the data before it has been read (after FD_READ for that data), with
 *       WSAECONNRESET or WSAECONNABORTED for a reset.
 * </ul>
 *
 * <p>Evaluation runs on whatever thread noticed a change (a task's, the network's, the timer's
 * after a {@link #wake}); it only probes the socket without blocking and delivers.
 *
 * <p>Thread-safe: evaluations are serialized on this object and run holding the gates' monitor;
 * both are taken before the socket's monitor, never after. No trace sink runs while an evaluation
 * holds them.
 */
final class AsyncSelect {
  /** The order in which events that hold together are reported: FD_CONNECT before FD_WRITE. */
  private static final int[] ORDER = {FD_CONNECT, FD_ACCEPT, FD_READ, FD_OOB, FD_WRITE, FD_CLOSE};

  private final Kernel kernel;
  private final EmulatedSocket socket;
  private final SelectDelivery delivery;
  private final ReportGates gates;
  final int lEvent;
  @GuardedBy("this") private int armedOps;
  private volatile boolean cancelled;
  private final AtomicBoolean wakePending = new AtomicBoolean();

  AsyncSelect(Kernel kernel, EmulatedSocket socket, int lEvent, SelectDelivery delivery) {
    this.kernel = kernel;
    this.socket = socket;
    this.lEvent = lEvent;
    this.delivery = delivery;
    this.gates = delivery.gates();
  }

  /** How it reports: a message or an event object. */
  SelectDelivery delivery() {
    return delivery;
  }

  /** A registration like this one for a socket accept() made from this one's socket. */
  AsyncSelect inheritedBy(EmulatedSocket accepted) {
    return new AsyncSelect(kernel, accepted, lEvent, delivery.forAccepted(accepted));
  }

  /**
   * Stops reporting (a new registration, lEvent 0, closesocket); messages already queued stay.
   * Waits for an evaluation in progress: none follows.
   */
  synchronized void cancel() {
    cancelled = true;
  }

  /** A re-enabling function was called (even if it failed): those events may be reported again. */
  void reenable(int events) {
    gates.reenable(events);
    evaluate();
  }

  /** A send or sendto failed with WSAEWOULDBLOCK: FD_WRITE comes when room comes back. */
  void sendWouldBlock() {
    gates.sendWouldBlock();
    evaluate();
  }

  /**
   * The socket took something from its endpoint outside an evaluation (FIONREAD, select or MSG_PEEK
   * read ahead, select took a pending connection): the endpoint will not report it again, so
   * evaluate soon. Only schedules: callable while holding the socket's monitor.
   */
  void wake() {
    if (!cancelled && wakePending.compareAndSet(false, true)) {
      kernel.schedule(kernel.clock().millis(), () -> {
        wakePending.set(false);
        evaluate();
      });
    }
  }

  /**
   * Reports what holds and may be reported, then watches the network for the rest. The ASYNC events
   * recorded meanwhile reach the trace's sinks after this registration's monitors are released.
   */
  void evaluate() {
    Trace trace = kernel.trace();
    trace.deferDelivery();
    try {
      evaluateHolding();
    } finally {
      trace.resumeDelivery();
    }
  }

  private synchronized void evaluateHolding() {
    if (cancelled || socket.closed) {
      return;
    }
    int waiting = 0;
    synchronized (gates) {
      int elsewhere = socket.receivedElsewhere();
      SocketReadiness now = elsewhere != 0
          ? socket.readiness() // no read-ahead: what arrives is the pending operations'
          : socket.lookForEvents((lEvent & FD_CLOSE) != 0 && gates.closeOpen());
      int holding = now.events() & ~elsewhere;
      for (int event : ORDER) {
        if ((lEvent & event) == 0 || !gates.open(event, now)) {
          continue;
        }
        if ((holding & event) == 0) {
          waiting |= event;
          continue;
        }
        int error = event == FD_CONNECT ? now.connectError() : event == FD_CLOSE ? now.closeError() : 0;
        if (!delivery.deliver(event, error, this::evaluate)) {
          return; // not reported (a full queue): nothing marked as reported, the delivery retries
        }
        gates.reported(event, now.connectAttempt());
        if (event == FD_CONNECT) {
          socket.connectOutcomeReported(now.connectAttempt());
        }
      }
    }
    if ((lEvent & FD_CONNECT) != 0) {
      waiting |= FD_CONNECT; // a later attempt may finish
    }
    arm(socket.readiness().eventWaitOps(waiting) & ~armedOps);
  }

  @GuardedBy("this")
  private void arm(int ops) {
    if (ops == 0) {
      return;
    }
    armedOps |= ops;
    socket.notifyWhen(ops, () -> {
      synchronized (this) {
        armedOps &= ~ops;
      }
      evaluate();
    });
  }
}
