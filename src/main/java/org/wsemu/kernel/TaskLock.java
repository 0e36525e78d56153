package org.wsemu.kernel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.wsemu.trace.Trace;

/**
 * A task's lock (in Win16 mode the scheduler's, which is every task's): a reentrant lock under
 * which no trace sink runs. Taking it (the outermost hold) {@link Trace#deferDelivery() defers} the
 * trace's delivery on the calling thread; releasing the outermost hold resumes it, after the lock
 * is free, so the events emitted meanwhile reach the sinks then, holding no task lock.
 *
 * <p>A {@link java.util.concurrent.locks.Condition} wait releases and retakes the lock without
 * {@link #lock()} or {@link #unlock()}: the waiting thread keeps deferring, so it delivers nothing
 * when it wakes holding the lock again, and other threads deliver meanwhile, deferral being per
 * thread.
 *
 * <p>Thread-safe.
 */
final class TaskLock extends ReentrantLock {
  private final Trace trace;

  TaskLock(Trace trace) {
    this.trace = trace;
  }

  @Override
  public void lock() {
    super.lock();
    taken();
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    super.lockInterruptibly();
    taken();
  }

  @Override
  public boolean tryLock() {
    if (!super.tryLock()) {
      return false;
    }
    taken();
    return true;
  }

  @Override
  public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
    if (!super.tryLock(timeout, unit)) {
      return false;
    }
    taken();
    return true;
  }

  @Override
  public void unlock() {
    boolean outermost = getHoldCount() == 1;
    super.unlock();
    if (outermost) {
      trace.resumeDelivery();
    }
  }

  private void taken() {
    if (getHoldCount() == 1) {
      trace.deferDelivery();
    }
  }
}
