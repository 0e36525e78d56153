package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock2.STATUS_PENDING;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;
import static org.wsemu.winsock.WinSock2.WSA_OPERATION_ABORTED;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wsemu.kernel.KernelTask;
import org.wsemu.net.Readiness;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * Runs the overlapped operations of one emulator: starts them, moves their bytes when the network
 * is ready (the socket's pump), indicates their completions, and aborts them (closesocket,
 * WSACleanup, CancelIo, the end of the task that started them).
 *
 * <p><b>The pump.</b> Under the socket's monitor it moves what can move into the pending receives
 * and out of the pending sends ({@link PendingOperations#progress}); then, holding no lock, it
 * indicates the operations that finished and asks the endpoint to call it again when it is ready
 * to read or write for those still pending. It runs on the task that starts an operation and on
 * the network's threads (its readiness callbacks); it never runs program code: a completion
 * routine is only queued to the task that started the operation, which runs it in an alertable
 * wait.
 *
 * <p><b>An indication</b> writes {@code WSAOVERLAPPED.Internal} (0 or the error) and
 * {@code InternalHigh} (the bytes), then queues the routine, or else signals the event; it is an
 * COMPLETION trace event (a changed send buffer adds a checked-mode warning, a NOTE). Operations that finish together are indicated in an order the network
 * draws ({@link org.wsemu.net.Network#draw}): the simulated network from its seed, so a test
 * meets a reordering deterministically; the real network keeps the order posted.
 *
 * <p>Thread-safe; holds no state of its own.
 */
final class OverlappedEngine {
  private final WinsockInstance core;

  OverlappedEngine(WinsockInstance core) {
    this.core = core;
  }

  /**
   * Starts {@code op}: 0 when it completed at once (its completion already indicated, the counts
   * written), -WSA_IO_PENDING when it is pending, or -error when it failed at once with nothing
   * transferred (no indication, ever). An operation that moved bytes and then met an error (a
   * truncated datagram, WSAEMSGSIZE; a reset part way through a send) is indicated, and the call
   * returns that error with the counts written.
   */
  int start(OverlappedOperation op, IntRef bytes, IntRef flags) {
    EmulatedSocket socket = op.socket;
    List<OverlappedOperation> done = new ArrayList<>(2);
    int r;
    op.owner.overlappedOn.put(socket.handle, socket);
    synchronized (socket) {
      op.overlapped.Internal = STATUS_PENDING;
      op.overlapped.InternalHigh = 0;
      op.overlapped.operation = op;
      if (socket.overlapped.pumpSoon == null) {
        socket.overlapped.pumpSoon = pumpSoon(socket);
      }
      socket.overlapped.add(op);
      socket.overlapped.progress(done);
      tellPosted(socket);
      if (!op.finished) {
        r = -WSA_IO_PENDING;
      } else if (op.error != 0 && op.transferred == 0) {
        done.remove(op); // failed at once: never indicated
        op.overlapped.operation = null;
        r = -op.error;
      } else {
        r = op.error == 0 ? 0 : -op.error;
        if (bytes != null) {
          bytes.value = op.transferred;
        }
        if (flags != null && !op.send) {
          flags.value = op.flags;
        }
      }
    }
    indicate(done);
    arm(socket);
    return r;
  }

  /** Moves what can move on {@code socket}, indicates what finished, and waits for readiness again. */
  void pump(EmulatedSocket socket) {
    List<OverlappedOperation> done = new ArrayList<>(2);
    synchronized (socket) {
      if (socket.closed) {
        return;
      }
      socket.overlapped.progress(done);
      tellPosted(socket);
    }
    indicate(done);
    arm(socket);
  }

  /**
   * What schedules {@code socket}'s pump, once until it ran: a timer action due now, so that it
   * runs holding no lock, after the call that read ahead released the socket's monitor.
   */
  private Runnable pumpSoon(EmulatedSocket socket) {
    AtomicBoolean scheduled = new AtomicBoolean();
    return () -> {
      if (scheduled.compareAndSet(false, true)) {
        core.kernel.schedule(core.kernel.clock().millis(), () -> {
          scheduled.set(false);
          pump(socket);
        });
      }
    };
  }

  /** Tells the endpoint the receive buffers posted, when that changed (caller holds the socket's monitor). */
  private static void tellPosted(EmulatedSocket socket) {
    int posted = socket.overlapped.postedBytes();
    if (posted != socket.overlapped.toldPosted) {
      socket.overlapped.toldPosted = posted;
      socket.receivesPosted(posted);
    }
  }

  /** Asks the endpoint for the readiness the pending operations wait for, once per kind. */
  private void arm(EmulatedSocket socket) {
    int ops = 0;
    synchronized (socket) {
      PendingOperations pending = socket.overlapped;
      if (socket.closed) {
        return;
      }
      if (pending.receivesPending() && !pending.readArmed) {
        pending.readArmed = true;
        ops |= Readiness.READ;
      }
      if (pending.sendsPending() && !pending.writeArmed) {
        pending.writeArmed = true;
        ops |= Readiness.WRITE;
      }
    }
    if ((ops & Readiness.READ) != 0) {
      socket.notifyWhen(Readiness.READ, () -> ready(socket, true));
    }
    if ((ops & Readiness.WRITE) != 0) {
      socket.notifyWhen(Readiness.WRITE, () -> ready(socket, false));
    }
  }

  /** A readiness callback (a network thread, no lock held). */
  private void ready(EmulatedSocket socket, boolean read) {
    synchronized (socket) {
      if (read) {
        socket.overlapped.readArmed = false;
      } else {
        socket.overlapped.writeArmed = false;
      }
    }
    pump(socket);
  }

  // ---- aborting ----

  /** The socket closed (it is marked closed): every pending operation completes with WSA_OPERATION_ABORTED. */
  void closed(EmulatedSocket socket) {
    List<OverlappedOperation> aborted = new ArrayList<>(0);
    synchronized (socket) {
      socket.overlapped.abortAll(WSA_OPERATION_ABORTED, aborted);
    }
    indicate(aborted);
  }

  /** Aborts the pending operations {@code owner} started on {@code socket}: how many there were. */
  int cancel(EmulatedSocket socket, TaskWinsockState owner) {
    List<OverlappedOperation> aborted = new ArrayList<>(0);
    synchronized (socket) {
      socket.overlapped.abortWhere(owner, WSA_OPERATION_ABORTED, aborted);
      tellPosted(socket);
    }
    indicate(aborted);
    return aborted.size();
  }

  /**
   * A task ends: the operations it started and that are still pending are aborted, socket by
   * socket in handle order. Only the live sockets it started operations on can hold any (a closed
   * socket's were aborted when it closed), so the cost does not grow with the other tasks' sockets.
   */
  void taskExiting(TaskWinsockState owner) {
    for (EmulatedSocket socket : owner.overlappedOn.values()) {
      if (core.sockets.get(socket.handle) == socket) {
        cancel(socket, owner);
      }
    }
    owner.overlappedOn.clear();
  }

  // ---- indicating ----

  /**
   * Indicates the completions of {@code done}, in an order the network draws (no lock held). An
   * exploring choice source then chooses among the ones left ({@link ChoicePoint#COMPLETION_ORDER}):
   * option {@code i} takes the {@code i}-th after the drawn one, wrapping, so option 0 is the draw.
   */
  private void indicate(List<OverlappedOperation> done) {
    List<OverlappedOperation> left = new ArrayList<>(done);
    ChoiceSource choices = core.kernel.choices();
    while (!left.isEmpty()) {
      int n = left.size();
      int pick = n == 1 || core.network == null ? 0 : Math.max(0, Math.min(core.network.draw(n), n - 1));
      if (n > 1 && choices.exploring()) {
        int chosen = choices.choose(ChoicePoint.COMPLETION_ORDER, n);
        pick = (pick + (chosen > 0 && chosen < n ? chosen : 0)) % n;
      }
      indicate(left.remove(pick));
    }
    for (OverlappedOperation op : done) {
      if (!op.send) { // a receive re-enables FD_READ: what it left in the socket is reported now
        op.socket.reenableEvents(WinSock.FD_READ | WinSock.FD_OOB);
        break;
      }
    }
  }

  /** A queued completion routine: what the task's alertable wait runs, named in its ROUTINE event. */
  private record RoutineCall(OverlappedOperation op, int error, int bytes, int flags) implements Runnable {
    @Override
    public void run() {
      op.routine.call(error, bytes, op.overlapped, flags);
    }

    @Override
    public String toString() {
      return op.function + " s=" + op.socket.handle;
    }
  }

  private void indicate(OverlappedOperation op) {
    int error;
    int bytes;
    int flags;
    synchronized (op.socket) {
      error = op.error;
      bytes = op.transferred;
      flags = op.flags;
    }
    op.overlapped.InternalHigh = bytes;
    op.overlapped.Internal = error;
    Trace trace = core.trace;
    KernelTask task = op.owner.task;
    if (op.checksum != -1 && op.buffers.checksum() != op.checksum) {
      if (core.kernel.rules().enabled()) {
        core.kernel.rules().report(task, "buffer-modified", op.function,
            "a buffer handed to an overlapped send must not change before the send completes", "s", op.socket.handle);
      } else if (trace.enabled()) {
        trace.event(TraceKind.NOTE, task.label(), "checked-mode-warning").with("s", op.socket.handle)
            .with("function", op.function).with("warning", "send buffer changed before its completion").emit();
      }
    }
    if (trace.enabled()) {
      trace.event(TraceKind.COMPLETION, task.label(), op.function).with("s", op.socket.handle)
          .with("bytes", bytes).with("error", error == 0 ? "0" : ErrorNames.of(error))
          .with("via", op.routine != null ? "routine" : op.event != null ? "event " + op.event.handle : "none")
          .emit();
    }
    op.markDone(); // before the event: a task it wakes may ask WSAGetOverlappedResult at once
    if (op.routine != null) {
      op.owner.queueCompletion(new RoutineCall(op, error, bytes, flags));
    } else if (op.event != null) {
      op.event.set();
    }
  }
}
