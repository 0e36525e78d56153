package org.wsemu.user;

import static org.wsemu.user.WinUser.HWND_BROADCAST;

import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.trace.Trace;

/**
 * Posting and sending messages for {@link UserFunctions}: PostMessage, PostAppMessage,
 * SendMessage, InSendMessage, ReplyMessage and PostQuitMessage, with their argument handling and
 * trace events.
 *
 * <p>Thread-safe: each queue is touched under its task's lock; a message sent to another task
 * waits for the reply through the {@link Dispatcher}.
 */
final class MessageSending {
  private final UserFunctions user;
  private final Kernel kernel;
  private final Trace trace;
  private final WindowManager windows;
  private final Dispatcher dispatcher;

  MessageSending(UserFunctions user, Kernel kernel, WindowManager windows, Dispatcher dispatcher) {
    this.user = user;
    this.kernel = kernel;
    this.trace = kernel.trace();
    this.windows = windows;
    this.dispatcher = dispatcher;
  }

  boolean PostMessage(int hWnd, int Msg, int wParam, int lParam) {
    KernelTask me = user.caller();
    int message = user.narrow(Msg);
    int word = user.narrow(wParam);
    boolean ret;
    if (hWnd == 0) {
      ret = me != null && post(me, 0, message, word, lParam);
    } else if (hWnd == HWND_BROADCAST) {
      for (Window window : windows.topLevel()) {
        post(window.owner, window.handle, message, word, lParam);
      }
      ret = true;
    } else {
      Window window = windows.get(hWnd);
      ret = window != null && post(window.owner, window.handle, message, word, lParam);
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "PostMessage", "hWnd", Hex.handle(hWnd), "Msg", MessageNames.of(message),
          "wParam", Hex.handle(word), "lParam", Hex.dword(lParam)).with("ret", ret).emit();
    }
    return ret;
  }

  boolean PostAppMessage(int hTask, int Msg, int wParam, int lParam) {
    KernelTask me = user.caller();
    int message = user.narrow(Msg);
    int word = user.narrow(wParam);
    KernelTask target = hTask == 0 ? me : kernel.task(hTask);
    boolean ret = target != null && post(target, 0, message, word, lParam);
    if (trace.enabled()) {
      Tracing.call(trace, me, "PostAppMessage", "hTask", Hex.handle(hTask), "Msg", MessageNames.of(message),
          "wParam", Hex.handle(word), "lParam", Hex.dword(lParam)).with("ret", ret).emit();
    }
    return ret;
  }

  private boolean post(KernelTask target, int hwnd, int message, int wParam, int lParam) {
    MessageQueue queue = user.queue(target);
    target.lock().lock();
    try {
      return queue.post(new Posted(hwnd, message, wParam, lParam, user.tickCount()), false);
    } finally {
      target.lock().unlock();
    }
  }

  int SendMessage(int hWnd, int Msg, int wParam, int lParam) {
    KernelTask me = user.caller();
    int message = user.narrow(Msg);
    int word = user.narrow(wParam);
    int ret = 0;
    if (hWnd == HWND_BROADCAST) {
      for (Window window : windows.topLevel()) {
        send(me, window, message, word, lParam);
      }
    } else {
      Window window = windows.get(hWnd);
      if (window != null) {
        ret = send(me, window, message, word, lParam);
      }
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "SendMessage", "hWnd", Hex.handle(hWnd), "Msg", MessageNames.of(message),
          "wParam", Hex.handle(word), "lParam", Hex.dword(lParam)).with("ret", ret).emit();
    }
    return ret;
  }

  private int send(KernelTask me, Window window, int message, int wParam, int lParam) {
    if (window.owner == me) {
      return dispatcher.callWindowProc(me, window, message, wParam, lParam, "SendMessage", null);
    }
    return dispatcher.sendToOtherTask(me, window, message, wParam, lParam);
  }

  boolean InSendMessage() {
    KernelTask me = kernel.require("InSendMessage");
    boolean ret = user.queue(me).currentSent() != null;
    if (trace.enabled()) {
      Tracing.call(trace, me, "InSendMessage").with("ret", ret).emit();
    }
    return ret;
  }

  boolean ReplyMessage(int lResult) {
    KernelTask me = kernel.require("ReplyMessage");
    SentMessage sent = user.queue(me).currentSent();
    boolean ret = sent != null && !isReplied(sent);
    if (trace.enabled()) {
      Tracing.call(trace, me, "ReplyMessage", "lResult", lResult).with("ret", ret).emit();
    }
    if (ret) {
      dispatcher.reply(me, sent, lResult);
    }
    return ret;
  }

  private static boolean isReplied(SentMessage sent) {
    if (sent.sender == null) {
      return sent.isReplied();
    }
    sent.sender.lock().lock();
    try {
      return sent.isReplied();
    } finally {
      sent.sender.lock().unlock();
    }
  }

  void PostQuitMessage(int nExitCode) {
    KernelTask me = kernel.require("PostQuitMessage");
    me.lock().lock();
    try {
      user.queue(me).postQuit(user.narrow(nExitCode)); // it becomes WM_QUIT's wParam
    } finally {
      me.lock().unlock();
    }
    if (trace.enabled()) {
      Tracing.call(trace, me, "PostQuitMessage", "nExitCode", nExitCode).emit();
    }
  }
}
