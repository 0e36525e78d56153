package org.wsemu.user;

import static org.wsemu.user.WinUser.WM_CLOSE;
import static org.wsemu.user.WinUser.WM_TIMER;

import java.util.List;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.kernel.TaskListener;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.Trace;

/**
 * The USER layer of one emulator, its API facade: validates arguments, enforces the thread rules,
 * traces every call, and delegates to the queues and sending ({@link MessageSending}) ({@link MessageQueue}, {@link MessageRetrieval}),
 * the windows ({@link WindowManager}, {@link WindowLifecycle}), the timers ({@link Timers}) and the
 * {@link Dispatcher}.
 */
final class UserFunctions implements User, TaskListener {
  private static final Object QUEUE = new Object();

  private final Kernel kernel;
  private final Trace trace;
  private final boolean win16;
  private final int postedMessageLimit;
  private final WindowManager windows = new WindowManager();
  private final Dispatcher dispatcher;
  private final WindowLifecycle lifecycle;
  private final MessageRetrieval retrieval;
  private final Timers timers;
  private final MessageSending sending;

  UserFunctions(Kernel kernel, int postedMessageLimit) {
    this.kernel = kernel;
    this.trace = kernel.trace();
    this.win16 = kernel.mode() == SchedulingMode.WIN16;
    this.postedMessageLimit = postedMessageLimit;
    this.dispatcher = new Dispatcher(kernel, windows, this::queue);
    this.lifecycle = new WindowLifecycle(windows, dispatcher, this::queue);
    this.retrieval = new MessageRetrieval(kernel, windows, dispatcher, this::queue);
    this.timers = new Timers(kernel, windows, this::queue);
    this.sending = new MessageSending(this, kernel, windows, dispatcher);
    kernel.addTaskListener(this);
  }

  // ---- per-task state ----

  @Override
  public void created(KernelTask task) {
    task.attach(QUEUE, new MessageQueue(task, postedMessageLimit, timers.procTokens()));
  }

  @Override
  public void exiting(KernelTask task) {
    MessageQueue queue = queue(task);
    List<SentMessage> orphans;
    task.lock().lock();
    try {
      orphans = queue.close();
    } finally {
      task.lock().unlock();
    }
    for (SentMessage sent : orphans) {
      sent.reply(0);
    }
    lifecycle.forgetWindowsOf(task);
    windows.forgetClassesOf(task);
  }

  MessageQueue queue(KernelTask task) {
    return queueOf(task);
  }

  /** The task's message queue, whichever emulator's USER made it; null for a task made before USER. */
  static MessageQueue queueOf(KernelTask task) {
    return task.attachment(QUEUE, MessageQueue.class);
  }

  /** A Win16 WORD is 16 bits: message numbers and wParam are truncated as C would. */
  int narrow(int value) {
    return win16 ? value & 0xFFFF : value;
  }

  int tickCount() {
    return (int) kernel.clock().millis();
  }

  /** The calling task (null on a thread outside the emulator), after checking it is not being killed. */
  KernelTask caller() {
    KernelTask me = kernel.current();
    if (me != null) {
      me.checkKilled();
    }
    return me;
  }

  // ---- window classes and windows ----

