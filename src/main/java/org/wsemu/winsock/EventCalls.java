package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_INFINITE;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_HANDLE;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_PARAMETER;
import static org.wsemu.winsock.WinSock2.WSA_MAXIMUM_WAIT_EVENTS;
import static org.wsemu.winsock.WinSock2.WSA_NOT_ENOUGH_MEMORY;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_EVENT_0;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_TIMEOUT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wsemu.kernel.KernelTask;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The event-object functions and the alertable waits: WSACreateEvent, WSASetEvent, WSAResetEvent,
 * WSACloseEvent, WSAWaitForMultipleEvents and SleepEx; and, for the overlapped functions, the wait
 * itself ({@link #await}) and the running of a task's queued completion routines
 * ({@link #runCompletions}).
 *
 * <p>A wait parks the task without spinning: it registers a waker with each of its events (the
 * task's {@link TaskWinsockState#ioReady}, which also counts the completion routines queued for
 * it), reads the task's wake count, checks, and parks until the count moves or the deadline
 * passes; so no set, close or queued routine made after a check, by any thread, is missed. In Win16
 * mode the wait is a switch point; with a virtual clock its timeout is exact.
 *
 * <p>Threading: every method runs on the calling task's thread; completion routines run only there,
 * inside an alertable wait, behind the kernel's callback boundary.
 */
final class EventCalls {
  /** The name completion routines have in the trace and at the callback boundary. */
  static final String ROUTINE = "CompletionRoutine";

  private final WinsockInstance core;

  EventCalls(WinsockInstance core) {
    this.core = core;
  }

  int WSACreateEvent() {
    WsCall call = core.begin("WSACreateEvent");
    int result = core.gate(call);
    if (result == 0) {
      EventObject event = core.events.create();
      result = event == null ? -WSA_NOT_ENOUGH_MEMORY : event.handle;
    }
    return core.finishHandle(call, result);
  }

  boolean WSASetEvent(int hEvent) {
    WsCall call = core.begin("WSASetEvent");
    int result = core.gate(call);
    if (result == 0) {
      EventObject event = core.events.get(hEvent);
      result = event != null && event.set() ? 0 : -WSA_INVALID_HANDLE;
    }
    return core.finishBoolean(call, result, "hEvent", hEvent);
  }

  boolean WSAResetEvent(int hEvent) {
    WsCall call = core.begin("WSAResetEvent");
    int result = core.gate(call);
    if (result == 0) {
      EventObject event = core.events.get(hEvent);
      result = event != null && event.reset() ? 0 : -WSA_INVALID_HANDLE;
    }
    return core.finishBoolean(call, result, "hEvent", hEvent);
  }

  boolean WSACloseEvent(int hEvent) {
    WsCall call = core.begin("WSACloseEvent");
    int result = core.gate(call);
    if (result == 0) {
      result = core.events.close(hEvent) ? 0 : -WSA_INVALID_HANDLE;
    }
    return core.finishBoolean(call, result, "hEvent", hEvent);
  }

  int WSAWaitForMultipleEvents(int cEvents, int[] lphEvents, boolean fWaitAll, int dwTimeout, boolean fAlertable) {
    WsCall call = core.begin("WSAWaitForMultipleEvents");
    int result = core.gate(call);
    List<EventObject> events = new ArrayList<>();
    if (result == 0) {
      result = resolve(cEvents, lphEvents, fWaitAll, events);
    }
    if (result == 0) {
      result = await(call, events, fWaitAll, dwTimeout, fAlertable);
    }
    return core.finish(call, result, "cEvents", cEvents, "lphEvents", handles(cEvents, lphEvents),
        "fWaitAll", fWaitAll, "dwTimeout", timeout(dwTimeout), "fAlertable", fAlertable);
  }

  /**
   * Finds the open events behind the first {@code count} handles, in order, into {@code events}: 0,
   * or -WSA_INVALID_PARAMETER for a count outside 1..64 or a repeated event in a wait for all,
   * -WSAEFAULT for an array missing or shorter than the count, -WSA_INVALID_HANDLE for a handle not
   * open. The first bad handle decides.
   */
  private int resolve(int count, int[] handles, boolean waitAll, List<EventObject> events) {
    if (count < 1 || count > WSA_MAXIMUM_WAIT_EVENTS) { // a DWORD: negative is above 64
      return -WSA_INVALID_PARAMETER;
    }
    if (handles == null || handles.length < count) {
      return -WSAEFAULT;
    }
    for (int i = 0; i < count; i++) {
      EventObject event = core.events.get(handles[i]);
      if (event == null) {
        return -WSA_INVALID_HANDLE;
      }
      if (waitAll && events.contains(event)) {
        return -WSA_INVALID_PARAMETER;
      }
      events.add(event);
    }
    return 0;
  }

  int SleepEx(int dwMilliseconds, boolean bAlertable) {
    WsCall call = core.begin("SleepEx"); // KERNEL32's: no WSAStartup, no WSAEINPROGRESS
    int result;
    if (dwMilliseconds == 0) {
      result = bAlertable && runCompletions(call) > 0 ? WAIT_IO_COMPLETION : 0;
      if (result == 0) {
        call.me.yieldCpu("SleepEx");
      }
    } else {
      result = await(call, List.of(), false, dwMilliseconds, bAlertable);
      if (result != WAIT_IO_COMPLETION) {
        result = 0; // the time passed, or the emulator is shutting down: a sleep cannot fail
      }
    }
    return core.finish(call, result, "dwMilliseconds", timeout(dwMilliseconds), "bAlertable", bAlertable);
  }

  /**
   * Waits as WSAWaitForMultipleEvents for the given open events (validated by the caller); returns
   * WSA_WAIT_EVENT_0+i, WSA_WAIT_IO_COMPLETION, WSA_WAIT_TIMEOUT, or -error.
   *
   * <p>Each round checks, in this order: the events (for one: the smallest signalled index; for
   * all: all signalled at one instant, then WSA_WAIT_EVENT_0; an event closed after it was
   * signalled still counts as signalled); with {@code alertable}, the queued completion routines,
   * which all run, then WSA_WAIT_IO_COMPLETION; an event closed meanwhile (-WSA_INVALID_HANDLE);
   * emulator shutdown (-WSAEINTR); the timeout (WSA_WAIT_TIMEOUT; a poll, {@code dwTimeout} 0,
   * yields first in Win16 mode, as PeekMessage does). So a signalled event wins over queued
   * routines, which then wait for the next alertable wait, as in Windows, whose kernel checks the
   * objects before the thread's alertability. An empty list never becomes signalled (SleepEx).
   *
   * @param dwTimeout milliseconds (unsigned), or WSA_INFINITE
   */
  int await(WsCall call, List<EventObject> events, boolean waitAll, int dwTimeout, boolean alertable) {
    KernelTask me = call.me;
    TaskWinsockState task = call.task;
    long deadline = dwTimeout == WSA_INFINITE ? KernelTask.NO_DEADLINE
        : core.kernel.deadlineAfter(Integer.toUnsignedLong(dwTimeout));
    Runnable waker = task::ioReady;
    for (EventObject event : events) {
      event.addWaiter(waker);
    }
    try {
      for (;;) {
        long seen = wakeCount(task);
        int signalled = signalled(events, waitAll);
        if (signalled >= 0) {
          return WSA_WAIT_EVENT_0 + signalled;
        }
        if (alertable && runCompletions(call) > 0) {
          return WSA_WAIT_IO_COMPLETION;
        }
        if (events.stream().anyMatch(EventObject::isClosed)) {
          return -WSA_INVALID_HANDLE;
        }
        if (me.isTerminating()) {
          return -WSAEINTR;
        }
        if (core.kernel.clock().millis() >= deadline) {
          if (dwTimeout == 0 && core.win16) {
            me.yieldCpu(call.function);
          }
          return WSA_WAIT_TIMEOUT;
        }
        me.await(() -> task.ioSerial != seen, deadline, call.function, null);
        me.checkKilled();
      }
    } finally {
      for (EventObject event : events) {
        event.removeWaiter(waker);
      }
    }
  }

  private static long wakeCount(TaskWinsockState task) {
    task.task.lock().lock();
    try {
      return task.ioSerial;
    } finally {
      task.task.lock().unlock();
    }
  }

  /** For one: the smallest signalled index; for all: 0 when all are signalled at once; else -1. */
  private static int signalled(List<EventObject> events, boolean waitAll) {
    if (events.isEmpty()) {
      return -1;
    }
    if (waitAll) {
      return EventObject.allSignalled(events) ? 0 : -1;
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).isSignalled()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Runs the task's queued completion routines, in the order queued, each behind the callback
   * boundary at one more nesting level, and those queued while they run; each is a ROUTINE trace
   * event. Returns how many ran. Call it on the task's thread, only from an alertable wait.
   */
  int runCompletions(WsCall call) {
    int ran = 0;
    for (Runnable routine = call.task.takeCompletion(); routine != null; routine = call.task.takeCompletion()) {
      ran++;
      run(call.me, routine, ran);
    }
    return ran;
  }

  private void run(KernelTask me, Runnable routine, int index) {
    Trace trace = core.trace;
    if (trace.enabled()) {
      Trace.EventBuilder event = trace.event(TraceKind.ROUTINE, me.label(), ROUTINE).with("n", index);
      if (describes(routine)) {
        event.with("for", String.valueOf(routine));
      }
      event.emit();
    }
    try {
      me.enterNested(ROUTINE);
      try {
        routine.run();
      } finally {
        me.leaveNested();
      }
    } catch (Throwable e) { // NestingLimitException too; fatal errors pass the boundary
      core.kernel.callbacks().failed(me, ROUTINE, e);
    }
  }

  /** Whether the routine's class says what it is (a lambda's name would change from run to run). */
  private static boolean describes(Runnable routine) {
    try {
      return routine.getClass().getMethod("toString").getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The first {@code count} handles, for the trace, rendered only if the trace shows them. */
  private static Object handles(int count, int[] handles) {
    return new Object() {
      @Override
      public String toString() {
        return handles == null ? "NULL" : Arrays.toString(Arrays.copyOf(handles, Math.max(0, Math.min(count, handles.length))));
      }
    };
  }

  private static Object timeout(int millis) {
    return millis == WSA_INFINITE ? "INFINITE" : (Object) Integer.toUnsignedLong(millis);
  }
}
