package org.wsemu.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wsemu.Emulator;
import org.wsemu.explore.ScheduledProgram;

/**
 * A program with an order bug for {@code wsemu explore} to find: task {@code use} reads what task
 * {@code init} sets, without waiting for it. The emulator's own order runs {@code init} first (it
 * was created first), so the default schedule passes; a schedule that runs {@code use} first fails.
 * A third task, {@code noise}, yields a few times: the schedules have choices that do not matter.
 * {@link Fixed} waits, yielding, and passes on every schedule. Public, with a public no-argument
 * constructor, as the command line needs.
 *
 * <p>Each instance runs one schedule on the explorer's thread; its emulator's tasks touch only atomics.
 */
public class InitOrderProgram implements ScheduledProgram {
  /** Whether {@code use} waits for {@code init}. */
  boolean waits() {
    return false;
  }

  @Override
  public void run(Emulator.Builder builder) throws Exception {
    AtomicBoolean initialised = new AtomicBoolean();
    AtomicBoolean sawInitialised = new AtomicBoolean();
    try (Emulator emu = builder.name("init-order").build()) {
      emu.createTask("init", () -> {
        initialised.set(true);
        return 0;
      });
      emu.createTask("use", () -> {
        while (waits() && !initialised.get()) {
          emu.user().Yield();
        }
        sawInitialised.set(initialised.get());
        return 0;
      });
      emu.createTask("noise", () -> {                    // more choices, which shrinking sets back to the default
        for (int i = 0; i < 3; i++) {
          emu.user().Yield();
        }
        return 0;
      });
      emu.start();
      if (!emu.awaitTasks(Duration.ofSeconds(10))) {
        throw new AssertionError("the tasks did not end");
      }
    }
    if (!sawInitialised.get()) {
      throw new AssertionError("use ran before init");
    }
  }

  /** The same program, fixed: {@code use} yields until {@code init} has run. */
  public static final class Fixed extends InitOrderProgram {
    @Override
    boolean waits() {
      return true;
    }
  }

  /** Not a program: {@code wsemu explore} refuses it. */
  public static final class NotAProgram {}

  /** A program without a public no-argument constructor: refused too. */
  public static final class NeedsAnArgument implements ScheduledProgram {
    /** Takes what the command line cannot give. */
    public NeedsAnArgument(int unused) {}

    @Override
    public void run(Emulator.Builder builder) {}
  }
}
