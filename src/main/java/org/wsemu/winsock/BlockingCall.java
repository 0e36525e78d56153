package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.wsemu.kernel.TaskControl;

/**
 * What a blocking routine needs from the engine: a non-blocking attempt (the result, or
 * {@link WsSocket#WOULD_BLOCK}), the sockets whose readiness may end the wait, a deadline and what
 * to return when it passes, and what to undo when the call is cancelled.
 *
 * <p>Used on one task's thread; readiness callbacks arrive on the network thread.
 */
final class BlockingCall {
  /** A readiness wait on one socket, registered at most once at a time. */
  private record Watch(WsSocket socket, boolean read, boolean write, boolean except, int ops, AtomicBoolean armed) {}

  final String function;
  final int socket;
  private final IntSupplier attempt;
  private final List<Watch> watches = new ArrayList<>(1);
  private long deadline = TaskControl.NO_DEADLINE;
  private IntSupplier onTimeout = () -> 0;
  private Runnable onCancel = () -> { };

  BlockingCall(String function, int socket, IntSupplier attempt) {
    this.function = function;
    this.socket = socket;
    this.attempt = attempt;
  }

  /** Wakes the wait when {@code target} may have become readable/writable/exceptional. */
  BlockingCall watch(WsSocket target, boolean read, boolean write, boolean except) {
    watches.add(new Watch(target, read, write, except, 0, new AtomicBoolean()));
    return this;
  }

  /** Wakes the wait when one of {@code ops} ({@link org.wsemu.net.Readiness} bits) holds for {@code target}. */
  BlockingCall watchOps(WsSocket target, int ops) {
    watches.add(new Watch(target, false, false, false, ops, new AtomicBoolean()));
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
    onCancel.run();
  }

  /** Registers for readiness where not already registered; {@code wake} runs when it comes. */
  void arm(Runnable wake) {
    for (Watch watch : watches) {
      if (watch.armed().compareAndSet(false, true)) {
        int ops = watch.ops() != 0 ? watch.ops()
            : watch.socket().pollWaitOps(watch.read(), watch.write(), watch.except());
        if (ops == 0) {
          watch.armed().set(false);
          continue;
        }
        watch.socket().notifyWhen(ops, () -> {
          watch.armed().set(false);
          wake.run();
        });
      }
    }
  }
}
