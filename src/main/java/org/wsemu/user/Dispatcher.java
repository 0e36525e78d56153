package org.wsemu.user;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.wsemu.kernel.AwaitResult;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * Runs the callbacks of a task on its thread: window procedures (with the nesting cap, PROC
 * events and the exception policy), timer procedures, and the messages other tasks sent it; and
 * carries a SendMessage to another task.
 */
final class Dispatcher {
  private final Kernel kernel;
  private final WindowManager windows;
  private final Function<KernelTask, MessageQueue> queues;

  Dispatcher(Kernel kernel, WindowManager windows, Function<KernelTask, MessageQueue> queues) {
    this.kernel = kernel;
    this.windows = windows;
    this.queues = queues;
  }

  /**
   * Calls a window procedure of the calling task.
   *
   * @param sent the message from another task this call handles, or {@code null}
   * @throws org.wsemu.task.NestingLimitException if the task is already at the nesting cap
   */
  int callWindowProc(KernelTask me, Window window, int message, int wParam, int lParam, String via, SentMessage sent) {
    Callback callback = new Callback("WndProc", window.handle, message, wParam, lParam, via, 0);
    return invoke(me, callback, sent, () -> window.proc().call(window.handle, message, wParam, lParam));
  }

  /** Calls a TIMERPROC for a dispatched WM_TIMER. */
  void callTimerProc(KernelTask me, UserTimer timer, int hwnd, int tickCount) {
    invoke(me, new Callback("TimerProc", hwnd, WinUser.WM_TIMER, 0, 0, null, timer.id), null, () -> {
      timer.proc.call(hwnd, WinUser.WM_TIMER, timer.id, tickCount);
      return 0;
    });
  }

  /**
   * One callback call, described only when someone asks: the trace's fields, and the text of a
   * nesting or exception report (formatting hex on every dispatch would cost more than the call).
   */
  private record Callback(String kind, int hwnd, int message, int wParam, int lParam, String via, int timerId) {
    Object[] identity() {
      return kind.equals("TimerProc") ? new Object[] {"hwnd", Hex.handle(hwnd), "id", Hex.handle(timerId)}
          : new Object[] {"hwnd", Hex.handle(hwnd), "msg", MessageNames.of(message)};
    }

    Object[] arguments() {
      return kind.equals("TimerProc") ? new Object[0]
          : new Object[] {"wParam", Hex.handle(wParam), "lParam", Hex.dword(lParam), "via", via};
    }

    @Override
    public String toString() {
      return kind.equals("TimerProc") ? "TimerProc id=" + Hex.handle(timerId)
          : "WndProc hwnd=" + Hex.handle(hwnd) + " " + MessageNames.of(message);
    }
  }

  /**
   * Runs one callback one nesting level deeper, between PROC and PROC_END events; an exception it
   * throws goes to the emulator's {@link org.wsemu.kernel.CallbackBoundary} and the callback counts
   * as having returned 0.
   */
  private int invoke(KernelTask me, Callback what, SentMessage sent, IntSupplier callback) {
    int depth = me.enterNested(what);
    List<MessageQueue.Frame> frames = queues.apply(me).frames;
    frames.add(new MessageQueue.Frame(sent, what.kind().equals("WndProc"), what.hwnd(), what.message(), what.wParam(),
        what.lParam()));
    Trace trace = kernel.trace();
    if (trace.enabled()) {
      Trace.EventBuilder event = trace.event(TraceKind.PROC, me.label(), what.kind());
      Tracing.fields(Tracing.fields(event, what.identity()), what.arguments()).with("depth", depth).emit();
    }
    int result = 0;
    try {
      result = callback.getAsInt();
    } catch (Throwable e) { // the boundary's policy: fatal errors pass, the rest is reported
      kernel.callbacks().failed(me, what.toString(), e);
    } finally {
      frames.remove(frames.size() - 1);
      me.leaveNested();
      if (trace.enabled()) {
        Tracing.fields(trace.event(TraceKind.PROC_END, me.label(), what.kind()), what.identity())
            .with("ret", result).with("depth", depth).emit();
      }
    }
    return result;
  }

  /** Processes every message other tasks have sent to the calling task, replying to each. */
  void processSent(KernelTask me, MessageQueue queue) {
    for (;;) {
      SentMessage sent;
      me.lock().lock();
      try {
        sent = queue.nextSent();
      } finally {
        me.lock().unlock();
      }
      if (sent == null) {
        return;
      }
      int result = 0;
      try {
        Window window = windows.get(sent.hwnd);
        if (window != null && window.owner == me) {
          result = callWindowProc(me, window, sent.message, sent.wParam, sent.lParam, "SendMessage", sent);
        }
      } finally {
        reply(me, sent, result);
      }
    }
  }

  /** Replies to a sent message; in Win16 mode the processor goes straight back to the sender. */
  void reply(KernelTask me, SentMessage sent, int result) {
    if (sent.reply(result) && sent.sender != null) {
      me.directedYield(sent.sender, "reply");
    }
  }

  /**
   * SendMessage to a window of another task, from a task ({@code me}) or from a non-task thread
   * ({@code me == null}).
   */
  int sendToOtherTask(KernelTask me, Window window, int message, int wParam, int lParam) {
    KernelTask owner = window.owner;
    MessageQueue target = queues.apply(owner);
    SentMessage sent = new SentMessage(me, window.handle, message, wParam, lParam);
    boolean queued;
    owner.lock().lock();
    try {
      queued = target.send(sent);
    } finally {
      owner.lock().unlock();
    }
    if (!queued) {
      return 0;
    }
    if (me == null) {
      sent.awaitOnForeignThread();
      return sent.isReplied() ? sent.result() : 0;
    }
    MessageQueue mine = queues.apply(me);
    for (;;) {
      processSent(me, mine);
      me.lock().lock();
      try {
        if (sent.isReplied()) {
          return sent.result();
        }
      } finally {
        me.lock().unlock();
      }
      AwaitResult result = me.await(() -> sent.isReplied() || mine.hasSent(), KernelTask.NO_DEADLINE, "SendMessage", owner);
      me.checkKilled();
      if (result == AwaitResult.TERMINATED) {
        return 0;
      }
    }
  }
}
