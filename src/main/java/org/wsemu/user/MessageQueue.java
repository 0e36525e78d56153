package org.wsemu.user;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.HandleTable;
import org.wsemu.kernel.KernelTask;

/**
 * The message queue of one task: posted messages, messages sent by other tasks, the quit flag and
 * the task's timers.
 *
 * <p>Every method except the receiving stack is called holding {@code task.lock()}; producers
 * call {@link KernelTask#messageArrived()} or {@link KernelTask#changed()} after a change, which
 * is what wakes the task.
 *
 * <p>Retrieval order (as Windows and Wine): sent messages are processed first (by the caller, see
 * {@link Dispatcher}); then the first matching posted message; then WM_QUIT, which ignores the
 * filter; then the pending WM_TIMER that expired first.
 */
final class MessageQueue {
  static final int MAX_THREAD_TIMER_ID = 0x7FFF;

  final KernelTask task;
  private final int limit;
  @GuardedBy("task.lock()") private final ArrayDeque<Posted> posted = new ArrayDeque<>();
  @GuardedBy("task.lock()") private final ArrayDeque<SentMessage> sent = new ArrayDeque<>();
  @GuardedBy("task.lock()") private final List<UserTimer> timers = new ArrayList<>();
  private final HandleTable<UserTimer> threadTimerIds = new HandleTable<>(1, MAX_THREAD_TIMER_ID);
  private final HandleTable<UserTimer> timerProcs;
  @GuardedBy("task.lock()") private boolean quit;
  @GuardedBy("task.lock()") private int quitCode;
  @GuardedBy("task.lock()") private long lastLook;
  @GuardedBy("task.lock()") private boolean closed;

  /**
   * One entry per window or timer procedure running on the task, innermost last. Task thread only.
   */
  final List<Frame> frames = new ArrayList<>();

  /**
   * A procedure running on the task: the message from another task it handles ({@link #sent}, or
   * null), and for a window procedure the message itself. Task thread only.
   */
  static final class Frame {
    final SentMessage sent;
    private final boolean windowProc;
    private final int hwnd;
    private final int message;
    private final int wParam;
    private final int lParam;
    private MSG window; // made when first asked: one object per call, which tells two calls apart

    Frame(SentMessage sent, boolean windowProc, int hwnd, int message, int wParam, int lParam) {
      this.sent = sent;
      this.windowProc = windowProc;
      this.hwnd = hwnd;
      this.message = message;
      this.wParam = wParam;
      this.lParam = lParam;
    }

    /** The message a window procedure handles (the same object each time); null for a timer procedure. */
    MSG window() {
      if (windowProc && window == null) {
        window = new MSG(hwnd, message, wParam, lParam);
      }
      return window;
    }
  }

  MessageQueue(KernelTask task, int limit, HandleTable<UserTimer> timerProcs) {
    this.task = task;
    this.limit = limit;
    this.timerProcs = timerProcs;
  }

  // ---- producers ----

  /**
   * Queues a posted message: last, or with {@code first} at the head so that it is retrieved next
   * (TranslateMessage's WM_CHAR). False if the queue is closed or full.
   */
  boolean post(Posted message, boolean first) {
    if (closed || posted.size() >= limit) {
      return false;
    }
    if (first) {
      posted.addFirst(message);
    } else {
      posted.addLast(message);
    }
    task.messageArrived();
    return true;
  }

  boolean send(SentMessage message) {
    if (closed) {
      return false;
    }
    sent.addLast(message);
    task.inputArrived();
    return true;
  }

  void postQuit(int exitCode) {
    if (closed) {
      return;
    }
    quit = true;
    quitCode = exitCode;
    task.messageArrived();
  }

  // ---- consumer ----

  /** The innermost running window procedure's sent message, or null. Task thread only. */
  SentMessage currentSent() {
    return frames.isEmpty() ? null : frames.get(frames.size() - 1).sent;
  }

