package org.wsemu.user;

import java.util.function.Function;
import org.wsemu.kernel.HandleTable;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;

/**
 * SetTimer and KillTimer for the calling task, and the table of TIMERPROC tokens: the non-zero
 * value a WM_TIMER carries in lParam when its timer has a procedure, which DispatchMessage turns
 * back into the procedure.
 */
final class Timers {
  private static final int FIRST_PROC_TOKEN = 0x1000;

  private final Kernel kernel;
  private final WindowManager windows;
  private final Function<KernelTask, MessageQueue> queues;
  private final HandleTable<UserTimer> procTokens = new HandleTable<>(FIRST_PROC_TOKEN, Integer.MAX_VALUE);

  Timers(Kernel kernel, WindowManager windows, Function<KernelTask, MessageQueue> queues) {
    this.kernel = kernel;
    this.windows = windows;
    this.queues = queues;
  }

  /** The token table; queues free a timer's token when the timer goes. */
  HandleTable<UserTimer> procTokens() {
    return procTokens;
  }

  /** The timer whose WM_TIMER carries {@code token} in lParam, or {@code null}. */
  UserTimer withProc(int token) {
    return token == 0 ? null : procTokens.get(token);
  }

  /** SetTimer for the calling task; the id is already narrowed to the mode's word size. */
  int set(KernelTask me, int hWnd, int nIDEvent, int uElapse, TIMERPROC proc) {
    if (hWnd != 0) {
      Window window = windows.get(hWnd);
      if (window == null || window.owner != me) {
        return 0;
      }
    }
    int elapse = uElapse;
    if (Integer.compareUnsigned(elapse, WinUser.USER_TIMER_MINIMUM) < 0) {
      elapse = WinUser.USER_TIMER_MINIMUM;
    } else if (Integer.compareUnsigned(elapse, WinUser.USER_TIMER_MAXIMUM) > 0) {
      elapse = WinUser.USER_TIMER_MAXIMUM;
    }
    MessageQueue queue = queues.apply(me);
    me.lock().lock();
    try {
      UserTimer existing = hWnd != 0 || nIDEvent != 0 ? queue.findTimer(hWnd, nIDEvent) : null;
      int id;
      if (existing != null) {
        queue.removeTimer(existing, true);
        id = existing.id;
      } else if (hWnd == 0) {
        id = queue.allocateThreadTimerId();
        if (id == 0) {
          return 0;
        }
      } else {
        id = nIDEvent;
      }
      // at least a full interval from now: the real clock's current millisecond has partly passed
      long due = kernel.deadlineAfter(Integer.toUnsignedLong(elapse)) + chosenPhase();
      int timerId = id;
      int period = elapse;
      UserTimer timer = proc == null
          ? new UserTimer(me, hWnd, id, elapse, null, 0, due)
          : procTokens.allocate(token -> new UserTimer(me, hWnd, timerId, period, proc, token, due));
      if (timer == null) {
        return 0; // no TIMERPROC token left: two billion timers with procedures
      }
      queue.addTimer(timer);
      return hWnd != 0 && id == 0 ? 1 : id;
    } finally {
      me.lock().unlock();
    }
  }

  /**
   * The extra delay of a new timer's first expiry that an exploring choice source chooses
   * ({@link ChoicePoint#TIMER_PHASE}, 0 to its limit), or 0. The period stays the same: the
   * timer's later ticks follow at its period after the first, so the whole grid moves (its phase).
   */
  private long chosenPhase() {
    ChoiceSource choices = kernel.choices();
    int options = choices.exploring() ? choices.limits().timerPhaseMillis() + 1 : 1;
    if (options < 2) {
      return 0;
    }
    int chosen = choices.choose(ChoicePoint.TIMER_PHASE, options);
    return chosen > 0 && chosen < options ? chosen : 0;
  }

  /** KillTimer for the calling task. */
  boolean kill(KernelTask me, int hWnd, int id) {
    MessageQueue queue = queues.apply(me);
    me.lock().lock();
    try {
      UserTimer timer = queue.findTimer(hWnd, id);
      if (timer == null) {
        return false;
      }
      queue.removeTimer(timer, false);
      return true;
    } finally {
      me.lock().unlock();
    }
  }
}
