package org.wsemu.endpoint;

import static org.wsemu.endpoint.CommErrors.*;
import static org.wsemu.winsock.WinSock.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.task.TaskThreadException;
import org.wsemu.user.User;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * The engine of one endpoint: the outstanding requests in the order made, the completion queue,
 * the cancellation protocol and the time-outs. The socket's transfers are {@link Transfers}; the
 * connection's state changes are {@link Connection}.
 *
 * <p>Every end of a request goes through one FIFO, the completion queue, drained one entry per
 * WM_EP_COMPLETE message of the hidden window: an asynchronous request's CompletionScript, a piece
 * of input for the InputScript, or the wake-up of a waiting synchronous request. The cancellation
 * protocol is the order in which it puts the ends in that queue.
 *
 * <p>Confined to the owning task's thread: every method runs there (the public methods check it).
 */
final class Engine {
  final WinsockApi ws;
  final User user;
  final EndpointTrace trace;
  final Endpoint endpoint;
  private final Thread owner;
  private final String ownerName;
  final HiddenWindow window;
  final SyncWait waits;
  final Connection connection;
  final Transfers transfers;

  /** The outstanding requests, in the order made. */
  final List<Request> pending = new ArrayList<>();
  private final ArrayDeque<Completion> completions = new ArrayDeque<>();
  private final ArrayDeque<QueuedCancel> queuedCancels = new ArrayDeque<>();
  private boolean deliveryPosted;
  boolean cancelInProgress;
  boolean disposed;
  private int nextId;

  Engine(Endpoint endpoint, WinsockApi ws, User user, EndpointTrace trace) {
    this.endpoint = endpoint;
    this.ws = ws;
    this.user = user;
    this.trace = trace;
    this.owner = Thread.currentThread();
    this.ownerName = owner.getName();
    this.waits = new SyncWait(ws, user);
    this.window = HiddenWindow.create(user, this::windowProc);
    if (window == null) {
      throw new EndpointException("Instantiate", kCommErrResourceNotAvailable, null);
    }
    trace.window(window.hwnd);
    this.connection = new Connection(this);
    this.transfers = new Transfers(this);
  }

  // ---- admission ----

  /** Checks the caller and makes the request object; traces it. */
  Request admit(RequestKind kind, CallbackSpec spec) {
    checkCaller(kind);
    CallbackSpec how = spec == null ? CallbackSpec.sync() : spec;
    Request r = new Request(nextId(), kind, how.async(), how.completionScript(), how.reqTimeout());
    trace.request(r);
    return r;
  }

  /** The rules every request obeys before anything else: the owning task, not disposed. */
  void checkCaller(RequestKind kind) {
    checkCaller(kind.label);
  }

  /** As {@link #checkCaller(RequestKind)}, for a method named {@code method}. */
  void checkCaller(String method) {
    checkOwner(method);
    if (disposed) {
      throw new IllegalStateException("Endpoint." + method + ": the endpoint is disposed; no request is allowed after Dispose");
    }
  }

  /** The first rule: only the owning task calls. */
  void checkOwner(RequestKind kind) {
    checkOwner(kind.label);
  }

  private void checkOwner(String method) {
    if (Thread.currentThread() != owner) {
      throw new TaskThreadException("Endpoint." + method + " must be called by the task that owns the endpoint"
          + " (thread '" + ownerName + "'), not on thread '" + Thread.currentThread().getName() + "'");
    }
  }

  int nextId() {
    return ++nextId;
  }

  /**
   * Dispose: lets a cancel under way finish, cancels what is outstanding as a synchronous Cancel
   * does, delivers every completion left, then closes the socket, destroys the window and calls
   * WSACleanup.
   */
  void dispose() {
    Request r = new Request(nextId(), RequestKind.DISPOSE, false, null, 0);
    trace.request(r);
    drain();
    if (!pending.isEmpty() && !cancelInProgress) {
      cancelInProgress = true;
      r.viaQueue = true;
      cancel(r, noErr, null, "request");
      waits.until(window.hwnd, () -> r.finished);
    }
    drain();
    for (Request left : new ArrayList<>(pending)) { // only if the waits were interrupted (shutdown)
      pending.remove(left);
      end(left, kCommErrRequestCanceled, left.sentSoFar());
    }
    connection.closeSocket();
    disposed = true;
    window.destroy();
    ws.WSACleanup();
    r.finished = true;
    trace.syncEnd(r);
  }

