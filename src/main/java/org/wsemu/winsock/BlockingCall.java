package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.wsemu.kernel.KernelTask;

/**
 * What a blocking routine needs from the engine: a non-blocking attempt (the result, or
 * {@link EmulatedSocket#WOULD_BLOCK}), the sockets whose readiness or state may end the wait, a deadline
 * and what to return when it passes, and what to undo when the call is cancelled.
 *
 * <p>While it waits, the call's task is registered with each watched socket's
 * {@link BlockedTasks}, so that any change of the socket's state, made by whichever task, wakes it.
 *
 * <p>Used on one task's thread; wake-ups arrive on any thread.
 */
final class BlockingCall {
  /** A wait on one socket: its readiness (select-style conditions, or fixed {@code Readiness} bits) and its state. */
  private record Watch(EmulatedSocket socket, boolean read, boolean write, boolean except, int ops) {
    int opsNow() {
      return ops != 0 ? ops : socket.readiness().selectWaitOps(read, write, except);
    }
  }

  final String function;
  final int socket;
  /** The socket the call works on, when it has one (not select, not a lookup). */
  private EmulatedSocket target;
  private final IntSupplier attempt;
  private final List<Watch> watches = new ArrayList<>(1);
  private long deadline = KernelTask.NO_DEADLINE;
  private IntSupplier onTimeout = () -> 0;
  private Runnable onCancel = () -> { };
  private Runnable waker;

  BlockingCall(String function, int socket, IntSupplier attempt) {
    this.function = function;
    this.socket = socket;
    this.attempt = attempt;
  }

  /**
   * A blocking routine on {@code target} that closesocket (from another task, or WSACleanup) ends
   * with WSAEINTR, as 1.1 specifies: an attempt fails so if the socket is closed when it starts,
   * and an attempt that fails is reported so if the socket was closed while it ran, whatever the
   * closed endpoint answered.
   */
  BlockingCall(String function, EmulatedSocket target, IntSupplier attempt) {
    this(function, target.handle, () -> {
      if (target.closed) {
        return -WinSock.WSAEINTR;
      }
      int r = attempt.getAsInt();
      return r < 0 && r != EmulatedSocket.WOULD_BLOCK && target.closed ? -WinSock.WSAEINTR : r;
    });
    this.target = target;
  }

  /** Wakes the wait when {@code target} may have become readable/writable/exceptional, or changed state. */
  BlockingCall watch(EmulatedSocket target, boolean read, boolean write, boolean except) {
    watches.add(new Watch(target, read, write, except, 0));
    return this;
  }

  /** Wakes the wait when one of {@code ops} ({@link org.wsemu.net.Readiness} bits) holds for {@code target}, or it changed state. */
  BlockingCall watchOps(EmulatedSocket target, int ops) {
    watches.add(new Watch(target, false, false, false, ops));
    return this;
  }

  /** Gives up at {@code at} (clock time) with what {@code result} returns. */
  BlockingCall deadline(long at, IntSupplier result) {
    this.deadline = at;
    this.onTimeout = result;
    return this;
  }

  /** What to undo when the call is cancelled (WSAEINTR). */
  BlockingCall onCancel(Runnable undo) {
    this.onCancel = undo;
    return this;
  }

  int attempt() {
    return attempt.getAsInt();
  }

  long deadline() {
    return deadline;
  }

  int timedOut() {
    return onTimeout.getAsInt();
  }

  void cancelled() {
    if (target != null && !function.equals("accept")) {
      target.cancelledByProgram = true; // the 1.1 rule: only closesocket may follow (accept's socket is unaffected)
    }
    onCancel.run();
  }

  /**
   * The call starts waiting: from now until {@link #stopWaiting}, any state change of a watched
   * socket runs {@code wake}. Call it before the attempt that precedes the first wait.
   */
  void startWaiting(Runnable wake) {
    this.waker = wake;
    for (Watch watch : watches) {
      watch.socket().blocked.add(wake);
    }
  }

  /** Asks each watched socket's endpoint for the readiness that could end the wait now. */
  void arm() {
    if (watches.size() == 1) {
      Watch only = watches.get(0);
      only.socket().blocked.arm(waker, only.opsNow());
      return;
    }
    Map<EmulatedSocket, Integer> ops = new LinkedHashMap<>();
    for (Watch watch : watches) {
      ops.merge(watch.socket(), watch.opsNow(), (a, b) -> a | b); // all it waits for on one socket at once
    }
    ops.forEach((target, wanted) -> target.blocked.arm(waker, wanted));
  }

  /** The call stopped waiting. */
  void stopWaiting() {
    if (waker != null) {
      for (Watch watch : watches) {
        watch.socket().blocked.remove(waker);
      }
    }
  }
}
