package org.wsemu.samples.demos;

import java.util.List;
import org.wsemu.samples.MessageLoopDemo;

/**
 * Demonstrations of tasks, cleanup and closing: what other tasks see while one blocks.
 *
 * <p>Stateless and thread-safe.
 */
final class TaskDemos {
  private TaskDemos() {}

  /** This group's demonstrations, in catalogue order. */
  static List<Demonstration> all() {
    return List.of(BlockedTaskYields.demonstration(), CleanupDuringBlock.demonstration(),
        Version2NoNesting.demonstration(), CloseFromOtherTask.demonstration(),
        LingeringClose.demonstration(), YieldInPeekMessage.demonstration(), messageLoop());
  }

  static Demonstration messageLoop() {
    return new Demonstration("message-loop",
        "Win16 applications share one message system: timers, typed keys and an inter-task SendMessage",
        "Microsoft Learn, About Messages and Message Queues:"
            + " https://learn.microsoft.com/windows/win32/winmsg/about-messages-and-message-queues",
        "CLOCK runs the classic GetMessage/TranslateMessage/DispatchMessage loop with a one-second"
            + " timer; TYPIST finds its window, posts WM_KEYDOWN messages that CLOCK's TranslateMessage"
            + " turns into WM_CHAR, and asks the tick count with SendMessage, which runs CLOCK's window"
            + " procedure on CLOCK's task while TYPIST waits. The trace shows each task switch at"
            + " GetMessage and PeekMessage, the only places a Win16 task yields.",
        (emu, network, out) -> MessageLoopDemo.run(emu, out) == 5);
  }
}
