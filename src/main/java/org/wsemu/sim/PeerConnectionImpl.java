package org.wsemu.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Readiness;

/**
 * Drives one {@link Peer.Session} on an accepted endpoint: calls it when something arrives,
 * keeps its outgoing queue moving as the window opens, and resets the connection if it throws
 * (the exception is reported at the emulator's callback boundary first).
 *
 * <p>Thread-safe: the session's callbacks run under this object's monitor, one at a time; the
 * monitor is taken before the network's lock, never after (see docs/scheduling.md, "Locking").
 */
final class PeerConnectionImpl implements PeerConnection {
  private final SimNetworkState net;
  private final SimTcpEndpoint endpoint;
  @GuardedBy("this") private final ByteQueue outgoing = new ByteQueue();
  @GuardedBy("this") private final List<Runnable> whenSent = new ArrayList<>();
  @GuardedBy("this") private Peer.Session session;
  @GuardedBy("this") private boolean closed;
  @GuardedBy("this") private boolean closeWhenSent;
  @GuardedBy("this") private boolean shutdownWhenSent;
  @GuardedBy("this") private boolean writeArmed;

  PeerConnectionImpl(SimNetworkState net, SimTcpEndpoint endpoint) {
    this.net = net;
    this.endpoint = endpoint;
  }

  synchronized void start(Peer peer) {
    net.locked(() -> endpoint.owner = this);
    try {
      session = peer.accept(this);
    } catch (Throwable e) {
      failed("Peer accept", e);
      return;
    }
    arrival(-1);
  }

  /** Calls the session if something arrived since {@code seen}, then waits for the next arrival. */
  private synchronized void arrival(long seen) {
    if (closed) {
      return;
    }
    long now = arrivals();
    if (seen >= 0 || now > 0) {
      try {
        session.readable();
      } catch (Throwable e) {
        failed("Peer session", e);
        return;
      }
    }
    if (!closed) {
      net.locked(() -> endpoint.arrivals.after(now, () -> arrival(now)));
    }
  }

  private long arrivals() {
    net.lock();
    try {
      return endpoint.arrivals.count();
    } finally {
      net.unlock();
    }
  }

  /** Peer code threw: reported at the boundary (fatal errors pass), then the connection resets. */
  private void failed(String what, Throwable e) {
    net.callbacks().failed(what + " at " + endpoint.label(), e);
    net.locked(() -> net.net("peer-failed", "at", endpoint.label(), "error", String.valueOf(e)));
    reset();
  }

  @Override
  public int read(byte[] buffer, int offset, int len) {
    return endpoint.read(buffer, offset, len);
  }

  @Override
  public boolean atEnd() {
    return net.test(endpoint::atEnd);
  }

  @Override
  public synchronized void send(byte[] data) {
    if (closed || closeWhenSent || shutdownWhenSent) {
      return;
    }
    outgoing.put(data, 0, data.length);
    flush();
  }

  @Override
  public synchronized int unsent() {
    return outgoing.size();
  }

  @Override
  public synchronized void whenSent(Runnable action) {
    whenSent.add(action);
    flush();
  }

  private synchronized void flush() {
    byte[] scratch = new byte[Math.min(outgoing.size(), 65536)];
    while (!outgoing.isEmpty() && !closed) {
      int n = outgoing.take(scratch, 0, scratch.length, true);
      int written = endpoint.write(scratch, 0, n);
      if (written > 0) {
        outgoing.skip(written);
      } else if (written == WOULD_BLOCK) {
        if (!writeArmed) {
          writeArmed = true;
          endpoint.notifyWhen(Readiness.WRITE, this::writable);
        }
        return;
      } else {
        outgoing.clear(); // reset or closed: nothing more will go
      }
    }
    if (!outgoing.isEmpty()) {
      return;
    }
    if (shutdownWhenSent) {
      shutdownWhenSent = false;
      endpoint.shutdownOutput();
    }
    if (closeWhenSent) {
      closeNow(false);
    }
    List<Runnable> due = new ArrayList<>(whenSent);
    whenSent.clear();
    for (Runnable action : due) {
      run(action);
    }
  }

  private synchronized void writable() {
    writeArmed = false;
    flush();
  }

  private void run(Runnable action) {
    try {
      action.run();
    } catch (Throwable e) {
      failed("Peer action", e);
    }
  }

  @Override
  public synchronized void shutdownOutput() {
    shutdownWhenSent = true;
    flush();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closeWhenSent = true;
      flush();
    }
  }

  @Override
  public synchronized void reset() {
    outgoing.clear();
    closeNow(true);
  }

  private void closeNow(boolean abortive) {
    if (!closed) {
      closed = true;
      endpoint.close(abortive);
    }
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public void after(Duration delay, Runnable action) {
    net.locked(() -> net.after(delay.toMillis(), () -> net.later(() -> {
      synchronized (this) {
        if (!closed) {
          run(action);
        }
      }
    })));
  }

  @Override
  public long now() {
    return net.now();
  }

  @Override
  public String localAddress() {
    return SimNetworkState.address(endpoint.localIp(), endpoint.localPort());
  }

  @Override
  public String remoteAddress() {
    return SimNetworkState.address(endpoint.remoteIp(), endpoint.remotePort());
  }
}
