package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The WSAAsyncGetXByY requests of one application: their handles (1 to 0xFFFF, handed out in
 * turn so that a finished request's handle is not soon reused, never two outstanding requests with
 * one handle), the limit on outstanding requests, and what each handle last meant, so that
 * WSACancelAsyncRequest can tell a handle never issued (WSAEINVAL) from a finished request
 * (WSAEALREADY).
 *
 * <p>Thread-safe.
 */
final class AsyncRequests {
  private static final int MAX_HANDLE = 0xFFFF;

  private final Map<Integer, AsyncRequest> byHandle = new HashMap<>();
  private final List<AsyncRequest> outstanding = new ArrayList<>();
  private int next = 1;

  /** A free handle, or -WSAEWOULDBLOCK when {@code limit} requests are outstanding. */
  synchronized int reserve(int limit) {
    prune();
    if (outstanding.size() >= limit) {
      return -WinSock.WSAEWOULDBLOCK;
    }
    for (;;) {
      int handle = next;
      next = handle == MAX_HANDLE ? 1 : handle + 1;
      AsyncRequest previous = byHandle.get(handle);
      if (previous == null || !isOutstanding(previous)) {
        return handle;
      }
    }
  }

  /** Records a request under its reserved handle. */
  synchronized void add(AsyncRequest request) {
    byHandle.put(request.handle, request);
    outstanding.add(request);
  }

  /**
   * The request a handle stands for, or null if it was never issued (or is 0).
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
      if (!isOutstanding(it.next())) {
        it.remove();
      }
    }
  }

  private static boolean isOutstanding(AsyncRequest request) {
    AsyncRequest.Stage stage = request.stage();
    return stage == AsyncRequest.Stage.QUEUED || stage == AsyncRequest.Stage.RUNNING;
  }
}
