package org.wsemu.user;

import org.wsemu.Emulator;
import org.wsemu.SchedulingMode;
import org.wsemu.Task;
import org.wsemu.testing.Emus;

/**
 * Shared by GetMessageTest, PeekMessageTest, WaitMessageTest, TimerTest and SendMessageTest: task
 * bodies that get the emulator's USER, one- and two-task runs, and a comparable message snapshot.
 */
final class UserRuns {
  private UserRuns() {}

  /** A task body with the emulator's USER at hand. */
  @FunctionalInterface
  interface UserBody {
    int run(User user) throws Exception;
  }

  /** The fields of a retrieved message that tests compare. */
  record Msg(int hwnd, int message, int wParam, int lParam) {
    static Msg of(MSG msg) {
      return new Msg(msg.hwnd, msg.message, msg.wParam, msg.lParam);
    }
  }

  /** Runs {@code body} as the only task of a fresh emulator and returns its exit code. */
  static int run(SchedulingMode mode, UserBody body) throws Exception {
    return run(Emus.builder(mode), body);
  }

  /** Runs {@code body} as the only task of an emulator built from {@code builder}. */
  static int run(Emulator.Builder builder, UserBody body) throws Exception {
    try (Emulator emu = builder.build()) {
      User user = emu.user();
      return Emus.run(emu, () -> body.run(user));
    }
  }

  /** Runs two tasks to completion; in Win16 mode {@code first} runs first, until it waits. */
  static void runTasks(SchedulingMode mode, UserBody first, UserBody second) throws Exception {
    runTasks(Emus.builder(mode), first, second);
  }

  /** Runs two tasks, tasks "first" and "second" of an emulator built from {@code builder}. */
  static void runTasks(Emulator.Builder builder, UserBody first, UserBody second) throws Exception {
    try (Emulator emu = builder.build()) {
      User user = emu.user();
      Task a = emu.createTask("first", () -> first.run(user));
      Task b = emu.createTask("second", () -> second.run(user));
      emu.start();
      Emus.join(a);
      Emus.join(b);
    }
  }

  /** A window of class {@code name} answered by DefWindowProc. */
  static int window(User user, String name) {
    return Emus.window(user, name, Emus.defProc(user));
  }
}
