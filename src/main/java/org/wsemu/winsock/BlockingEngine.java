package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEINTR;

import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * The pseudo-blocking engine. A blocking routine first tries its operation; if that cannot complete
 * and the socket blocks, the call enters a loop:
 *
 * <ol>
 *   <li>call the task's blocking hook while it returns TRUE (Win16's default hook dispatches the
 *       task's messages; Win32 tasks and version 2 tasks have none unless they install one);
 *   <li>try the operation again: if it completes, the call succeeds, even if a cancel arrived
 *       meanwhile (the operation completed first);
 *   <li>if WSACancelBlockingCall was called, or the emulator shuts down, fail with WSAEINTR;
 *   <li>if the deadline passed (select's timeout, a lookup's latency), return its result;
 *   <li>wait, without spinning, until a message arrives for the task (only when a hook will
 *       process it), readiness changes on a watched socket, a watched socket's state changes
 *       (whichever task changed it), a cancel arrives, the deadline passes, or, for a custom hook,
 *       the re-poll interval passes so that a hook timing out with GetTickCount still runs.
 * </ol>
 *
 * <p>No wake-up is lost: the task registers with its sockets before it first tries again, and
 * reads its wake count before every attempt, so a change made after an attempt, by any thread,
 * ends the wait that follows it.
 *
 * <p>Each entry and exit is a BLOCK/UNBLOCK trace event and each hook call a HOOK event.
 * Threading: runs on the calling task's thread.
 */
final class BlockingEngine {
  private final Kernel kernel;
  private final boolean win16;
  private final BlockingHook defaultHook;
  private final long repollMillis;

  BlockingEngine(Kernel kernel, BlockingHook defaultHook, long repollMillis) {
    this.kernel = kernel;
    this.win16 = kernel.mode() == SchedulingMode.WIN16;
    this.defaultHook = defaultHook;
    this.repollMillis = repollMillis;
  }

  BlockingHook defaultHook() {
    return defaultHook;
  }

  /** The hook a blocking call of this task runs, or null when it really blocks. */
  BlockingHook hookFor(TaskWinsockState task, boolean versionTwo) {
    if (versionTwo) {
      return null;
    }
    if (task.hook != null) {
      return task.hook;
    }
    return win16 ? defaultHook : null;
  }

  /**
   * Runs a blocking routine.
   *
   * @param nonBlocking whether the socket is non-blocking (then "would block" is the answer)
   * @param versionTwo whether the task negotiated version 2 or later (no hook)
   * @param waiting run once when the call cannot complete at once and is going to wait (checked
   *     mode), or null
   * @return the routine's result or -error; {@link EmulatedSocket#WOULD_BLOCK} only when non-blocking
   */
  int run(KernelTask me, TaskWinsockState task, BlockingCall call, boolean nonBlocking, boolean versionTwo,
      Runnable waiting) {
    int result = call.attempt();
    if (result != EmulatedSocket.WOULD_BLOCK || nonBlocking) {
      return result;
    }
    if (waiting != null) {
      waiting.run();
    }
    BlockingLoop loop = new BlockingLoop(call.function, call.socket);
    task.loops.push(loop);
    Trace trace = kernel.trace();
    if (trace.enabled()) {
      trace.event(TraceKind.BLOCK, me.label(), call.function).with("s", call.socket).with("level", task.loops.size()).emit();
    }
    result = -WSAEINTR;
    call.startWaiting(() -> task.ioReady()); // one waker per call: nested calls register apart
    try {
      result = loop(me, task, call, loop, hookFor(task, versionTwo));
      return result;
    } finally {
      call.stopWaiting();
      task.loops.pop();
      if (trace.enabled()) {
        trace.event(TraceKind.UNBLOCK, me.label(), call.function)
            .with("s", call.socket)
            .with("ret", result >= 0 ? result : -1)
            .with("error", result >= 0 ? "0" : ErrorNames.of(-result))
            .with("cancelled", loop.cancelled)
            .emit();
      }
    }
  }

  private int loop(KernelTask me, TaskWinsockState task, BlockingCall call, BlockingLoop loop, BlockingHook hook) {
    boolean custom = hook != null && hook != defaultHook;
    for (;;) {
      long seenInput;
      long seenIo;
      me.lock().lock();
      try {
        seenInput = me.inputSerial();
        seenIo = task.ioSerial;
      } finally {
        me.lock().unlock();
      }
      if (hook != null) {
        runHook(me, task, hook);
      }
      int result = call.attempt();
      if (result != EmulatedSocket.WOULD_BLOCK) {
        return result;
      }
      if (loop.cancelled || me.isTerminating()) {
        call.cancelled();
        return -WSAEINTR;
      }
      long now = kernel.clock().millis();
      if (now >= call.deadline()) {
        return call.timedOut();
      }
      call.arm();
      long wakeAt = custom ? Math.min(call.deadline(), now + repollMillis - chosenEarlier()) : call.deadline();
      boolean watchInput = hook != null;
      me.await(() -> task.ioSerial != seenIo || loop.cancelled || (watchInput && me.inputSerial() != seenInput),
          wakeAt, call.function, null);
      me.checkKilled();
    }
  }

  /**
   * How many milliseconds earlier than the interval a custom hook is re-polled when nothing
   * happened: what an exploring choice source chooses ({@link ChoicePoint#HOOK_REPOLL}, 0 to the
   * interval less 1, so the re-poll is at least 1 ms later), or 0.
   */
  private long chosenEarlier() {
    ChoiceSource choices = kernel.choices();
    long options = choices.exploring() ? repollMillis : 1;
    if (options < 2 || options > Integer.MAX_VALUE) {
      return 0;
    }
    int chosen = choices.choose(ChoicePoint.HOOK_REPOLL, (int) options);
    return chosen > 0 && chosen < options ? chosen : 0;
  }

  /** {@code while (BlockingHook()) ;} as the 1.1 provider loop does, stopping only for shutdown. */
  private void runHook(KernelTask me, TaskWinsockState task, BlockingHook hook) {
    String name = hook == defaultHook ? "DefaultBlockingHook" : "BlockingHook";
    Trace trace = kernel.trace();
    for (;;) {
      if (me.isTerminating()) {
        return;
      }
      boolean more = false;
      try {
        me.enterNested(name);
        int outerHook = task.hookNesting;
        task.hookNesting = me.nesting(); // the hook's own calls, not those of procedures it dispatches
        try {
          more = hook.call();
        } finally {
          task.hookNesting = outerHook;
          me.leaveNested();
        }
      } catch (Throwable e) { // NestingLimitException too; fatal errors pass the boundary
        kernel.callbacks().failed(me, name, e);
      }
      if (trace.enabled()) {
        trace.event(TraceKind.HOOK, me.label(), name).with("ret", more).emit();
      }
      if (!more) {
        return;
      }
    }
  }
}
