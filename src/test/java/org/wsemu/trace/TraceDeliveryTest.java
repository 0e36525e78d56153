package org.wsemu.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When sinks run: events are numbered and stamped at emit, and delivered in {@code seq} order by a
 * thread that does not defer delivery (holds no lock sinks must not run under), on emit or when the
 * deferring thread resumes; a sink's own events come after the one it is given.
 */
class TraceDeliveryTest {
  private final long[] now = {0};
  private final Trace trace = new Trace(() -> now[0]);
  private final TraceRecorder recorder = new TraceRecorder();

  TraceDeliveryTest() {
    trace.addSink(recorder);
  }

  @Test
  void eventsEmittedWhileDeferringWaitForTheOutermostResumeKeepingTheirSeqAndTime() {
    trace.deferDelivery();
    trace.deferDelivery();
    now[0] = 10;
    trace.event(TraceKind.CLOCK, "-", "advance").emit();
    now[0] = 20;
    trace.event(TraceKind.SWITCH, "0001:a", "wake").emit();
    now[0] = 30;
    assertEquals(List.of(), recorder.events());
    trace.resumeDelivery();
    assertEquals(List.of(), recorder.events());
    trace.resumeDelivery();
    assertEquals("000001 t=000010 - CLOCK advance\n000002 t=000020 0001:a SWITCH wake\n", recorder.render());
    trace.event(TraceKind.NOTE, "-", "after").emit();
    assertEquals(3, recorder.events().size(), "once resumed, an emit delivers at once");
  }

  @Test
  @Timeout(10)
  void aThreadThatDefersNothingDeliversWhatAnotherLeftWaitingInSeqOrder() throws Exception {
    List<String> deliveredOn = new ArrayList<>();
    trace.addSink(event -> deliveredOn.add(event.name() + "@" + Thread.currentThread().getName()));
    Thread holder = new Thread(() -> {
      trace.deferDelivery(); // and never resumes: a thread parked holding a lock
      trace.event(TraceKind.SWITCH, "0001:a", "held").emit();
    }, "holder");
    holder.start();
    holder.join();
    assertEquals(List.of(), deliveredOn);
    trace.event(TraceKind.NOTE, "-", "free").emit();
    String me = Thread.currentThread().getName();
    assertEquals(List.of("held@" + me, "free@" + me), deliveredOn);
    assertEquals(List.of(1L, 2L), recorder.events().stream().map(TraceEvent::seq).toList());
  }

  @Test
  @Timeout(10)
  void flushDeliversWhatAParkedThreadLeftWaiting() throws Exception {
    Thread holder = new Thread(() -> {
      trace.deferDelivery();
      trace.event(TraceKind.CLOCK, "-", "advance").emit();
    });
    holder.start();
    holder.join();
    assertEquals(List.of(), recorder.events());
    trace.flush();
    assertEquals(List.of("advance"), recorder.events().stream().map(TraceEvent::name).toList());
  }

  @Test
  void flushWhileDeferringDeliversNothing() {
    trace.deferDelivery();
    trace.event(TraceKind.NOTE, "-", "n").emit();
    trace.flush();
    assertEquals(List.of(), recorder.events());
    trace.resumeDelivery();
    assertEquals(1, recorder.events().size());
  }

  @Test
  void aSinkThatEmitsSeesItsEventAfterTheOneItIsGivenAndSoDoEveryOtherSink() {
    Trace fresh = new Trace(() -> 0);
    List<String> first = new ArrayList<>();
    fresh.addSink(event -> {
      first.add(event.seq() + " " + event.name());
      if (event.name().equals("call")) {
        fresh.event(TraceKind.NOTE, "-", "reaction").emit(); // a sink that calls back into the trace
        first.add("returned");
      }
    });
    TraceRecorder later = new TraceRecorder();
    fresh.addSink(later);
    fresh.event(TraceKind.CALL, "-", "call").emit();
    assertEquals(List.of("1 call", "returned", "2 reaction"), first);
    assertEquals("000001 t=000000 - CALL call\n000002 t=000000 - NOTE reaction\n", later.render());
  }

  @Test
  void aSinkAddedAfterAnEventWasEmittedDoesNotGetItNorDoesOneRemovedBeforeItIsDelivered() {
    TraceRecorder added = new TraceRecorder();
    trace.deferDelivery();
    trace.event(TraceKind.NOTE, "-", "before").emit();
    trace.addSink(added);
    trace.removeSink(recorder);
    trace.event(TraceKind.NOTE, "-", "after").emit();
    trace.resumeDelivery();
    assertEquals(List.of(), recorder.events());
    assertEquals(List.of("after"), added.events().stream().map(TraceEvent::name).toList());
  }

  @Test
  void resumingWithoutDeferringIsAMistake() {
    IllegalStateException e = assertThrows(IllegalStateException.class, trace::resumeDelivery);
    assertEquals("resumeDelivery without deferDelivery on " + Thread.currentThread().getName(), e.getMessage());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void threadsThatEmitTogetherDeliverOneAtATimeInSeqOrderStampedAtEmit() throws Exception {
    int threads = 4;
    int each = 2_000;
    Trace shared = new Trace(System::nanoTime);
    List<Long> seen = new ArrayList<>();
    int[] inside = {0};
    long[] last = {Long.MIN_VALUE};
    List<String> overlaps = new ArrayList<>();
    shared.addSink(event -> {
      if (++inside[0] != 1 || event.time() < last[0]) {
        overlaps.add(event.toString());
      }
      last[0] = event.time();
      seen.add(event.seq());
      inside[0]--;
    });
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean defers = t % 2 == 0;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          if (defers) {
            shared.deferDelivery();
          }
          shared.event(TraceKind.NOTE, "-", "n").emit();
          if (defers) {
            shared.resumeDelivery();
          }
        }
      });
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      thread.join();
    }
    List<Long> expected = new ArrayList<>();
    for (long seq = 1; seq <= threads * each; seq++) {
      expected.add(seq);
    }
    assertEquals(List.of(), overlaps);
    assertEquals(expected, seen);
  }
}
