package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.time.Clock;
import org.wsemu.time.SystemClock;

/** A timer is claimed exactly once: by one canceller, or by the queue that runs it. */
class TimerQueueTest {

  /**
   * Two threads cancel the same fresh timer at the same moment, round after round: exactly one of
   * them is told that it was pending. They meet at a spinning start line, so that the two calls
   * overlap as closely as the machine allows.
   */
  @Test
  @Timeout(120)
  void twoThreadsCancellingAtOnceHaveExactlyOneWinnerEachRound() throws Exception {
    int rounds = 300_000;
    AtomicReference<TimerQueue.Entry> entry = new AtomicReference<>();
    AtomicInteger go = new AtomicInteger(-1); // the round both may start
    AtomicInteger finished = new AtomicInteger(-1); // the round the other thread finished
    boolean[] otherWon = new boolean[rounds];
    AtomicReference<Throwable> otherFailed = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        for (int round = 0; round < rounds; round++) {
          int r = round;
          spinUntil(() -> go.get() >= r);
          otherWon[round] = entry.get().cancel();
          finished.set(round);
        }
      } catch (Throwable e) {
        otherFailed.set(e);
      }
    }, "cancel-racer");
    other.setDaemon(true);
    other.start();
    int doubleWins = 0;
    int noWins = 0;
    long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a busy machine races fewer rounds
    int round = 0;
    for (; round < rounds && otherFailed.get() == null && System.nanoTime() < stopAt; round++) {
      TimerQueue.Entry fresh = new TimerQueue.Entry(0, round, () -> { });
      entry.set(fresh);
      go.set(round);
      boolean won = fresh.cancel();
      int r = round;
      spinUntil(() -> finished.get() >= r || !other.isAlive());
      if (won && otherWon[round]) {
        doubleWins++;
      } else if (!won && !otherWon[round]) {
        noWins++;
      }
      assertFalse(fresh.cancel(), "a cancelled timer is pending no more");
    }
    go.set(rounds); // releases the other thread if the time ran out
    other.interrupt();
    other.join(10_000);
    assertTrue(otherFailed.get() == null, () -> "the racing thread failed: " + otherFailed.get());
    assertTrue(doubleWins == 0 && noWins == 0,
        "rounds with two winners: " + doubleWins + ", with none: " + noWins + " of " + round);
  }

  /** Spins briefly, then yields, so that two racers on one busy core still take turns. */
  private static void spinUntil(java.util.function.BooleanSupplier condition) {
    for (int spins = 0; !condition.getAsBoolean(); spins++) {
      if (spins < 1_000) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  /** The queue claims a timer before it runs it, so a racing cancel either wins or sees it run. */
  @Test
  @Timeout(60)
  void aTimerThatRunsCannotAlsoBeCancelled() throws Exception {
    RealTimerQueue queue = new RealTimerQueue((SystemClock) Clock.system(), "timer-queue-test", CallbackBoundary.loggingOnly());
    try {
      for (int round = 0; round < 5_000; round++) {
        AtomicBoolean ran = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        KernelTimer timer = queue.schedule(0, () -> {
          ran.set(true);
          done.countDown();
        });
        boolean cancelled = timer.cancel();
        if (!cancelled) {
          assertTrue(done.await(10, TimeUnit.SECONDS), "round " + round + ": neither cancelled nor run");
        }
        assertTrue(ran.get() ^ cancelled, "round " + round + ": ran " + ran.get() + ", cancelled " + cancelled);
      }
    } finally {
      queue.shutdown();
    }
  }
}
