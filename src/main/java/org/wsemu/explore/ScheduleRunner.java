package org.wsemu.explore;

import java.time.Duration;
import java.util.Optional;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceRecorder;

/**
 * Runs a program on one schedule: prepares the emulator's builder (Win16, virtual clock, the
 * simulated network seeded with the key's seed, checked mode failing on violations, the key's
 * choices, a trace recorder) and runs the program on a {@link ScheduleThread}, at most for the timeout.
 *
 * <p>Threading: stateless; any thread, several at once.
 */
final class ScheduleRunner {
  /** The emulator's name in every schedule, so that the traces of one schedule never differ by it. */
  static final String EMULATOR_NAME = "explore";

  private ScheduleRunner() {}

  /** Runs {@code program} on the schedule {@code key} names, on a thread of its own. */
  static ScheduleRun run(ReplayKey key, ScheduledProgram program, Duration timeout) {
    try (ScheduleThread thread = new ScheduleThread()) {
      return run(key, program, timeout, thread);
    }
  }

  /** Runs {@code program} on the schedule {@code key} names, on {@code thread}. */
  static ScheduleRun run(ReplayKey key, ScheduledProgram program, Duration timeout, ScheduleThread thread) {
    RecordingSource source = key.newSource();
    TraceRecorder recorder = new TraceRecorder();
    Emulator.Builder builder = builder(key.seed(), source).traceSink(recorder);
    Throwable failure = thread.run(program, builder, timeout);
    return new ScheduleRun(key.toString(), source.choices(), Optional.ofNullable(failure), recorder.events());
  }

  /** The builder a program gets, without the trace sinks. */
  static Emulator.Builder builder(long seed, RecordingSource source) {
    return Emulator.builder().name(EMULATOR_NAME).mode(SchedulingMode.WIN16).clock(Clock.virtual())
        .network(SimulatedNetwork.builder().seed(seed).build()).failOnViolation(true).choices(source);
  }
}
