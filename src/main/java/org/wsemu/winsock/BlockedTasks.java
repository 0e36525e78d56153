package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wsemu.internal.GuardedBy;

/**
 * The tasks blocked on one socket, and what wakes them. A blocking call registers its task's
 * waker for as long as it waits ({@link #add}, {@link #remove}); two things wake it:
 *
 * <ul>
 *   <li>the socket's Winsock state changed ({@link #wakeAll}): closed, shut down, aborted, made to
 *       listen or connect, an option set, data taken from the endpoint by another call. Every
 *       blocked task wakes and tries its call again, whichever task made the change;
 *   <li>the endpoint reports readiness the task waits for ({@link #arm}). The endpoint holds at
 *       most one request per readiness bit for the whole socket, however many tasks and calls
 *       wait, so a call that ends without its readiness (a select that timed out, a wait ended by
 *       a state change) leaves nothing behind that grows.
 * </ul>
 *
 * <p>A waker registered before its call's attempt cannot miss a change made after that attempt:
 * the change wakes it, and the blocking engine, which read the task's wake count before the
 * attempt, does not wait. Thread-safe; wakers run outside this object's lock and must only count
 * and signal (see {@link TaskWinsockState#ioReady}).
 */
final class BlockedTasks {
  private final EmulatedSocket socket;
  /** Each blocked task's waker and the readiness ({@code Readiness} bits) it waits for. */
  @GuardedBy("this") private final Map<Runnable, Integer> waiting = new LinkedHashMap<>(2);
  /** Readiness bits the endpoint has an outstanding request for. */
  @GuardedBy("this") private int armedOps;

  BlockedTasks(EmulatedSocket socket) {
    this.socket = socket;
  }

  /** A call starts waiting on the socket: from now on every state change wakes {@code waker}. */
  synchronized void add(Runnable waker) {
    waiting.putIfAbsent(waker, 0);
  }

  /** The call stopped waiting. */
  synchronized void remove(Runnable waker) {
    waiting.remove(waker);
  }

  /**
   * {@code waker} also waits for one of {@code ops} ({@code Readiness} bits; 0 for state changes
   * only): asks the endpoint for the bits nobody asked for yet. Not under the socket's lock.
   */
  void arm(Runnable waker, int ops) {
    int missing;
    synchronized (this) {
      if (!waiting.containsKey(waker)) {
        return;
      }
      waiting.put(waker, ops);
      missing = ops & ~armedOps;
      armedOps |= missing;
    }
    if (missing != 0) {
      socket.notifyWhen(missing, () -> ready(missing));
    }
  }

  /** The endpoint reported one of {@code ops}: wakes the tasks waiting for any of them. */
  private void ready(int ops) {
    List<Runnable> wake = new ArrayList<>();
    synchronized (this) {
      armedOps &= ~ops;
      waiting.forEach((waker, wanted) -> {
        if ((wanted & ops) != 0) {
          wake.add(waker);
        }
      });
    }
    wake.forEach(Runnable::run);
  }

  /** The socket's state changed: every blocked task tries its call again. Any thread. */
  void wakeAll() {
    List<Runnable> wake;
    synchronized (this) {
      if (waiting.isEmpty()) {
        return;
      }
      wake = new ArrayList<>(waiting.keySet());
    }
    wake.forEach(Runnable::run);
  }
}