  /**
   * Runs a request: fails it with TACCESS during a cancel, else starts it (the starter either ends
   * it with {@link #finish} or leaves it outstanding), sets its time-out, and for a synchronous
   * request waits for its end.
   *
   * @return the data of a synchronous request that succeeded
   * @throws EndpointException when a synchronous request fails
   */
  byte[] run(Request r, java.util.function.Consumer<Request> starter) {
    pending.add(r);
    if (cancelInProgress) {
      finish(r, TACCESS, null);
    } else {
      starter.accept(r);
    }
    if (pending.contains(r) && r.reqTimeout > 0) {
      user.SetTimer(window.hwnd, r.id, r.reqTimeout, null);
      r.timerSet = true;
    }
    return r.async ? null : await(r);
  }

  /** Ends a request that is outstanding (does nothing for one that has ended). */
  void finish(Request r, int result, byte[] data) {
    if (!pending.remove(r)) {
      return;
    }
    killTimer(r);
    if (r.async || r.viaQueue) {
      enqueue(new Completion(r, result, data, false, false));
    } else {
      end(r, result, data);
    }
  }

  /** Queues a piece of input for the standing input spec's InputScript. */
  void deliverInput(Request spec, byte[] piece) {
    enqueue(new Completion(spec, 0, piece, false, true));
    if (spec.timerSet) { // the time-out runs again from here
      user.SetTimer(window.hwnd, spec.id, spec.reqTimeout, null);
    }
  }

  private void end(Request r, int result, byte[] data) {
    r.finished = true;
    r.result = result;
    r.data = data;
  }

  void killTimer(Request r) {
    if (r.timerSet) {
      r.timerSet = false;
      user.KillTimer(window.hwnd, r.id);
    }
  }

  // ---- synchronous waits ----

  /** Waits (pseudo-blocking) until a synchronous request has ended; returns its data or throws. */
  byte[] await(Request r) {
    r.viaQueue = true;
    if (!r.finished) {
      SyncWait.Interruption why;
      try {
        why = waits.until(window.hwnd, () -> r.finished);
      } catch (RuntimeException | Error e) { // a callback threw and the emulator's handler rethrew it
        abandon(r);
        throw e;
      }
      if (why != null) {
        abandon(r);
        end(r, kCommErrRequestCanceled, r.sentSoFar());
      }
    }
    trace.syncEnd(r);
    if (r.result != noErr) {
      throw new EndpointException(r.kind.label, r.result, r.kind == RequestKind.OUTPUT ? r.data : null);
    }
    return r.data;
  }

  /** A synchronous request given up without an end: it is no longer outstanding. */
  private void abandon(Request r) {
    if (pending.remove(r)) {
      killTimer(r);
      connection.undo(r);
    }
  }

  /** Dispatches until nothing of the endpoint is left to deliver or run (for Dispose). */
  void drain() {
    waits.until(window.hwnd, () -> completions.isEmpty() && queuedCancels.isEmpty() && !cancelInProgress);
  }

  boolean hasOutstanding() {
    return !pending.isEmpty() || !completions.isEmpty() || !queuedCancels.isEmpty() || cancelInProgress;
  }

  // ---- the completion queue ----

  private void enqueue(Completion c) {
    completions.add(c);
    if (!deliveryPosted) {
      deliveryPosted = user.PostMessage(window.hwnd, HiddenWindow.WM_EP_COMPLETE, 0, 0);
    }
  }

  /** WM_EP_COMPLETE: delivers the next completion (one per message, the next one posted first). */
  private void deliverNext() {
    deliveryPosted = false;
    Completion c = completions.poll();
    if (c == null) {
      return;
    }
    if (!completions.isEmpty()) {
      deliveryPosted = user.PostMessage(window.hwnd, HiddenWindow.WM_EP_COMPLETE, 0, 0);
    }
    Request r = c.request();
    if (c.input()) {
      trace.input(r, c.data().length);
      InputScript script = r.inputSpec.inputScript();
      if (script != null) {
        script.input(endpoint, c.data());
      }
      return;
    }
    if (c.endsCancel()) {
      cancelInProgress = false;
    }
    trace.complete(r, c.result(), c.endsCancel());
    if (r.async) {
      if (r.script != null) {
        r.script.complete(endpoint, c.data(), c.result());
      }
    } else {
      end(r, c.result(), c.data());
    }
  }

