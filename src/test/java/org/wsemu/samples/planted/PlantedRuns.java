package org.wsemu.samples.planted;

import org.wsemu.Emulator;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceRecorder;

/** Runs a planted program once on a given source, as exploration would (checked, failing on violations). */
final class PlantedRuns {
  private PlantedRuns() {}

  /** What one run did: the failure, if any, and the trace. */
  record Outcome(Throwable failure, String trace) {
    boolean failed() {
      return failure != null;
    }
  }

  static Outcome run(PlantedProgram program, ChoiceSource choices) {
    TraceRecorder recorder = new TraceRecorder();
    Emulator.Builder builder = Emulator.builder().mode(SchedulingMode.WIN16).failOnViolation(true)
        .choices(choices).traceSink(recorder);
    Throwable failure = null;
    try {
      program.run(builder);
    } catch (Throwable t) {
      failure = t;
    }
    return new Outcome(failure, TraceFormat.lines(recorder.events()));
  }
}
