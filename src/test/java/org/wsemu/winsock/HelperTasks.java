package org.wsemu.winsock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WinUser;

/**
 * Runs a main task that starts helper tasks, and joins every helper before the emulator closes, so
 * that a helper's assertion failure fails the test. A main task waits for a helper's end with
 * {@link Helper#awaitEnd()}: GetMessage, which in Win16 mode lets the helper run; no latch, which
 * would stall a Win16 emulator.
 */
final class HelperTasks {
  /** A main task body that may start helpers. */
  @FunctionalInterface
  interface Body {
    int run(Emulator emu, WinsockApi ws, User user, HelperTasks helpers) throws Exception;
  }

  /** A started helper task. */
  static final class Helper {
    private final Task task;
    private final AtomicBoolean done;
    private final User user;

    private Helper(Task task, AtomicBoolean done, User user) {
      this.task = task;
      this.done = done;
      this.user = user;
    }

    Task task() {
      return task;
    }

    /**
     * From the task that started the helper: waits until the helper's body has returned or failed
     * (its WM_USER may have been taken by a blocking hook meanwhile, hence the flag).
     */
    void awaitEnd() {
      MSG msg = new MSG();
      while (!done.get()) {
        if (user.GetMessage(msg, 0, 0, 0) <= 0) {
          throw new AssertionError("WM_QUIT while waiting for " + task.name());
        }
      }
    }
  }

  private final Emulator emu;
  private final List<Task> started = new CopyOnWriteArrayList<>();

  private HelperTasks(Emulator emu) {
    this.emu = emu;
  }

  /** Runs {@code body} as the main task of a real-network emulator of {@code mode}. */
  static int run(SchedulingMode mode, Body body) throws Exception {
    return run(WinsockTestSupport.builder(mode), body);
  }

  /** Runs {@code body} as the main task of an emulator of {@code world}, on a fresh network of it. */
  static int run(World world, Body body) throws Exception {
    return run(world.builder(), body);
  }

  /** Runs {@code body} as the main task of an emulator built from {@code builder}. */
  static int run(Emulator.Builder builder, Body body) throws Exception {
    HelperTasks helpers;
    int code;
    try (Emulator emu = builder.build()) {
      helpers = new HelperTasks(emu);
      try {
        code = Emus.run(emu, () -> body.run(emu, emu.winsock(), emu.user(), helpers));
      } catch (Exception | Error mainFailure) {
        for (Task task : helpers.started) {
          task.join(java.time.Duration.ofMillis(200));
          task.failure().filter(AssertionError.class::isInstance).ifPresent(mainFailure::addSuppressed);
        }
        throw mainFailure;
      }
      for (Task task : helpers.started) {
        Emus.join(task);
      }
    }
    return code;
  }

  /**
   * Starts a helper task from the calling task. When its body ends, however it ends, the helper
   * posts WM_USER to the calling task.
   */
  Helper start(String name, TaskBody body) {
    User user = emu.user();
    int parent = user.GetCurrentTask();
    AtomicBoolean done = new AtomicBoolean();
    Task task = emu.createTask(name, () -> {
      try {
        return body.run();
      } finally {
        done.set(true);
        user.PostAppMessage(parent, WinUser.WM_USER, 0, 0);
      }
    });
    started.add(task);
    return new Helper(task, done, user);
  }
}
