package org.wsemu.net;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one selector thread of a real network. Other threads hand it work with {@link #execute}
 * (registrations, interest changes), which wakes the selector; readiness is delivered to each
 * key's {@link NioRegistration}. It sleeps in {@code select()} when there is nothing to do.
 */
final class NioSelectorLoop {
  private static final Logger log = LoggerFactory.getLogger(NioSelectorLoop.class);

  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean stopped;

  NioSelectorLoop(String threadName) {
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

  /** Runs {@code task} on the selector thread, soon. */
  void execute(Runnable task) {
    if (inLoop()) {
      task.run();
      return;
    }
    work.add(task);
    selector.wakeup();
  }

  private void loop() {
    try {
      while (!stopped) {
        selector.select();
        Runnable task;
        while ((task = work.poll()) != null) {
          runSafely(task);
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid()) {
            ((NioRegistration) key.attachment()).ready(key);
          }
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!stopped) {
        log.error("selector failed; the real network stops", e);
      }
    } finally {
      try {
        selector.close();
      } catch (IOException e) {
        log.debug("closing the selector", e);
      }
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("selector task failed", e);
    }
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
