package org.wsemu.winsock;

import java.util.ArrayDeque;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetException;
import org.wsemu.net.TcpEndpoint;

/**
 * The accepting side of a listening stream socket: connections taken from the listening endpoint
 * ahead of accept (select and FD_ACCEPT must know whether one waits, and only taking it tells),
 * which accept then takes first. The one place of the Winsock layer that reads an accept failure
 * from the network.
 *
 * <p>Not thread-safe: guarded by its socket's monitor.
 */
@GuardedBy("EmulatedSocket.this")
final class PendingConnections {
  private final ArrayDeque<TcpEndpoint> taken = new ArrayDeque<>();
  /** The last look found accepting failed: accept will try again, and report it if it fails again. */
  private boolean lookFailed;

  /**
   * Looks for a connection: takes one from {@code listener} if none was taken yet, and then runs
   * {@code tookFromEndpoint}.
   */
  void look(TcpEndpoint listener, Runnable tookFromEndpoint) {
    lookFailed = false;
    if (taken.isEmpty()) {
      try {
        TcpEndpoint next = listener.accept();
        if (next != null) {
          taken.add(next);
          tookFromEndpoint.run();
        }
      } catch (NetException e) {
        lookFailed = true;
      }
    }
  }

  /** Whether a connection waits, or the last look found accepting failed (accept reports it). */
  boolean waiting() {
    return lookFailed || !taken.isEmpty();
  }

  /**
   * Takes the next connection into {@code connection[0]}: 0, {@link EmulatedSocket#WOULD_BLOCK} if none
   * waits, or -error if accepting failed.
   */
  int take(TcpEndpoint listener, TcpEndpoint[] connection) {
    lookFailed = false;
    TcpEndpoint next = taken.poll();
    if (next == null) {
      try {
        next = listener.accept();
      } catch (NetException e) {
        return -NetErrors.code(e.error());
      }
    }
    connection[0] = next;
    return next == null ? EmulatedSocket.WOULD_BLOCK : 0;
  }

  /** The listener closes: connections never accepted are reset. */
  void resetAll() {
    for (TcpEndpoint waiting : taken) {
      waiting.close(true);
    }
    taken.clear();
  }
}
