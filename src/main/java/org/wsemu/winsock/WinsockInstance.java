package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;
import static org.wsemu.winsock.WinSock.WSANOTINITIALISED;

import java.util.List;
import org.wsemu.kernel.HandleTable;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.kernel.TaskListener;
import org.wsemu.net.Network;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.user.User;

/**
 * What every Winsock function of one emulator shares: per-task state, the applications (one per
 * task in Win16 mode, one for the whole emulator in Win32 mode), the socket table, the network,
 * the blocking engine, the two gates (WSANOTINITIALISED, WSAEINPROGRESS), last-error setting and
 * call tracing.
 *
 * <p>Thread-safe; per-task state is touched only on its task's thread.
 */
final class WinsockInstance implements TaskListener {
  private static final Object TASK_KEY = new Object();
  private static final Object APP_KEY = new Object();

  final Kernel kernel;
  final Trace trace;
  final Network network; // null: no network in this emulator (WSAENETDOWN)
  final WinsockConfig config;
  final boolean win16;
  final HandleTable<EmulatedSocket> sockets;
  /** The emulator's (the process's) Winsock 2 event objects. */
  final EventObjects events = new EventObjects();
  /** The overlapped operations' engine. */
  final OverlappedEngine overlapped = new OverlappedEngine(this);
  private final WinsockApplication processApp;
  BlockingEngine engine; // set once at wiring
  User user; // set once at wiring
  AsyncResolver resolver; // set once at wiring

  WinsockInstance(Kernel kernel, Network network, WinsockConfig config) {
    this.kernel = kernel;
    this.trace = kernel.trace();
    this.network = network;
    this.config = config;
    this.win16 = kernel.mode() == SchedulingMode.WIN16;
    this.sockets = new HandleTable<>(1, win16 ? 0xFFFE : 0x7FFFFFFE);
    this.processApp = win16 ? null : new WinsockApplication("process");
    kernel.addTaskListener(this);
    kernel.addShutdownListener(this::shutdown);
    if (network != null) {
      kernel.addResourceProbe(network::openResources);
    }
  }

  // ---- per-task state and applications ----

  @Override
  public void created(KernelTask task) {
    task.attach(TASK_KEY, new TaskWinsockState(task));
    if (win16) {
      task.attach(APP_KEY, new WinsockApplication(task.label()));
    }
  }

  @Override
  public void exiting(KernelTask task) {
    if (win16) {
      WinsockApplication app = app(task);
      CheckedRules.exitUnbalanced(kernel.rules(), task, app.startupCount());
      closeAll(app.end()); // the application ends with its task
      endRequests(app);
    }
    overlapped.taskExiting(task(task)); // its pending overlapped operations are aborted
  }

  TaskWinsockState task(KernelTask task) {
    return task.attachment(TASK_KEY, TaskWinsockState.class);
  }

  WinsockApplication app(KernelTask task) {
    return win16 ? task.attachment(APP_KEY, WinsockApplication.class) : processApp;
  }

  /** The version that decides the task's rules: its own negotiation, else its application's. */
  int version(TaskWinsockState task, WinsockApplication app) {
    return task.version != 0 ? task.version : app.version();
  }

  boolean versionTwo(TaskWinsockState task, WinsockApplication app) {
    return Startup.isVersionTwo(version(task, app));
  }

  /** Whether a version 1 task is inside a blocking call (the WSAEINPROGRESS rule). */
  boolean inProgress(TaskWinsockState task, WinsockApplication app) {
    return !task.loops.isEmpty() && !versionTwo(task, app);
  }

  // ---- one API call ----

  /** Starts a task-only call: finds the caller's state. */
  WsCall begin(String function) {
    KernelTask me = kernel.require(function);
    TaskWinsockState state = task(me);
    if (state.hookNesting != 0 && me.nesting() == state.hookNesting) {
      CheckedRules.callFromHook(kernel.rules(), me, function);
    }
    return new WsCall(function, me, state, app(me));
  }

  /** The WSANOTINITIALISED and WSAEINPROGRESS gates: 0 or -error. */
  int gate(WsCall call) {
    if (!call.app.initialized()) {
      return -WSANOTINITIALISED;
    }
    return inProgress(call.task, call.app) ? -WSAEINPROGRESS : 0;
  }

  /** The caller's socket {@code s}, or null (WSAENOTSOCK): unknown, closed, or another application's. */
  EmulatedSocket socket(WsCall call, int s) {
    EmulatedSocket socket = sockets.get(s);
    if (socket != null && socket.cancelledByProgram && !call.usedAfterCancel) {
      call.usedAfterCancel = CheckedRules.usedAfterCancel(kernel.rules(), call, socket);
    }
    if (socket != null && call.task.emptyRead != null) {
      CheckedRules.treatedAsFatal(kernel.rules(), call, s);
    }
    return socket != null && socket.app == call.app && !socket.closed ? socket : null;
  }

