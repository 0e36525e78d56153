package org.wsemu.user;

import static org.wsemu.user.WinUser.PM_NOYIELD;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.user.WinUser.WM_QUIT;

import java.util.function.Function;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;

/**
 * GetMessage, PeekMessage and WaitMessage for the calling task: process sent messages, retrieve
 * in Windows' order (see {@link MessageQueue}), wait when there is nothing (a Win16 switch point),
 * and give every loop level a WM_QUIT once the emulator shuts down (see
 * {@link KernelTask#shutdownQuit}): GetMessage then returns 0 every time, PeekMessage returns the
 * level's WM_QUIT once and then FALSE, and neither waits nor yields any more.
 */
final class MessageRetrieval {
  private final Kernel kernel;
  private final WindowManager windows;
  private final Dispatcher dispatcher;
  private final Function<KernelTask, MessageQueue> queues;

  MessageRetrieval(Kernel kernel, WindowManager windows, Dispatcher dispatcher, Function<KernelTask, MessageQueue> queues) {
    this.kernel = kernel;
    this.windows = windows;
    this.dispatcher = dispatcher;
    this.queues = queues;
  }

  /** GetMessage: 0 for WM_QUIT, -1 for bad arguments, else 1; waits while nothing matches. */
  int getMessage(KernelTask me, MSG lpMsg, int hWnd, int min, int max) {
    if (lpMsg == null || !isFilterWindow(hWnd)) {
      return -1;
    }
    MessageQueue queue = queues.apply(me);
    Filter filter = new Filter(hWnd, min, max, windows);
    for (;;) {
      dispatcher.processSent(me, queue);
      if (me.isTerminating()) {
        me.shutdownQuit(true);
        unwind(me, lpMsg, "GetMessage");
        return 0;
      }
      if (retrieve(me, queue, filter, true, lpMsg)) {
        return lpMsg.message == WM_QUIT ? 0 : 1;
      }
      me.await(() -> queue.hasSent() || queue.hasMatch(filter), KernelTask.NO_DEADLINE, "GetMessage", null);
      me.checkKilled();
    }
  }

  /** PeekMessage: never waits; finding nothing yields unless PM_NOYIELD. */
  boolean peekMessage(KernelTask me, MSG lpMsg, int hWnd, int min, int max, int flags) {
    if (lpMsg == null || !isFilterWindow(hWnd)) {
      return false;
    }
    if (me.isTerminating()) {
      if (!me.shutdownQuit((flags & PM_REMOVE) != 0)) {
        return false; // this level took its WM_QUIT already: nothing more comes
      }
      unwind(me, lpMsg, "PeekMessage");
      return true;
    }
    MessageQueue queue = queues.apply(me);
    dispatcher.processSent(me, queue);
    if (retrieve(me, queue, new Filter(hWnd, min, max, windows), (flags & PM_REMOVE) != 0, lpMsg)) {
      return true;
    }
    if ((flags & PM_NOYIELD) == 0) {
      me.yieldCpu("PeekMessage");
    }
    return false;
  }

  private boolean retrieve(KernelTask me, MessageQueue queue, Filter filter, boolean remove, MSG out) {
    me.lock().lock();
    try {
      return queue.retrieve(filter, remove, tickCount(), out);
    } finally {
      me.lock().unlock();
    }
  }

  private boolean isFilterWindow(int hWnd) {
    return hWnd == 0 || hWnd == Filter.THREAD_MESSAGES_ONLY || windows.get(hWnd) != null;
  }

  /** Shutdown: this loop level sees WM_QUIT, so that nested loops unwind innermost first. */
  private void unwind(KernelTask me, MSG out, String function) {
    out.set(0, WM_QUIT, 0, 0, tickCount());
    Tracing.unwind(me, function);
  }

  /** WaitMessage: waits for a message newer than the task's last look at its queue. */
  boolean waitMessage(KernelTask me) {
    MessageQueue queue = queues.apply(me);
    for (;;) {
      dispatcher.processSent(me, queue);
      if (me.isTerminating()) {
        Tracing.unwind(me, "WaitMessage");
        return false;
      }
      me.lock().lock();
      try {
        if (queue.hasNewArrival()) {
          return true;
        }
      } finally {
        me.lock().unlock();
      }
      me.await(() -> queue.hasSent() || queue.hasNewArrival(), KernelTask.NO_DEADLINE, "WaitMessage", null);
      me.checkKilled();
    }
  }

  private int tickCount() {
    return (int) kernel.clock().millis();
  }
}
