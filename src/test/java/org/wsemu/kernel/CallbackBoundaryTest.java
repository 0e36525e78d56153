package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wsemu.task.TaskTerminatedException;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/** The one policy for code the emulator runs but does not own. */
class CallbackBoundaryTest {

  @Test
  void onlyVirtualMachineErrorsButStackOverflowAndForcedTerminationAreFatal() {
    assertTrue(CallbackBoundary.isFatal(new OutOfMemoryError()));
    assertTrue(CallbackBoundary.isFatal(new InternalError()));
    assertTrue(CallbackBoundary.isFatal(new TaskTerminatedException("forced out")));
    assertFalse(CallbackBoundary.isFatal(new StackOverflowError()));
    assertFalse(CallbackBoundary.isFatal(new AssertionError()));
    assertFalse(CallbackBoundary.isFatal(new Error()));
    assertFalse(CallbackBoundary.isFatal(new IllegalStateException()));
  }

  @Test
  void codeOfNoTaskThatThrowsIsTracedAndReportedWithoutATaskAndTheCallerGoesOn() {
    TraceRecorder recorder = new TraceRecorder();
    Trace trace = new Trace(() -> 42);
    trace.addSink(recorder);
    List<String> handled = new ArrayList<>();
    CallbackBoundary boundary = new CallbackBoundary(trace, (task, callback, error) -> {
      handled.add(task + " | " + callback + " | " + error.getMessage());
      throw new IllegalStateException("the handler rethrows: logged, not thrown");
    });
    assertFalse(boundary.run("network callback", () -> {
      throw new LinkageError("boom");
    }));
    assertTrue(boundary.run("network callback", () -> { }));
    assertEquals(List.of("null | network callback | boom"), handled);
    assertEquals(List.of("- network callback java.lang.LinkageError boom @42"),
        recorder.events(e -> e.kind() == TraceKind.EXCEPTION).stream()
            .map(e -> e.task() + " " + e.name() + " " + e.field("error") + " " + e.field("message") + " @" + e.time())
            .toList());
  }

  @Test
  void aFatalErrorPassesUnreported() {
    List<String> handled = new ArrayList<>();
    CallbackBoundary boundary = new CallbackBoundary(null, (task, callback, error) -> handled.add(callback));
    OutOfMemoryError fatal = new OutOfMemoryError("simulated");
    assertSame(fatal, assertThrows(OutOfMemoryError.class, () -> boundary.run("timer action", () -> {
      throw fatal;
    })));
    assertEquals(List.of(), handled);
  }
}