  /**
   * Runs a blocking routine of the call through the engine; in checked mode a version 1 task's call
   * that is going to wait is looked at by {@link CheckedRules#blockingWait}.
   */
  int block(WsCall call, BlockingCall blocking, boolean nonBlocking) {
    boolean versionTwo = versionTwo(call.task, call.app);
    Runnable waiting = kernel.rules().enabled() && !versionTwo
        ? () -> CheckedRules.blockingWait(kernel.rules(), call, blocking.socket) : null;
    return engine.run(call.me, call.task, blocking, nonBlocking, versionTwo, waiting);
  }

  /**
   * As {@link #socket}, for a call that may change the socket's state (bind, listen, connect,
   * shutdown, closesocket, setsockopt, ioctlsocket, WSAAsyncSelect): when the call ends, whatever
   * it returns, the tasks blocked on the socket wake and try their calls again, and its
   * WSAAsyncSelect registration looks again ({@link EmulatedSocket#changedByCall}), so that no wait
   * outlives a change that ends it, whichever task made the change.
   */
  EmulatedSocket changing(WsCall call, int s) {
    EmulatedSocket socket = socket(call, s);
    call.changed = socket;
    return socket;
  }

  /**
   * Whether a function other than closesocket, select and WSAAsyncSelect may work on
   * {@code socket} (the caller's, from {@link #socket}): 0, -WSAENOTSOCK if there is none, or
   * -WSAECONNABORTED once a cancel compromised its connection, as the 1.1 specification requires
   * of every later call but closesocket.
   */
  static int usable(EmulatedSocket socket) {
    return socket == null ? -WinSock.WSAENOTSOCK : socket.usable();
  }

  /**
   * Ends a call that returns an int: a negative result is an error, which becomes the task's last
   * error and SOCKET_ERROR (= INVALID_SOCKET). Traces the call with its arguments.
   */
  int finish(WsCall call, int result, Object... args) {
    return finish(call, result, result < 0 ? SOCKET_ERROR : result, args);
  }

  private int finish(WsCall call, int result, int ret, Object... args) {
    if (result < 0) {
      call.task.lastError = -result;
    }
    if (call.changed != null) {
      call.changed.changedByCall();
    }
    if (trace.enabled()) {
      emit(callEvent(call.me, call.function, args).with("ret", ret), result);
    }
    return ret;
  }

  /** A CALL event of {@code function} by {@code caller} (null: not a task) with its arguments, frozen. */
  private Trace.EventBuilder callEvent(KernelTask caller, String function, Object... args) {
    Trace.EventBuilder event = trace.event(TraceKind.CALL, caller == null ? "-" : caller.label(), function);
    for (int i = 0; i + 1 < args.length; i += 2) {
      event.with((String) args[i], frozen(args[i + 1]));
    }
    return event;
  }

  /** Adds the error of a failed call ({@code result < 0}) and emits the event. */
  private static void emit(Trace.EventBuilder event, int result) {
    if (result < 0) {
      event.with("error", ErrorNames.of(-result));
    }
    event.emit();
  }

  /**
   * A trace value as it is now: numbers, booleans and strings as they are, anything else (a
   * structure the program may change later, a {@link #hex} value) rendered now. Only called when
   * the trace is on, so nothing is formatted otherwise.
   */
  static Object frozen(Object value) {
    return value == null || value instanceof Number || value instanceof Boolean || value instanceof String
        ? value : String.valueOf(value);
  }

  /** {@code value} as "0x" and {@code digits} hex digits, formatted only if the trace shows it. */
  static Object hex(int value, int digits) {
    return new Object() {
      @Override
      public String toString() {
        String text = Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        return "0x" + "0".repeat(Math.max(0, digits - text.length())) + text;
      }
    };
  }

  /**
   * Ends a call that returns a handle: a negative result is an error, which becomes the task's last
   * error and 0 (the WSAAsyncGetXByY convention). Traces the call with its arguments.
   */
  int finishHandle(WsCall call, int result, Object... args) {
    return finish(call, result, result < 0 ? 0 : result, args);
  }

  /**
   * Ends a call that returns a structure (a pointer in C): null and the error when {@code result}
   * is negative. The trace shows the structure's summary ({@code hostent(localhost)}), or NULL.
   */
  <T> T finishValue(WsCall call, int result, T value, Object... args) {
    return finishPointer(call, result, value, value, args);
  }

