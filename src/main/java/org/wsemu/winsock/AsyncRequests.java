package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.wsemu.internal.GuardedBy;

/**
 * The WSAAsyncGetXByY requests of one application: the optional limit on its outstanding requests
 * ({@code maxAsyncRequests}; by default only the 16-bit handle space limits them), and what
 * each handle it was given last meant, so that WSACancelAsyncRequest can tell a handle never issued
 * to it (WSAEINVAL) from a finished request (WSAEALREADY). The handles themselves come from the
 * emulator's {@link AsyncResolver}, unique among the outstanding requests of every application.
 *
 * <p>Thread-safe.
 */
final class AsyncRequests {
  @GuardedBy("this") private final Map<Integer, AsyncRequest> byHandle = new HashMap<>();
  /**
   * Requests issued and maybe outstanding; finished ones leave it when the limit is reached or the
   * list has doubled since they last left, so that it stays within twice the outstanding count.
   */
  @GuardedBy("this") private final List<AsyncRequest> outstanding = new ArrayList<>();
  private static final int MIN_PRUNE_AT = 64;
  @GuardedBy("this") private int pruneAt = MIN_PRUNE_AT;

  /**
   * Makes a request ({@code make} given its handle) unless {@code limit} requests are outstanding
   * or the resolver has no free handle: the request, queued but not yet submitted, or null
   * (WSAEWOULDBLOCK). The limit check and the recording are one step, so that tasks of one Win32
   * application issuing at once cannot exceed the limit.
   */
  synchronized AsyncRequest issue(int limit, AsyncResolver resolver, IntFunction<AsyncRequest> make) {
    if (outstanding.size() >= Math.min(limit, pruneAt)) {
      prune(); // not on every request: that would make filling a large limit quadratic
      pruneAt = Math.max(MIN_PRUNE_AT, 2 * outstanding.size());
      if (outstanding.size() >= limit) {
        return null;
      }
    }
    AsyncRequest request = resolver.create(make);
    if (request != null) {
      byHandle.put(request.handle, request);
      outstanding.add(request);
    }
    return request;
  }

  /**
   * The request a handle last stood for in this application, or null if it was never issued to
   * it (or is 0).
   */
  synchronized AsyncRequest find(int handle) {
    return byHandle.get(handle);
  }

  /** The outstanding requests, which the application's end cancels. */
  synchronized List<AsyncRequest> takeOutstanding() {
    prune();
    List<AsyncRequest> all = new ArrayList<>(outstanding);
    outstanding.clear();
    return all;
  }

  private void prune() {
    for (Iterator<AsyncRequest> it = outstanding.iterator(); it.hasNext(); ) {
      if (!it.next().outstanding()) {
        it.remove();
      }
    }
  }
}
