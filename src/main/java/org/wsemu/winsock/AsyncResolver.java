package org.wsemu.winsock;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.Kernel;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.user.MessageNames;
import org.wsemu.user.User;

/**
 * Runs the WSAAsyncGetXByY requests of one emulator, one at a time in the order they came, each
 * taking the configured lookup latency, off every task: on the timer queue (the timer thread, or
 * with a virtual clock the Win16 scheduler when no task can run). So a request is first queued,
 * then running for the latency, then done; its reply is posted to the window's task, never
 * dispatched during the call that made the request. It also hands out the request handles, 1 to
 * 0xFFFF in turn (so that a finished request's handle is not soon reused), never one that an
 * outstanding request of any application holds: in Win16 mode one window may get the replies of
 * several applications, and its wParam must tell them apart.
 *
 * <p>Thread-safe.
 */
final class AsyncResolver {
  private static final long REPOST_DELAY_MILLIS = 10;
  private static final int MAX_HANDLE = WinsockConfig.MAX_ASYNC_HANDLES;

  private final Kernel kernel;
  private final User user;
  private final long latencyMillis;
  @GuardedBy("this") private final ArrayDeque<AsyncRequest> queue = new ArrayDeque<>();
  @GuardedBy("this") private AsyncRequest running;
  @GuardedBy("this") private final Map<Integer, AsyncRequest> byHandle = new HashMap<>(); // each handle's last request
  @GuardedBy("this") private int next = 1;

  AsyncResolver(Kernel kernel, User user, long latencyMillis) {
    this.kernel = kernel;
    this.user = user;
    this.latencyMillis = latencyMillis;
  }

  /**
   * Makes a request ({@code make} given its handle) under the next handle that no outstanding
   * request holds; null if all 0xFFFF are held.
   */
  synchronized AsyncRequest create(IntFunction<AsyncRequest> make) {
    for (int tried = 0; tried < MAX_HANDLE; tried++) {
      int handle = next;
      next = handle == MAX_HANDLE ? 1 : handle + 1;
      AsyncRequest previous = byHandle.get(handle);
      if (previous == null || !previous.outstanding()) {
        AsyncRequest request = make.apply(handle);
        byHandle.put(handle, request);
        return request;
      }
    }
    return null;
  }

  /** Queues a request; it starts when those before it are done. */
  void submit(AsyncRequest request) {
    trace("queued", request, "function", request.function, "arg", request.argument,
        "hwnd", WinsockInstance.hex(request.hWnd, 4), "msg", MessageNames.of(request.wMsg));
    AsyncRequest started;
    synchronized (this) {
      queue.add(request);
      started = running == null ? startNext() : null;
    }
    run(started);
  }

  /** A request was cancelled: if it waits in the queue, it leaves it. */
  synchronized void cancelled(AsyncRequest request) {
    queue.remove(request);
  }

  /** Makes the first queued request that starts the running one, and returns it; null if none. */
  @GuardedBy("this")
  private AsyncRequest startNext() {
    for (AsyncRequest next = queue.poll(); next != null; next = queue.poll()) {
      if (next.start()) {
        running = next;
        return next;
      }
    }
    running = null;
    return null;
  }

  /** Records that a request started, and finishes it once the latency has passed (monitor not held). */
  private void run(AsyncRequest started) {
    if (started != null) {
      trace("start", started);
      kernel.schedule(kernel.deadlineAfter(latencyMillis + chosenExtraLatency()), () -> finish(started));
    }
  }

  /**
   * The extra latency of one lookup that an exploring choice source chooses
   * ({@link ChoicePoint#LOOKUP_LATENCY}, 0 to its limit), or 0.
   */
  private long chosenExtraLatency() {
    ChoiceSource choices = kernel.choices();
    int options = choices.exploring() ? choices.limits().lookupLatencyMillis() + 1 : 1;
    if (options < 2) {
      return 0;
    }
    int chosen = choices.choose(ChoicePoint.LOOKUP_LATENCY, options);
    return chosen > 0 && chosen < options ? chosen : 0;
  }

  private void finish(AsyncRequest request) {
    Trace trace = kernel.trace();
    int lParam;
    trace.deferDelivery(); // the reply is posted (and traced) under the request's monitor
    try {
      lParam = request.complete(reply -> post(request, reply) ? 1 : 0,
          modified -> CheckedRules.requestBufferModified(kernel.rules(), modified));
    } finally {
      trace.resumeDelivery();
    }
    if (lParam >= 0) {
      trace("reply", request, "buflen", WinSock.WSAGETASYNCBUFLEN(lParam),
          "error", ErrorNames.of(WinSock.WSAGETASYNCERROR(lParam)));
    }
    AsyncRequest started;
    synchronized (this) {
      running = null;
      started = startNext();
    }
    run(started);
  }

  /** Posts a reply; if the queue is full while the window exists, posts again shortly. */
  private boolean post(AsyncRequest request, int lParam) {
    if (user.PostMessage(request.hWnd, request.wMsg, request.handle, lParam)) {
      return true;
    }
    if (user.IsWindow(request.hWnd)) {
      kernel.schedule(kernel.deadlineAfter(REPOST_DELAY_MILLIS), () -> post(request, lParam));
    }
    return false;
  }

  /** Traces one step of a request (kind ASYNC), with extra key, value fields. */
  void trace(String name, AsyncRequest request, Object... fields) {
    Trace trace = kernel.trace();
    if (trace.enabled()) {
      Trace.EventBuilder event = trace.event(TraceKind.ASYNC, "-", name).with("handle", request.handle);
      for (int i = 0; i + 1 < fields.length; i += 2) {
        event.with((String) fields[i], WinsockInstance.frozen(fields[i + 1]));
      }
      event.emit();
    }
  }
}
