package org.wsemu.explore;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wsemu.Emulator;

/**
 * The thread a worker runs its schedules' programs on, one program at a time, each at most for its
 * timeout: one daemon thread kept from schedule to schedule instead of one started per schedule.
 * A program that overruns its timeout is interrupted and gets {@link #UNWIND} to end; its thread is
 * then given up (it may still hang) and the next program gets a new one. The thread's interrupt
 * status is cleared between programs.
 *
 * <p>Threading: confined to the worker that owns it (not thread-safe); {@link #close()} when done.
 */
final class ScheduleThread implements AutoCloseable {
  /** How long a hung program gets to unwind after its thread is interrupted. */
  static final Duration UNWIND = Duration.ofSeconds(15);

  /** The current thread, or null before the first program and after a timeout. Owner only. */
  private ExecutorService executor;

  /** Runs {@code program} with {@code builder}; its failure, a {@link ScheduleTimeoutException}, or null. */
  Throwable run(ScheduledProgram program, Emulator.Builder builder, Duration timeout) {
    if (executor == null) {
      executor = Executors.newSingleThreadExecutor(ScheduleThread::daemon);
    }
    CountDownLatch ended = new CountDownLatch(1);
    Future<Throwable> outcome = executor.submit(() -> {
      try {
        program.run(builder);
        return null;
      } catch (Throwable t) { // any failure of the program fails the schedule
        return t;
      } finally {
        ended.countDown();
      }
    });
    try {
      return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon();
      try {
        ended.await(UNWIND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      return new ScheduleTimeoutException(timeout);
    } catch (InterruptedException e) {
      abandon();
      Thread.currentThread().interrupt();
      return e;
    } catch (ExecutionException e) { // the task catches every Throwable itself
      return e.getCause();
    }
  }

  /** Interrupts the current program, if any, and lets the thread end. */
  @Override
  public void close() {
    abandon();
  }

  private void abandon() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body, "wsemu-explore-schedule");
    thread.setDaemon(true);
    return thread;
  }
}