  /** The message the innermost running window procedure handles, or null if none runs. Task thread only. */
  MSG windowMessage() {
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (frames.get(i).window() != null) {
        return frames.get(i).window();
      }
    }
    return null;
  }

  SentMessage nextSent() {
    return sent.pollFirst();
  }

  boolean hasSent() {
    return !sent.isEmpty();
  }

  /** Whether {@link #retrieve} would find something for this filter. */
  boolean hasMatch(Filter filter) {
    for (Posted message : posted) {
      if (filter.matches(message.hwnd(), message.message())) {
        return true;
      }
    }
    return quit || firstExpiredTimer(filter) != null;
  }

  /** Whether a message arrived since the task last looked (WaitMessage). */
  boolean hasNewArrival() {
    return task.messageSerial() > lastLook;
  }

  /**
   * Finds (and with {@code remove} takes) the next message matching {@code filter}, or returns
   * false. Marks everything that arrived so far as seen.
   */
  boolean retrieve(Filter filter, boolean remove, int tickCount, MSG out) {
    lastLook = task.messageSerial();
    for (Iterator<Posted> it = posted.iterator(); it.hasNext(); ) {
      Posted message = it.next();
      if (filter.matches(message.hwnd(), message.message())) {
        if (remove) {
          it.remove();
        }
        out.set(message.hwnd(), message.message(), message.wParam(), message.lParam(), message.time());
        return true;
      }
    }
    if (quit) {
      if (remove) {
        quit = false;
      }
      out.set(0, WinUser.WM_QUIT, quitCode, 0, tickCount);
      return true;
    }
    UserTimer timer = firstExpiredTimer(filter);
    if (timer != null) {
      if (remove) {
        timer.pending = false;
        arm(timer, timer.nextDueAfter(task.kernel().clock().millis()));
      }
      out.set(timer.hwnd, WinUser.WM_TIMER, timer.id, timer.procToken, tickCount);
      return true;
    }
    return false;
  }

  private UserTimer firstExpiredTimer(Filter filter) {
    UserTimer first = null;
    for (UserTimer timer : timers) {
      if (timer.pending && filter.matches(timer.hwnd, WinUser.WM_TIMER)
          && (first == null || timer.expiredAt < first.expiredAt)) {
        first = timer;
      }
    }
    return first;
  }

  /** Discards posted messages for a window that is being destroyed; a WM_QUIT among them becomes the quit flag, as in Wine. */
  void purgeWindow(int hwnd) {
    for (Iterator<Posted> it = posted.iterator(); it.hasNext(); ) {
      Posted message = it.next();
      if (message.hwnd() == hwnd) {
        if (message.message() == WinUser.WM_QUIT && !quit) {
          quit = true;
          quitCode = message.wParam();
        }
        it.remove();
      }
    }
  }

  // ---- timers ----

  UserTimer findTimer(int hwnd, int id) {
    for (UserTimer timer : timers) {
      if (timer.hwnd == hwnd && timer.id == id) {
        return timer;
      }
    }
    return null;
  }

  /** A free id for a timer without a window, or 0. */
  int allocateThreadTimerId() {
    return threadTimerIds.allocate((UserTimer) null);
  }

  void addTimer(UserTimer timer) {
    timers.add(timer);
    arm(timer, timer.due);
  }

  /**
   * Removes a timer; its pending WM_TIMER goes with it.
   *
   * @param keepId whether the id stays reserved, because a replacement timer takes it over
   */
  void removeTimer(UserTimer timer, boolean keepId) {
    timer.alive = false;
    timer.pending = false;
    if (timer.kernelTimer != null) {
      timer.kernelTimer.cancel();
    }
    timers.remove(timer);
    if (timer.procToken != 0) {
      timerProcs.free(timer.procToken);
    }
    if (timer.hwnd == 0 && !keepId) {
      threadTimerIds.free(timer.id);
    }
  }

  List<UserTimer> timersOf(int hwnd) {
    List<UserTimer> matching = new ArrayList<>();
    for (UserTimer timer : timers) {
      if (timer.hwnd == hwnd) {
        matching.add(timer);
      }
    }
    return matching;
  }

  private void arm(UserTimer timer, long due) {
    timer.due = due;
    timer.kernelTimer = task.kernel().schedule(due, () -> expire(timer));
  }

  private void expire(UserTimer timer) {
    task.lock().lock();
    try {
      if (!timer.alive || timer.pending) {
        return;
      }
      timer.pending = true;
      timer.expiredAt = timer.due;
      Tracing.timer(task, timer);
      task.messageArrived();
    } finally {
      task.lock().unlock();
    }
  }

  // ---- end of the task ----

  /** Closes the queue: no more messages; returns the sent messages nobody will answer now. */
  List<SentMessage> close() {
    closed = true;
    for (UserTimer timer : new ArrayList<>(timers)) {
      removeTimer(timer, false);
    }
    posted.clear();
    quit = false;
    List<SentMessage> orphans = new ArrayList<>(sent);
    sent.clear();
    return orphans;
  }

  boolean isClosed() {
    return closed;
  }
}