  // ---- cancellation ----

  /**
   * Cancel, or Disconnect with cancelPending: asynchronously, the cancel is queued and runs from
   * the message queue; synchronously, it runs now and the request waits for its own end.
   */
  byte[] cancelBy(Request r, Runnable action) {
    checkCaller(r.kind);
    if (cancelInProgress) {
      pending.add(r);
      finish(r, TACCESS, null);
      return r.async ? null : await(r);
    }
    cancelInProgress = true;
    if (r.async) {
      queuedCancels.add(new QueuedCancel(r, action));
      user.PostMessage(window.hwnd, HiddenWindow.WM_EP_CANCEL, 0, 0);
      return null;
    }
    r.viaQueue = true;
    cancel(r, noErr, action, "request");
    return await(r);
  }

  /** An asynchronous Cancel or Disconnect waiting for its WM_EP_CANCEL, and what it does besides cancelling. */
  private record QueuedCancel(Request request, Runnable action) {}

  /** WM_EP_CANCEL: runs the next queued asynchronous cancel. */
  private void runQueuedCancel() {
    QueuedCancel next = queuedCancels.poll();
    if (next != null) {
      cancel(next.request(), noErr, next.action(), "request");
    }
  }

  /** WM_TIMER: a request's time-out; cancels in the request's style unless a cancel is under way. */
  private void timeout(int id) {
    user.KillTimer(window.hwnd, id);
    Request r = null;
    for (Request p : pending) {
      if (p.id == id) {
        r = p;
        break;
      }
    }
    if (r == null || cancelInProgress) {
      return;
    }
    r.timerSet = false;
    cancelInProgress = true;
    cancel(r, kCommErrRequestCanceled, null, "timeout");
  }

  /**
   * The protocol: (1) each outstanding asynchronous request ends with -16005, in the order made;
   * then {@code action} (Disconnect's close) runs; (2) {@code by} ends with {@code result},
   * ending the cancel; (3) each outstanding synchronous request ends with -16005.
   */
  private void cancel(Request by, int result, Runnable action, String why) {
    trace.cancel(by, why);
    List<Request> outstanding = new ArrayList<>(pending);
    outstanding.remove(by);
    for (Request r : outstanding) {
      if (r.async) {
        cancelOne(r);
      }
    }
    if (action != null) {
      action.run();
    }
    pending.remove(by);
    killTimer(by);
    connection.undo(by);
    enqueue(new Completion(by, result, by.sentSoFar(), true, false));
    for (Request r : outstanding) {
      if (!r.async) {
        cancelOne(r);
      }
    }
  }

  private void cancelOne(Request r) {
    if (pending.contains(r)) {
      connection.undo(r);
      finish(r, kCommErrRequestCanceled, r.sentSoFar());
    }
  }

  // ---- the window procedure ----

  private int windowProc(int hwnd, int msg, int wParam, int lParam) {
    switch (msg) {
      case HiddenWindow.WM_EP_SOCKET:
        connection.onSocket(wParam, WSAGETSELECTEVENT(lParam), WSAGETSELECTERROR(lParam));
        return 0;
      case HiddenWindow.WM_EP_COMPLETE:
        deliverNext();
        return 0;
      case HiddenWindow.WM_EP_CANCEL:
        runQueuedCancel();
        return 0;
      case org.wsemu.user.WinUser.WM_TIMER:
        timeout(wParam);
        return 0;
      default:
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
  }

  /** The outstanding requests of a kind, in order. */
  List<Request> outstanding(RequestKind kind) {
    List<Request> found = new ArrayList<>();
    for (Request r : pending) {
      if (r.kind == kind) {
        found.add(r);
      }
    }
    return found;
  }

  /** The first outstanding request of a kind, or null. */
  Request first(RequestKind kind) {
    for (Request r : pending) {
      if (r.kind == kind) {
        return r;
      }
    }
    return null;
  }

  static sockaddr_in anyAddress() {
    return new sockaddr_in(htons(0), htonl(INADDR_ANY));
  }
}
