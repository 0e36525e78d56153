package org.wsemu.user;

import java.util.concurrent.CountDownLatch;
import org.wsemu.kernel.KernelTask;

/**
 * A message sent by one task (or a non-task thread) to a window of another task, waiting for the
 * reply. The reply is published under the sending task's lock, so the sender's wait condition sees
 * it; a non-task sender waits on a latch.
 */
final class SentMessage {
  final KernelTask sender;
  final int hwnd;
  final int message;
  final int wParam;
  final int lParam;
  private final CountDownLatch latch;
  private boolean replied; // guarded by sender.lock() (or this, for a non-task sender)
  private int result;

  SentMessage(KernelTask sender, int hwnd, int message, int wParam, int lParam) {
    this.sender = sender;
    this.hwnd = hwnd;
    this.message = message;
    this.wParam = wParam;
    this.lParam = lParam;
    this.latch = sender == null ? new CountDownLatch(1) : null;
  }

  /** Publishes the result and wakes the sender; later calls are ignored. Returns whether it replied now. */
  boolean reply(int value) {
    if (sender == null) {
      synchronized (this) {
        if (replied) {
          return false;
        }
        replied = true;
        result = value;
      }
      latch.countDown();
      return true;
    }
    sender.lock().lock();
    try {
      if (replied) {
        return false;
      }
      replied = true;
      result = value;
      sender.changed();
      return true;
    } finally {
      sender.lock().unlock();
    }
  }

  /** Whether the reply is in; for a task sender, call holding the sender's lock. */
  boolean isReplied() {
    if (sender == null) {
      synchronized (this) {
        return replied;
      }
    }
    return replied;
  }

  /** The reply; valid once {@link #isReplied()}. */
  int result() {
    if (sender == null) {
      synchronized (this) {
        return result;
      }
    }
    return result;
  }

  /**
   * Waits for the reply on a non-task thread. An interrupt ends the wait early (the reply is then
   * lost and SendMessage returns 0), with the interrupt status kept.
   */
  void awaitOnForeignThread() {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
