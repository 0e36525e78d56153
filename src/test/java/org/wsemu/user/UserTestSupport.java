package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.user.WinUser.WS_CHILD;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;

/**
 * Helpers shared by the USER behaviour tests of this package: one- and two-task runs whose bodies
 * get the emulator's USER, windows and window procedures, and comparable message snapshots.
 */
final class UserTestSupport {
  private UserTestSupport() {}

  /** A task body with its emulator at hand (to start a second task) and its USER. */
  @FunctionalInterface
  interface Body {
    void run(Emulator emu, User user) throws Exception;
  }

  /** A task body with the emulator's USER at hand; returns the task's exit code. */
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

  /** Runs {@code body} as the only task of a fresh emulator of {@code mode}; its failure fails the test. */
  static void run(SchedulingMode mode, Body body) throws Exception {
    run(Emus.builder(mode), body);
  }

  /** Runs {@code body} as the only task of an emulator built from {@code builder}. */
  static void run(Emulator.Builder builder, Body body) throws Exception {
    Emus.run(builder, (emu, ws, user) -> {
      body.run(emu, user);
      return 0;
    });
  }

  /** Runs {@code body} as the only task of a fresh emulator and returns its exit code. */
  static int run(SchedulingMode mode, UserBody body) throws Exception {
    return run(Emus.builder(mode), body);
  }

  /** Runs {@code body} as the only task of an emulator built from {@code builder}; returns its exit code. */
  static int run(Emulator.Builder builder, UserBody body) throws Exception {
    return Emus.run(builder, (emu, ws, user) -> body.run(user));
  }

  /** The body of a second task, with the first at hand (to post to it). */
  @FunctionalInterface
  interface SecondBody {
    int run(User user, Task first) throws Exception;
  }

  /** Runs two tasks to completion; in Win16 mode {@code first} runs first, until it waits. */
  static void runTasks(SchedulingMode mode, UserBody first, UserBody second) throws Exception {
    runTasks(Emus.builder(mode), first, second);
  }

  /** As {@link #runTasks(SchedulingMode, UserBody, UserBody)}; {@code second} gets the first task. */
  static void runTasks(SchedulingMode mode, UserBody first, SecondBody second) throws Exception {
    runTasks(Emus.builder(mode), first, second);
  }

  /** Runs two tasks, tasks "first" and "second" of an emulator built from {@code builder}. */
  static void runTasks(Emulator.Builder builder, UserBody first, UserBody second) throws Exception {
    runTasks(builder, first, (user, a) -> second.run(user));
  }

  /** As {@link #runTasks(Emulator.Builder, UserBody, UserBody)}; {@code second} gets the first task. */
  static void runTasks(Emulator.Builder builder, UserBody first, SecondBody second) throws Exception {
    try (Emulator emu = builder.build()) {
      User user = emu.user();
      Task a = emu.createTask("first", () -> first.run(user));
      Task b = emu.createTask("second", () -> second.run(user, a));
      emu.start();
      Emus.join(a);
      Emus.join(b);
    }
  }

  /** A window of class {@code name} answered by DefWindowProc. */
  static int window(User user, String name) {
    return Emus.window(user, name, Emus.defProc(user));
  }

  static WNDCLASS wndClass(String name, WNDPROC proc, int style) {
    WNDCLASS wc = new WNDCLASS();
    wc.lpszClassName = name;
    wc.lpfnWndProc = proc;
    wc.style = style;
    return wc;
  }

  /** CreateWindow of {@code className}: top-level when {@code parent} is NULL, else a child. */
  static int create(User user, String className, int parent) {
    int style = parent == NULL ? WS_OVERLAPPEDWINDOW : WS_CHILD;
    return user.CreateWindow(className, className, style, 0, 0, 0, 0, parent, 0, 0, null);
  }

  /** A window procedure that logs each message it gets (see {@link #entry}), then runs {@code then}. */
  static WNDPROC recording(List<String> log, WNDPROC then) {
    return (hWnd, uMsg, wParam, lParam) -> {
      log.add(entry(hWnd, uMsg, wParam, lParam));
      return then.call(hWnd, uMsg, wParam, lParam);
    };
  }

  /** A message as {@code hwnd:message:wParam:lParam} in hex, for exact list comparisons. */
  static String entry(int hwnd, int message, int wParam, int lParam) {
    return String.format("%04X:%04X:%X:%X", hwnd, message, wParam, lParam);
  }

  static String entry(MSG msg) {
    return entry(msg.hwnd, msg.message, msg.wParam, msg.lParam);
  }

  /** Removes every message now in the calling task's queue, without yielding, in retrieval order. */
  static List<String> drain(User user) {
    List<String> messages = new ArrayList<>();
    MSG msg = new MSG();
    while (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE | PM_NOYIELD)) {
      messages.add(entry(msg));
    }
    return messages;
  }

  private static final int OTHER_TASK_DONE = WM_USER + 0x7F00;

  /**
   * Runs {@code body} in a second task created by the calling task and returns its result. The
   * caller waits in GetMessage meanwhile (so that in Win16 mode the other task gets the processor)
   * for the other task's completion notice, a PostAppMessage.
   */
  static int inOtherTask(Emulator emu, IntSupplier body) {
    User user = emu.user();
    int caller = user.GetCurrentTask();
    AtomicInteger result = new AtomicInteger(Integer.MIN_VALUE);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    emu.createTask("other", () -> {
      try {
        result.set(body.getAsInt());
      } catch (Throwable e) {
        failure.set(e);
      } finally {
        user.PostAppMessage(caller, OTHER_TASK_DONE, 0, 0);
      }
      return 0;
    });
    MSG msg = new MSG();
    assertEquals(1, user.GetMessage(msg, -1, OTHER_TASK_DONE, OTHER_TASK_DONE));
    if (failure.get() != null) {
      throw new AssertionError("the other task failed", failure.get());
    }
    return result.get();
  }
}