  @Override
  public int RegisterClass(WNDCLASS lpWndClass) {
    KernelTask me = kernel.require("RegisterClass");
    int atom = 0;
    if (lpWndClass != null && lpWndClass.lpszClassName != null && lpWndClass.lpfnWndProc != null) {
      atom = windows.register(me, lpWndClass.copy());
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "RegisterClass", "lpszClassName", lpWndClass == null ? null : lpWndClass.lpszClassName)
          .with("ret", Hex.handle(atom)).emit();
    }
    return atom;
  }

  @Override
  public boolean UnregisterClass(String lpClassName, int hInstance) {
    KernelTask me = kernel.require("UnregisterClass");
    boolean ret = lpClassName != null && windows.unregister(me, lpClassName);
    if (trace.enabled()) {
      Tracing.call(trace, me, "UnregisterClass", "lpClassName", lpClassName).with("ret", ret).emit();
    }
    return ret;
  }

  @Override
  public int CreateWindow(String lpClassName, String lpWindowName, int dwStyle, int x, int y, int nWidth,
      int nHeight, int hWndParent, int hMenu, int hInstance, Object lpParam) {
    KernelTask me = kernel.require("CreateWindow");
    int hwnd = lifecycle.create(me, lpClassName, lpWindowName, dwStyle, hWndParent, lpParam);
    if (trace.enabled()) {
      Tracing.call(trace, me, "CreateWindow", "lpClassName", lpClassName, "lpWindowName", lpWindowName,
          "hWndParent", Hex.handle(hWndParent)).with("ret", Hex.handle(hwnd)).emit();
    }
    return hwnd;
  }

  @Override
  public boolean DestroyWindow(int hWnd) {
    KernelTask me = kernel.require("DestroyWindow");
    boolean ret = lifecycle.destroy(me, hWnd);
    if (trace.enabled()) {
      Tracing.call(trace, me, "DestroyWindow", "hWnd", Hex.handle(hWnd)).with("ret", ret).emit();
    }
    return ret;
  }

  @Override
  public boolean IsWindow(int hWnd) {
    boolean ret = windows.get(hWnd) != null;
    if (trace.enabled()) {
      Tracing.call(trace, caller(), "IsWindow", "hWnd", Hex.handle(hWnd)).with("ret", ret).emit();
    }
    return ret;
  }

  @Override
  public int FindWindow(String lpClassName, String lpWindowName) {
    int ret = 0;
    for (Window window : windows.topLevel()) {
      if ((lpClassName == null || lpClassName.equalsIgnoreCase(window.windowClass.wndClass().lpszClassName))
          && (lpWindowName == null || lpWindowName.equalsIgnoreCase(window.name))) {
        ret = window.handle;
        break;
      }
    }
    if (trace.enabled()) {
      Tracing.call(trace, caller(), "FindWindow", "lpClassName", lpClassName, "lpWindowName", lpWindowName)
          .with("ret", Hex.handle(ret)).emit();
    }
    return ret;
  }

  @Override
  public int GetWindowTask(int hWnd) {
    Window window = windows.get(hWnd);
    int ret = window == null ? 0 : window.owner.handle();
    if (trace.enabled()) {
      Tracing.call(trace, caller(), "GetWindowTask", "hWnd", Hex.handle(hWnd)).with("ret", Hex.handle(ret)).emit();
    }
    return ret;
  }

  @Override
  public int DefWindowProc(int hWnd, int Msg, int wParam, int lParam) {
    KernelTask me = kernel.require("DefWindowProc");
    if (trace.enabled()) {
      Tracing.call(trace, me, "DefWindowProc", "hWnd", Hex.handle(hWnd), "Msg", MessageNames.of(Msg))
          .with("ret", 0).emit();
    }
    if (narrow(Msg) == WM_CLOSE) {
      DestroyWindow(hWnd);
    }
    return 0;
  }

  // ---- posting and sending ({@link MessageSending}) ----

  @Override
  public boolean PostMessage(int hWnd, int Msg, int wParam, int lParam) {
    return sending.PostMessage(hWnd, Msg, wParam, lParam);
  }

  @Override
  public boolean PostAppMessage(int hTask, int Msg, int wParam, int lParam) {
    return sending.PostAppMessage(hTask, Msg, wParam, lParam);
  }

  @Override
  public int SendMessage(int hWnd, int Msg, int wParam, int lParam) {
    return sending.SendMessage(hWnd, Msg, wParam, lParam);
  }

  @Override
  public boolean InSendMessage() {
    return sending.InSendMessage();
  }

  @Override
  public boolean ReplyMessage(int lResult) {
    return sending.ReplyMessage(lResult);
  }

  @Override
  public void PostQuitMessage(int nExitCode) {
    sending.PostQuitMessage(nExitCode);
  }

  // ---- retrieving and dispatching ----

  @Override
  public int GetMessage(MSG lpMsg, int hWnd, int wMsgFilterMin, int wMsgFilterMax) {
    KernelTask me = kernel.require("GetMessage");
    int ret = retrieval.getMessage(me, lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax);
    if (trace.enabled()) {
      Trace.EventBuilder event = Tracing.call(trace, me, "GetMessage", "hWnd", Hex.handle(hWnd),
          "wMsgFilterMin", MessageNames.filter(wMsgFilterMin), "wMsgFilterMax", MessageNames.filter(wMsgFilterMax))
          .with("ret", ret);
      if (ret != -1) {
        Tracing.message(event, lpMsg);
      }
      event.emit();
    }
    return ret;
  }

  @Override
  public boolean PeekMessage(MSG lpMsg, int hWnd, int wMsgFilterMin, int wMsgFilterMax, int wRemoveMsg) {
    KernelTask me = kernel.require("PeekMessage");
    boolean ret = retrieval.peekMessage(me, lpMsg, hWnd, wMsgFilterMin, wMsgFilterMax, wRemoveMsg);
    if (trace.enabled()) {
      Trace.EventBuilder event = Tracing.call(trace, me, "PeekMessage", "hWnd", Hex.handle(hWnd),
          "wMsgFilterMin", MessageNames.filter(wMsgFilterMin), "wMsgFilterMax", MessageNames.filter(wMsgFilterMax),
          "wRemoveMsg", MessageNames.peekFlags(wRemoveMsg)).with("ret", ret);
      if (ret) {
        Tracing.message(event, lpMsg);
      }
      event.emit();
    }
    return ret;
  }

  @Override
  public boolean WaitMessage() {
    KernelTask me = kernel.require("WaitMessage");
    boolean ret = retrieval.waitMessage(me);
    if (trace.enabled()) {
      Tracing.call(trace, me, "WaitMessage").with("ret", ret).emit();
    }
    return ret;
  }

  @Override
  public boolean TranslateMessage(MSG lpMsg) {
    KernelTask me = kernel.require("TranslateMessage");
    boolean ret = false;
    if (lpMsg != null) {
      int character = Keyboard.translate(lpMsg.message, lpMsg.wParam);
      if (character != 0) {
        int charMessage = Keyboard.charMessageFor(lpMsg.message);
        me.lock().lock();
        try {
          queue(me).post(new Posted(lpMsg.hwnd, charMessage, character, lpMsg.lParam, lpMsg.time), true);
        } finally {
          me.lock().unlock();
        }
      }
      ret = Keyboard.isKeyMessage(lpMsg.message);
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "TranslateMessage", "msg", lpMsg == null ? null : MessageNames.of(lpMsg.message))
          .with("ret", ret).emit();
    }
    return ret;
  }

  @Override
  public int DispatchMessage(MSG lpMsg) {
    KernelTask me = kernel.require("DispatchMessage");
    int ret = 0;
    if (lpMsg != null) {
      UserTimer timer = lpMsg.message == WM_TIMER ? timers.withProc(lpMsg.lParam) : null;
      Window window = windows.get(lpMsg.hwnd);
      if (timer != null && timer.owner == me && timer.alive) {
        dispatcher.callTimerProc(me, timer, lpMsg.hwnd, tickCount());
      } else if (window != null && window.owner == me) {
        ret = dispatcher.callWindowProc(me, window, lpMsg.message, lpMsg.wParam, lpMsg.lParam, "DispatchMessage", null);
      }
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "DispatchMessage", "msg", lpMsg == null ? null : MessageNames.of(lpMsg.message),
          "hwnd", lpMsg == null ? null : Hex.handle(lpMsg.hwnd)).with("ret", ret).emit();
    }
    return ret;
  }

  // ---- timers and time ----

  @Override
  public int SetTimer(int hWnd, int nIDEvent, int uElapse, TIMERPROC lpTimerFunc) {
    KernelTask me = kernel.require("SetTimer");
    int ret = timers.set(me, hWnd, narrow(nIDEvent), uElapse, lpTimerFunc);
    if (trace.enabled()) {
      Tracing.call(trace, me, "SetTimer", "hWnd", Hex.handle(hWnd), "nIDEvent", Hex.handle(nIDEvent),
          "uElapse", Integer.toUnsignedString(uElapse), "lpTimerFunc", lpTimerFunc == null ? "NULL" : "proc")
          .with("ret", Hex.handle(ret)).emit();
    }
    return ret;
  }

  @Override
  public boolean KillTimer(int hWnd, int uIDEvent) {
    KernelTask me = kernel.require("KillTimer");
    boolean ret = timers.kill(me, hWnd, narrow(uIDEvent));
    if (trace.enabled()) {
      Tracing.call(trace, me, "KillTimer", "hWnd", Hex.handle(hWnd), "uIDEvent", Hex.handle(uIDEvent))
          .with("ret", ret).emit();
    }
    return ret;
  }

  @Override
  public int GetTickCount() {
    int ret = (int) kernel.pollClock();
    if (trace.enabled()) {
      Tracing.call(trace, caller(), "GetTickCount").with("ret", Integer.toUnsignedString(ret)).emit();
    }
    return ret;
  }

  // ---- tasks ----

  @Override
  public void Yield() {
    KernelTask me = kernel.require("Yield");
    if (!me.isTerminating()) {
      me.yieldCpu("Yield");
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "Yield").emit();
    }
  }

  @Override
  public int GetCurrentTask() {
    KernelTask me = caller();
    int ret = me == null ? 0 : me.handle();
    if (trace.enabled()) {
      Tracing.call(trace, me, "GetCurrentTask").with("ret", Hex.handle(ret)).emit();
    }
    return ret;
  }

  @Override
  public boolean IsTask(int hTask) {
    boolean ret = kernel.task(hTask) != null;
    if (trace.enabled()) {
      Tracing.call(trace, caller(), "IsTask", "hTask", Hex.handle(hTask)).with("ret", ret).emit();
    }
    return ret;
  }
}
