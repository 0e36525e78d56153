package org.wsemu.junit;

import java.time.Duration;
import java.util.Objects;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceRecorder;

/**
 * Runs a body as a task and hands back its exit code, so that a test needs no exit-code plumbing:
 *
 * <pre>{@code
 * import org.wsemu.junit.WsemuTasks;
 *
 * int sent = WsemuTasks.run(emu, () -> {
 *   int s = emu.winsock().socket(AF_INET, SOCK_STREAM, 0);
 *   return emu.winsock().closesocket(s);
 * });
 * }</pre>
 *
 * <p>What the body throws is rethrown on the calling thread, with a {@link TraceExcerpt} of the
 * task's last {@value #TRACE_TAIL} trace events attached as a suppressed exception. Works with or
 * without {@link WsemuTest}.
 *
 * <p>Stateless; call it from any thread but the emulator's own tasks (it waits for a task).
 */
public final class WsemuTasks {
  /** How long {@link #run(Emulator, TaskBody)} waits for the task. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How many of the task's trace events a failure shows. */
  public static final int TRACE_TAIL = 50;

  private WsemuTasks() {}

  /**
   * Runs {@code body} as a task named {@code main}, as {@link #run(Emulator, Duration, TaskBody)}
   * with {@link #DEFAULT_TIMEOUT}.
   */
  public static int run(Emulator emulator, TaskBody body) throws Exception {
    return run(emulator, DEFAULT_TIMEOUT, body);
  }

  /**
   * Creates a task named {@code main} that runs {@code body}, starts the emulator (if it is not
   * yet), waits for the task and returns its exit code.
   *
   * @throws Exception what the body threw, with the task's trace tail attached
   * @throws AssertionError if the task did not finish within {@code timeout} (it runs on; closing
   *     the emulator stops it)
   * @throws IllegalStateException if the emulator is shut down
   */
  public static int run(Emulator emulator, Duration timeout, TaskBody body) throws Exception {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(timeout, "timeout");
    TraceRecorder recorder = new TraceRecorder();
    emulator.trace().addSink(recorder);
    try {
      Task task = emulator.createTask("main", body);
      emulator.start();
      boolean finished = task.join(timeout);
      Throwable failure = finished ? task.failure().orElse(null)
          : new AssertionError("task " + task.name() + " did not finish within " + timeout);
      if (failure == null) {
        return task.exitCode().orElseThrow();
      }
      String label = String.format("%04X:%s", task.handle(), task.name());
      failure.addSuppressed(new TraceExcerpt("task " + label + " of " + emulator,
          recorder.events((TraceEvent e) -> e.task().equals(label)), TRACE_TAIL));
      if (failure instanceof Exception exception) {
        throw exception;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("task " + label + " failed", failure);
    } finally {
      emulator.trace().removeSink(recorder);
    }
  }
}
