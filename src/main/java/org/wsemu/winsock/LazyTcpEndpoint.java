package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Network;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;

/**
 * The TCP endpoint of a stream socket, opened when the socket first needs one (bind, connect, an
 * option; socket() itself opens nothing), and the readiness callbacks asked for before it existed:
 * nothing can be ready without an endpoint, so they wait here, are handed to the endpoint when it
 * opens, and run when the socket closes without one.
 *
 * <p>Thread-safe: guarded by its own monitor, which is taken under the socket's, never the other
 * way round; callbacks run outside it.
 */
final class LazyTcpEndpoint {
  private static final int ANY = Readiness.READ | Readiness.WRITE | Readiness.CONNECT | Readiness.ACCEPT;

  private final Network network;
  @GuardedBy("this") private TcpEndpoint endpoint;
  @GuardedBy("this") private boolean closed;
  @GuardedBy("this") private final List<Runnable> earlyWaiters = new ArrayList<>();

  /** No endpoint yet: {@code network} opens it when asked. */
  LazyTcpEndpoint(Network network) {
    this.network = network;
  }

  /** An endpoint that exists already (a connection accept() took). */
  LazyTcpEndpoint(Network network, TcpEndpoint connected) {
    this.network = network;
    this.endpoint = connected;
  }

  /** The endpoint, or null if none was opened yet. */
  synchronized TcpEndpoint get() {
    return endpoint;
  }

  /** The endpoint, opened now if need be; null if the system has no socket left. */
  synchronized TcpEndpoint open() {
    if (endpoint == null) {
      endpoint = network.openTcp();
      if (endpoint != null) {
        for (Runnable waiter : earlyWaiters) {
          endpoint.notifyWhen(ANY, waiter);
        }
        earlyWaiters.clear();
      }
    }
    return endpoint;
  }

  /** Whether the endpoint has a local address: bound, or bound by a connect attempt. */
  synchronized boolean hasLocalAddress() {
    return endpoint != null && endpoint.localPort() != 0;
  }

  /** Calls {@code onReady} once when one of {@code ops} may hold (see {@link TcpEndpoint#notifyWhen}). */
  void notifyWhen(int ops, Runnable onReady) {
    TcpEndpoint ep;
    synchronized (this) {
      ep = endpoint;
      if (ep == null && !closed) {
        earlyWaiters.add(onReady); // nothing can be ready before there is an endpoint; close still wakes
        return;
      }
    }
    if (ep == null) {
      onReady.run();
    } else {
      ep.notifyWhen(ops, onReady);
    }
  }

  /** Closes the endpoint, if there is one ({@code abortive}: reset), and wakes the early waiters. */
  void close(boolean abortive) {
    TcpEndpoint ep;
    List<Runnable> waiters;
    synchronized (this) {
      closed = true;
      ep = endpoint;
      waiters = new ArrayList<>(earlyWaiters);
      earlyWaiters.clear();
    }
    if (ep != null) {
      ep.close(abortive);
    }
    waiters.forEach(Runnable::run);
  }
}
