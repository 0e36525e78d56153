package org.wsemu.user;

import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.KernelTimer;
import org.wsemu.kernel.KernelTask;

/**
 * A USER timer. Guarded by the owning task's lock. When it expires it becomes {@code pending}: a
 * WM_TIMER that GetMessage synthesizes when nothing else is there, at most one per timer. It is
 * re-armed when that WM_TIMER is removed, on its original period grid, skipping missed ticks.
 */
final class UserTimer {
  final KernelTask owner;
  final int hwnd;
  final int id;
  final int procToken;
  final TIMERPROC proc;
  final int elapse;
  @GuardedBy("owner.lock()") long due;
  @GuardedBy("owner.lock()") boolean pending;
  @GuardedBy("owner.lock()") long expiredAt;
  @GuardedBy("owner.lock()") boolean alive = true;
  @GuardedBy("owner.lock()") KernelTimer kernelTimer;

  UserTimer(KernelTask owner, int hwnd, int id, int elapse, TIMERPROC proc, int procToken, long due) {
    this.owner = owner;
    this.hwnd = hwnd;
    this.id = id;
    this.elapse = elapse;
    this.proc = proc;
    this.procToken = procToken;
    this.due = due;
  }

  /** The first tick of the period grid strictly after {@code now}. */
  long nextDueAfter(long now) {
    if (due > now) {
      return due;
    }
    long missed = (now - due) / elapse + 1;
    return due + missed * elapse;
  }
}
