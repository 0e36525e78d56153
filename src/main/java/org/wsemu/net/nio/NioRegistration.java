package org.wsemu.net.nio;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Readiness;
import org.wsemu.net.ReadinessWaiters;

/**
 * The readiness callbacks of one endpoint. {@link #notifyWhen} records a one-shot callback and asks
 * the selector thread to watch the channel for those conditions; when the selector reports them,
 * the matching callbacks run once and the interest shrinks to what is still awaited, so a ready
 * channel that nobody waits on does not keep the selector busy.
 *
 * <p>Thread-safe: callbacks are added from any thread; the key is touched only on the selector
 * thread, and callbacks run only there (never on the thread that asks or closes), at the
 * emulator's callback boundary.
 */
final class NioRegistration {
  /** How long {@link #released} waits for the selector thread (which only runs short work). */
  private static final long RELEASE_WAIT_SECONDS = 1;

  private final NioSelectorLoop loop;
  @GuardedBy("this") private final ReadinessWaiters waiters = new ReadinessWaiters();
  private SelectableChannel channel; // selector thread only
  private SelectionKey key; // selector thread only
  @GuardedBy("this") private boolean closed;

  NioRegistration(NioSelectorLoop loop) {
    this.loop = loop;
  }

  NioSelectorLoop loop() {
    return loop;
  }

  /**
   * Calls {@code onReady} once on the selector thread when one of {@code ops} holds; for a closed
   * endpoint (which is "ready": the waiter finds out it is closed) soon, but still on the selector
   * thread and never before this method returns.
   */
  void notifyWhen(int ops, Runnable onReady) {
    synchronized (this) {
      if (!closed) {
        waiters.add(ops, onReady);
        loop.execute(this::update);
        return;
      }
    }
    loop.post(() -> fire(onReady));
  }

  /** The endpoint now uses {@code newChannel} (bound, listening, reopened after a failed connect). */
  void channel(SelectableChannel newChannel) {
    loop.execute(() -> {
      if (key != null) {
        key.cancel();
        key = null;
      }
      channel = newChannel;
      update();
    });
  }

  /**
   * The channel's state changed in a way that may let it be watched now (a connection started on
   * a socket channel that was only bound): registers what the waiters want.
   */
  void refresh() {
    loop.execute(this::update);
  }

  /**
   * The JDK closed the endpoint's channel (a failed connect). A channel a selector holds is really
   * closed, its port given back, only once the selector lets it go; this lets it go now and returns
   * when it has, so that the endpoint can bind a fresh channel to the same port. Called on any
   * thread but the selector's, it waits for that thread at most {@link #RELEASE_WAIT_SECONDS}.
   */
  void released() {
    CountDownLatch done = new CountDownLatch(1);
    loop.execute(() -> {
      try {
        if (key != null) {
          key.cancel();
          key = null;
        }
        channel = null;
        loop.selector().selectNow(); // deregisters the cancelled key: the JDK closes the socket
      } catch (IOException | ClosedSelectorException e) {
        // the network is stopping: the selector closes every channel it holds
      } finally {
        done.countDown();
      }
    });
    try {
      done.await(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The endpoint closed: every waiter runs, on the selector thread. */
  void closed() {
    List<Runnable> all;
    synchronized (this) {
      closed = true;
      all = waiters.takeAll();
    }
    if (!all.isEmpty()) {
      loop.post(() -> all.forEach(this::fire));
    }
    loop.execute(() -> {
      if (key != null) {
        key.cancel();
        key = null;
      }
    });
  }

  /** Selector thread: the channel's ready operations. */
  void ready(SelectionKey readyKey) {
    int readyOps;
    try {
      readyOps = fromNio(readyKey.readyOps());
    } catch (CancelledKeyException e) {
      return;
    }
    List<Runnable> fire;
    synchronized (this) {
      fire = waiters.takeReady(readyOps);
    }
    update();
    for (Runnable onReady : fire) {
      fire(onReady);
    }
  }

  /** Runs one callback at the boundary: if it throws, the others and the selector go on. */
  private void fire(Runnable onReady) {
    loop.callbacks().run(NioSelectorLoop.READINESS_CALLBACK, onReady);
  }

  /** Selector thread: registers the channel for what the waiters still want. */
  private void update() {
    int wanted;
    synchronized (this) {
      wanted = waiters.wanted();
    }
    if (channel == null || !channel.isOpen()) {
      return;
    }
    if (channel instanceof SocketChannel socket && !socket.isConnected() && !socket.isConnectionPending()) {
      // Only bound: nothing can be ready until it connects or listens (which moves the binding to a
      // server channel). Registering it would delay its close until the selector deregisters it,
      // keeping its port, so that the server channel could not bind it.
      return;
    }
    int nioOps = toNio(wanted) & channel.validOps();
    try {
      if (key == null || !key.isValid()) {
        if (nioOps != 0) {
          key = channel.register(loop.selector(), nioOps, this);
        }
      } else {
        key.interestOps(nioOps);
      }
    } catch (ClosedChannelException | CancelledKeyException e) {
      key = null;
    }
  }

  private static int toNio(int ops) {
    int nio = 0;
    if ((ops & Readiness.READ) != 0) {
      nio |= SelectionKey.OP_READ;
    }
    if ((ops & Readiness.WRITE) != 0) {
      nio |= SelectionKey.OP_WRITE;
    }
    if ((ops & Readiness.ACCEPT) != 0) {
      nio |= SelectionKey.OP_ACCEPT;
    }
    if ((ops & Readiness.CONNECT) != 0) {
      nio |= SelectionKey.OP_CONNECT;
    }
    return nio;
  }

  private static int fromNio(int nio) {
    int ops = 0;
    if ((nio & SelectionKey.OP_READ) != 0) {
      ops |= Readiness.READ;
    }
    if ((nio & SelectionKey.OP_WRITE) != 0) {
      ops |= Readiness.WRITE;
    }
    if ((nio & SelectionKey.OP_ACCEPT) != 0) {
      ops |= Readiness.ACCEPT;
    }
    if ((nio & SelectionKey.OP_CONNECT) != 0) {
      ops |= Readiness.CONNECT;
    }
    return ops;
  }
}