  /**
   * Ends a call that returns a pointer: null and the error when {@code result} is negative, else
   * {@code value}. The trace shows {@code summary} for a non-null result (rendered now), NULL for null.
   */
  <T> T finishPointer(WsCall call, int result, T value, Object summary, Object... args) {
    T ret = result < 0 ? null : value;
    if (result < 0) {
      call.task.lastError = -result;
    }
    if (trace.enabled()) {
      emit(callEvent(call.me, call.function, args).with("ret", ret == null ? "NULL" : frozen(summary)), result);
    }
    return ret;
  }

  /**
   * Ends a call that returns a BOOL (the Winsock 2 and KERNEL32 functions): a negative result is an
   * error, which becomes the task's last error and FALSE; otherwise TRUE. Traced as true or false.
   */
  boolean finishBoolean(WsCall call, int result, Object... args) {
    if (result < 0) {
      call.task.lastError = -result;
    }
    if (call.changed != null) {
      call.changed.changedByCall();
    }
    if (trace.enabled()) {
      emit(callEvent(call.me, call.function, args).with("ret", result >= 0), result);
    }
    return result >= 0;
  }

  /** Ends a call that returns a BOOL that cannot fail: traced as true or false, as USER's BOOLs are. */
  boolean finishBool(WsCall call, boolean ret, Object... args) {
    if (trace.enabled()) {
      callEvent(call.me, call.function, args).with("ret", ret).emit();
    }
    return ret;
  }

  /**
   * Traces a call that any thread may make and that cannot fail (the address conversions): the
   * calling task's label, or "-" for a thread that is not a task.
   */
  void traceAnyThread(String function, Object ret, Object... args) {
    if (trace.enabled()) {
      callEvent(kernel.current(), function, args).with("ret", ret == null ? "NULL" : frozen(ret)).emit();
    }
  }

  // ---- sockets ----

  /** Registers a new socket of the caller's application: its handle, or -WSAEMFILE. */
  int register(WsCall call, java.util.function.IntFunction<EmulatedSocket> factory) {
    EmulatedSocket socket = sockets.allocate(factory);
    if (socket == null) {
      return -WinSock.WSAEMFILE;
    }
    call.app.add(socket);
    return socket.handle;
  }

  /**
   * Forgets a socket and closes it; tasks blocked on it wake and fail with WSAEINTR. Returns
   * false, doing nothing, if it was closed already (by another task's close or WSACleanup, while
   * this one lingered or raced it): its handle may be another socket's by then.
   */
  boolean remove(EmulatedSocket socket, boolean abortive) {
    if (!socket.markClosed()) {
      return false;
    }
    cancelAsyncSelect(socket);
    socket.app.remove(socket);
    sockets.free(socket.handle);
    overlapped.closed(socket); // pending overlapped operations complete with WSA_OPERATION_ABORTED
    socket.closeEndpoint(abortive);
    return true;
  }

  /** Cancels an ended application's outstanding WSAAsyncGetXByY requests: no reply follows. */
  void endRequests(WinsockApplication app) {
    for (AsyncRequest request : app.requests.takeOutstanding()) {
      if (request.cancel()) {
        resolver.cancelled(request);
        resolver.trace("cancel", request, "why", "cleanup");
      }
    }
  }

  /** Stops a socket's WSAAsyncSelect messages: its own close posts no FD_CLOSE. */
  static void cancelAsyncSelect(EmulatedSocket socket) {
    AsyncSelect registration = socket.asyncSelect;
    if (registration != null) {
      registration.cancel();
      socket.asyncSelect = null;
    }
  }

  /** Closes sockets as the last WSACleanup does: connected streams are reset. */
  void closeAll(List<EmulatedSocket> all) {
    List<EmulatedSocket> open = new java.util.ArrayList<>();
    for (EmulatedSocket socket : all) {
      cancelAsyncSelect(socket);
      sockets.free(socket.handle);
      if (socket.markClosed()) {
        open.add(socket);
      }
    }
    for (EmulatedSocket socket : open) {
      overlapped.closed(socket);
      socket.closeEndpoint(socket.isConnectedStream());
    }
  }

  private void shutdown() {
    closeAll(sockets.values());
    if (network != null) {
      network.shutdown();
    }
  }

  /** The state of one API call. */
  static final class WsCall {
    final String function;
    final KernelTask me;
    final TaskWinsockState task;
    final WinsockApplication app;
    /** The socket whose blocked tasks wake when the call ends, or null (see {@link #changing}). */
    EmulatedSocket changed;
    /** Whether this call was reported as a {@code use-after-cancel} already (checked mode). */
    boolean usedAfterCancel;

    WsCall(String function, KernelTask me, TaskWinsockState task, WinsockApplication app) {
      this.function = function;
      this.me = me;
      this.task = task;
      this.app = app;
    }
  }
}
