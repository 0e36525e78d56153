package org.wsemu.net.nio;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.task.OpenResources;

/**
 * The one selector thread of a real network. Other threads hand it work with {@link #execute}
 * (registrations, interest changes), which wakes the selector; readiness is delivered to each
 * key's {@link NioRegistration}. It sleeps in {@code select()} when there is nothing to do.
 *
 * <p>Everything it runs goes through the emulator's {@link NetworkCallbacks}: a callback that
 * throws is reported and the thread goes on, so one bad callback cannot stall the real network.
 *
 * <p>Thread-safe: {@link #execute} and {@link #post} from any thread.
 */
final class NioSelectorLoop {
  /** Asked for when there is something to log: an emulator that logs nothing never starts SLF4J. */
  private static Logger log() {
    return LoggerFactory.getLogger(NioSelectorLoop.class);
  }

  /** How the boundary names a readiness callback that threw. */
  static final String READINESS_CALLBACK = "readiness callback";

  private final Selector selector;
  private final NetworkCallbacks callbacks;
  private final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile boolean finished;

  NioSelectorLoop(String threadName, NetworkCallbacks callbacks) {
    this.callbacks = callbacks;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
    }
    this.thread = new Thread(this::loop, threadName);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  Selector selector() {
    return selector;
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Where callbacks run: exceptions are reported and the loop goes on. */
  NetworkCallbacks callbacks() {
    return callbacks;
  }

  /** Runs {@code task} on the selector thread, soon. */
  void execute(Runnable task) {
    if (inLoop()) {
      task.run();
      return;
    }
    post(task);
  }

  /**
   * Runs {@code task} on the selector thread, later, even when called on that thread: never before
   * this method returns. Once the thread has ended (the network shut down) nobody else can run it,
   * so the caller does.
   */
  void post(Runnable task) {
    work.add(task);
    selector.wakeup();
    if (finished) {
      runPending();
    }
  }

  private void runPending() {
    Runnable task;
    while ((task = work.poll()) != null) {
      callbacks.run("selector task", task);
    }
  }

  private void loop() {
    try {
      while (!stopped) {
        selector.select();
        runPending();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid()) {
            callbacks.run(READINESS_CALLBACK, () -> ((NioRegistration) key.attachment()).ready(key));
          }
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!stopped) {
        log().error("selector failed; the real network stops", e);
      }
    } finally {
      try {
        selector.close();
      } catch (IOException e) {
        log().debug("closing the selector", e);
      }
      finished = true; // from now on post() runs what it is given
      runPending();
    }
  }

  /** The thread while it is alive, and the selector while it is open. */
  OpenResources openResources() {
    List<String> threads = thread.isAlive() ? List.of(thread.getName()) : List.of();
    return new OpenResources(threads, 0, 0, selector.isOpen() ? 1 : 0);
  }

  /** Stops the thread and closes the selector. */
  void shutdown() {
    stopped = true;
    selector.wakeup();
    if (!inLoop()) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
