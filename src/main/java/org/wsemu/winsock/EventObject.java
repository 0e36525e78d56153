package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wsemu.internal.GuardedBy;

/**
 * One Winsock 2 event object ({@code WSAEVENT}): manual-reset, so it stays signalled until reset;
 * waiting does not reset it. Tasks that wait for it register a waker, which every change (set,
 * close) calls, outside this object's lock; a waker must only count and signal (as
 * {@link TaskWinsockState#ioReady} does), and the waiting task then reads {@link #isSignalled}.
 *
 * <p>Thread-safe: any task, and the threads that complete overlapped operations, may set it.
 */
final class EventObject {
  final int handle;
  @GuardedBy("this") private boolean signalled;
  @GuardedBy("this") private boolean closed;
  @GuardedBy("this") private final Set<Runnable> waiters = new LinkedHashSet<>(2);

  EventObject(int handle) {
    this.handle = handle;
  }

  /** Signals the event and wakes its waiters. Returns false if it was closed. */
  boolean set() {
    List<Runnable> wake;
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (signalled) {
        return true;
      }
      signalled = true;
      wake = new ArrayList<>(waiters);
    }
    wake.forEach(Runnable::run);
    return true;
  }

  /** Makes the event not signalled. Returns false if it was closed. */
  synchronized boolean reset() {
    if (closed) {
      return false;
    }
    signalled = false;
    return true;
  }

  /**
   * Whether every one of {@code events} is signalled at one instant (a wait for all): their monitors
   * are held together, taken in the order of their handles (the only place that holds two events'
   * monitors; a handle is reused only after its event closed, and a wait's events were all open at
   * once, so two events held together never share a handle), so that no set or reset can come
   * between two of the readings. A repeated event counts once.
   */
  static boolean allSignalled(List<EventObject> events) {
    List<EventObject> ordered = events.stream().distinct().sorted(Comparator.comparingInt(e -> e.handle)).toList();
    return allSignalled(ordered, 0);
  }

  private static boolean allSignalled(List<EventObject> ordered, int from) {
    if (from == ordered.size()) {
      return true;
    }
    EventObject event = ordered.get(from);
    synchronized (event) {
      return event.signalled && allSignalled(ordered, from + 1);
    }
  }

  synchronized boolean isSignalled() {
    return signalled;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Closes the event and wakes its waiters (their wait then sees a closed handle). */
  void close() {
    List<Runnable> wake;
    synchronized (this) {
      closed = true;
      wake = new ArrayList<>(waiters);
    }
    wake.forEach(Runnable::run);
  }

  /** {@code waker} is called on every change from now on, until {@link #removeWaiter}. */
  synchronized void addWaiter(Runnable waker) {
    waiters.add(waker);
  }

  synchronized void removeWaiter(Runnable waker) {
    waiters.remove(waker);
  }

  @Override
  public String toString() {
    return "event " + handle;
  }
}
