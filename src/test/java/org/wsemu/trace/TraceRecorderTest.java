package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.trace.TraceFilesTest.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The recorder's cap: a ring buffer of the latest events, the count of those dropped, the memory bound. */
class TraceRecorderTest {

  private static TraceEvent numbered(long seq) {
    return event(seq, seq / 10, "0001:app", TraceKind.CALL, "send", "s", 1, "ret", 4);
  }

  private static List<Long> seqs(TraceRecorder recorder) {
    return recorder.events().stream().map(TraceEvent::seq).toList();
  }

  private static void feed(TraceRecorder recorder, long from, long to) {
    for (long seq = from; seq <= to; seq++) {
      recorder.accept(numbered(seq));
    }
  }

  @Test
  void upToItsCapacityTheRecorderKeepsEverythingAndDropsNothing() {
    TraceRecorder recorder = new TraceRecorder(5);
    feed(recorder, 1, 5);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(recorder));
    assertEquals(0, recorder.dropped());
    assertEquals(5, recorder.received());
    assertEquals(5, recorder.capacity());
    assertEquals(TraceFormat.lines(recorder.events()), recorder.render());
  }

  @Test
  void pastItsCapacityTheLatestEventsReplaceTheOldest() {
    TraceRecorder recorder = new TraceRecorder(5);
    feed(recorder, 1, 6);
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), seqs(recorder));
    assertEquals(1, recorder.dropped());
    assertEquals("# 1 earlier event dropped (the recorder keeps the latest 5)\n" + TraceFormat.lines(recorder.events()),
        recorder.render());
    feed(recorder, 7, 13);
    assertEquals(List.of(9L, 10L, 11L, 12L, 13L), seqs(recorder));
    assertEquals(List.of(10L, 12L), recorder.events(e -> e.seq() % 2 == 0 && e.seq() > 9).stream().map(TraceEvent::seq).toList());
    assertEquals(8, recorder.dropped());
    assertEquals(13, recorder.received());
    assertEquals("# 8 earlier events dropped (the recorder keeps the latest 5)\n"
        + "000009 t=000000 0001:app CALL send s=1 ret=4\n", recorder.render().lines().limit(2).map(l -> l + "\n")
        .reduce("", String::concat));
    assertEquals(recorder.events(), TraceFiles.parse(recorder.render().lines().toList()).stream()
        .map(e -> numbered(e.seq())).toList(), "the header line is a comment to the reader");
    recorder.clear();
    assertEquals(List.of(), recorder.events());
    assertEquals(0, recorder.dropped());
    assertEquals("", recorder.render());
    feed(recorder, 1, 2);
    assertEquals(List.of(1L, 2L), seqs(recorder));
  }

  @Test
  void aCapacityOfOneKeepsTheLastEventAndNoCapacityIsRefused() {
    TraceRecorder recorder = new TraceRecorder(1);
    feed(recorder, 1, 3);
    assertEquals(List.of(3L), seqs(recorder));
    assertEquals(2, recorder.dropped());
    assertEquals("capacity < 1: 0", assertThrows(IllegalArgumentException.class, () -> new TraceRecorder(0)).getMessage());
    assertEquals(TraceRecorder.DEFAULT_CAPACITY, new TraceRecorder().capacity());
    assertEquals(100_000, TraceRecorder.DEFAULT_CAPACITY);
  }

  @Test
  void theBufferGrowsByDoublingUpToItsCapacityKeepingTheOrder() {
    TraceRecorder recorder = new TraceRecorder(1000);
    assertEquals(256, recorder.slots());
    feed(recorder, 1, 257);
    assertEquals(512, recorder.slots());
    feed(recorder, 258, 1001);
    assertEquals(1000, recorder.slots());
    assertEquals(LongStream.rangeClosed(2, 1001).boxed().toList(), seqs(recorder));
    assertEquals(4, new TraceRecorder(4).slots());
  }

  @Test
  @Timeout(60)
  void aMillionEventsWithACapOfAThousandHoldAThousand() {
    TraceRecorder recorder = new TraceRecorder(1000);
    TraceEvent same = numbered(1);
    for (int i = 0; i < 1_000_000; i++) {
      recorder.accept(same);
    }
    assertEquals(1000, recorder.events().size());
    assertEquals(1000, recorder.slots());
    assertEquals(999_000, recorder.dropped());
    assertEquals(1_000_000, recorder.received());
  }

  @Test
  @Timeout(60)
  void eventsFromSeveralThreadsAreAllCountedAndTheLatestKept() throws Exception {
    TraceRecorder recorder = new TraceRecorder(1000);
    int threads = 4;
    int each = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long base = t * (long) each;
        done.add(pool.submit(() -> {
          go.await();
          feed(recorder, base + 1, base + each);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(threads * (long) each, recorder.received());
    assertEquals(threads * (long) each - 1000, recorder.dropped());
    assertEquals(1000, recorder.events().size());
    for (int t = 0; t < threads; t++) { // each thread's events stay in its order
      long low = t * (long) each;
      List<Long> mine = seqs(recorder).stream().filter(s -> s > low && s <= low + each).toList();
      assertEquals(mine.stream().sorted().toList(), mine);
    }
  }

  @Test
  void assertionsAndGoldensRefuseARecorderThatDroppedEvents() {
    TraceRecorder recorder = new TraceRecorder(2);
    feed(recorder, 1, 3);
    String expected = "the recorder dropped the first 1 event of the run and holds only its last 2; "
        + "record the run with a new TraceRecorder(capacity) large enough for all of them";
    assertEquals(expected, assertThrows(AssertionError.class, () -> TraceAssertions.assertThat(recorder)).getMessage());
    assertEquals(expected, assertThrows(AssertionError.class, () -> Goldens.assertMatchesGolden(recorder, "never-read")).getMessage());
  }
}
