package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * Principle 2, proved under load: a waiting task is woken only by enqueueing, and no wake-up is
 * lost. Several plain threads post while the task alternates between checking its queue and
 * waiting (WaitMessage, or GetMessage); every message arrives exactly once, in per-producer order,
 * and nothing hangs.
 */
class LostWakeupStressTest {
  private static final int PRODUCERS = 4;
  private static final int PER_PRODUCER = 250_000;
  private static final int TOTAL = PRODUCERS * PER_PRODUCER;

  @BothModes
  @Timeout(120)
  void aMillionMessagesFromFourThreadsArriveExactlyOnceInOrder(SchedulingMode mode) throws Exception {
    int[] next = new int[PRODUCERS];
    AtomicLong waits = new AtomicLong();
    AtomicReference<String> error = new AtomicReference<>();
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      CountDownLatch consumerReady = new CountDownLatch(1);
      Task consumer = emu.createTask("consumer", () -> {
        MSG msg = new MSG();
        int received = 0;
        consumerReady.countDown();
        while (received < TOTAL) {
          boolean got;
          if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE | PM_NOYIELD)) {
            got = true;
          } else if (waits.incrementAndGet() % 2 == 0) {
            user.WaitMessage();
            got = false;
          } else {
            got = user.GetMessage(msg, NULL, 0, 0) > 0;
          }
          if (got) {
            int producer = msg.wParam;
            int seq = msg.lParam;
            if (msg.message != WM_USER || producer < 0 || producer >= PRODUCERS || seq != next[producer]) {
              error.compareAndSet(null, "unexpected " + msg + " expecting seq " + (producer >= 0 && producer < PRODUCERS ? next[producer] : -1));
              return 1;
            }
            next[producer]++;
            received++;
          }
        }
        return 0;
      });
      emu.start();
      consumerReady.await();
      List<Thread> producers = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        int producer = p;
        Thread thread = new Thread(() -> {
          for (int seq = 0; seq < PER_PRODUCER; seq++) {
            while (!user.PostAppMessage(consumer.handle(), WM_USER, producer, seq)) {
              Thread.yield(); // the queue is full (10,000 messages): back off and retry
            }
            if ((seq & 0xFF) == 0) {
              Thread.yield(); // bursts, so that the consumer keeps draining and waiting
            }
          }
        }, "producer-" + p);
        producers.add(thread);
        thread.start();
      }
      for (Thread thread : producers) {
        thread.join();
      }
      assertEquals(0, Emus.join(consumer), String.valueOf(error.get()));
    }
    int[] expected = new int[PRODUCERS];
    java.util.Arrays.fill(expected, PER_PRODUCER);
    assertArrayEquals(expected, next);
    assertTrue(waits.get() > 0, "the consumer never had to wait: the race was not exercised");
  }
}
