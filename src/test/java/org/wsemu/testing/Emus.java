package org.wsemu.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.user.WNDPROC;
import org.wsemu.winsock.WinsockApi;

/** Test helpers: emulators with a recorder, one-task runs, window creation in one line. */
public final class Emus {
  private Emus() {}

  /** How long a helper waits for a task before failing the test. */
  public static final Duration TASK_TIMEOUT = Duration.ofSeconds(10);

  /** A builder with a fast shutdown and no SLF4J trace. */
  public static Emulator.Builder builder(SchedulingMode mode) {
    return Emulator.builder().mode(mode).slf4jTrace(false).shutdownGrace(Duration.ofSeconds(2));
  }

  /** A started-later emulator of the given mode recording into {@code trace}. */
  public static Emulator emulator(SchedulingMode mode, TraceRecorder trace) {
    return builder(mode).traceSink(trace).build();
  }

  /** A task body with the emulator and its two APIs at hand. */
  @FunctionalInterface
  public interface AppBody {
    /** The task's code; returns its exit code. */
    int run(Emulator emu, WinsockApi ws, User user) throws Exception;
  }

  /**
   * Runs one task to completion on a fresh emulator and returns its exit code; a failure of the
   * body fails the caller.
   */
  public static int run(SchedulingMode mode, TaskBody body) throws Exception {
    return run(builder(mode), (emu, ws, user) -> body.run());
  }

  /**
   * Runs {@code body} as the only task of an emulator built from {@code builder}, closes the
   * emulator and returns the task's exit code; a failure of the body fails the caller.
   */
  public static int run(Emulator.Builder builder, AppBody body) throws Exception {
    try (Emulator emu = builder.build()) {
      return run(emu, () -> body.run(emu, emu.winsock(), emu.user()));
    }
  }

  /** Creates a task on {@code emu}, starts the emulator, waits for the task and returns its code. */
  public static int run(Emulator emu, TaskBody body) throws Exception {
    Task task = emu.createTask("main", body);
    emu.start();
    return join(task);
  }

  /** Waits for a task and returns its exit code, rethrowing what ended it. */
  public static int join(Task task) throws Exception {
    if (!task.join(TASK_TIMEOUT)) {
      throw new AssertionError("task " + task.name() + " did not finish within " + TASK_TIMEOUT);
    }
    if (task.failure().isPresent()) {
      Throwable failure = task.failure().get();
      if (failure instanceof Exception e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
    return task.exitCode().orElseThrow();
  }

  /**
   * Registers a class named {@code className} with {@code proc} (unless the calling task already
   * did) and creates a top-level window of it, from the calling task.
   */
  public static int window(User user, String className, WNDPROC proc) {
    WNDCLASS wc = new WNDCLASS();
    wc.lpszClassName = className;
    wc.lpfnWndProc = proc;
    user.RegisterClass(wc);
    int hwnd = user.CreateWindow(className, className, 0, 0, 0, 0, 0, 0, 0, 0, null);
    if (hwnd == 0) {
      throw new AssertionError("cannot create a window of " + className);
    }
    return hwnd;
  }

  /** A window procedure that answers everything with DefWindowProc. */
  public static WNDPROC defProc(User user) {
    return user::DefWindowProc;
  }

  /** Holds a value set on a task thread and read on the test thread. */
  public static <T> AtomicReference<T> box() {
    return new AtomicReference<>();
  }

  /** The names of the live threads of the emulator named {@code emulatorName}, sorted. */
  public static List<String> threadsOf(String emulatorName) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("wsemu-" + emulatorName + "-"))
        .map(Thread::getName).sorted().toList();
  }

  /** The events of one kind and name, rendered, for compact order assertions. */
  public static List<String> names(TraceRecorder trace, TraceKind kind) {
    return trace.events(e -> e.kind() == kind).stream().map(e -> e.task() + " " + e.name()).toList();
  }
}
