package org.wsemu.winsock;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import org.wsemu.kernel.KernelTask;
import org.wsemu.kernel.RuleChecks;
import org.wsemu.user.MSG;
import org.wsemu.user.MessageNames;
import org.wsemu.user.UserWiring;
import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The Winsock rules of the checked mode, each decided here, on the calling task's thread, at the
 * moment of the violation; every method does nothing when checked mode is off. What the calls
 * return is never changed. docs/checked-mode.md lists the rules and their sources.
 *
 * <p>Stateless; the per-task counts it keeps live in {@link TaskWinsockState}, touched only on the
 * task's own thread.
 */
final class CheckedRules {
  /** What a blocking hook may call: the cancel, and the two harmless queries. */
  private static final Set<String> HOOK_CALLS = Set.of("WSACancelBlockingCall", "WSAIsBlocking", "WSAGetLastError");

  private CheckedRules() {}

  /** A Winsock call made by a blocking hook's own code (not by a procedure it dispatched). */
  static void callFromHook(RuleChecks rules, KernelTask me, String function) {
    if (!rules.enabled() || HOOK_CALLS.contains(function)) {
      return;
    }
    if (function.equals("WSACleanup")) {
      rules.report(me, "cleanup-in-hook", function,
          "a blocking hook must not call WSACleanup; cancel the call, then clean up after it returns");
    } else {
      rules.report(me, "hook-calls-winsock", function,
          "a blocking hook may call no Windows Sockets function but WSACancelBlockingCall");
    }
  }

  /** A WSAStartup about to succeed, asking for {@code requested}. */
  static void startup(RuleChecks rules, WsCall call, int requested) {
    if (!rules.enabled()) {
      return;
    }
    TaskWinsockState task = call.task;
    if (task.startups > 0 && task.startupRequested != requested) {
      rules.report(call.me, "startup-version-changed", call.function,
          "every WSAStartup of a task must ask for the version its first one asked for",
          "requested", hex(requested), "first", hex(task.startupRequested));
    }
    if (task.startups++ == 0) {
      task.startupRequested = requested;
    }
  }

  /**
   * A WSACleanup that returns {@code result}: if it succeeded, {@code open} are the sockets it
   * closes (only the last one closes any); if it failed with WSANOTINITIALISED, it was one more
   * than the WSAStartup calls.
   */
  static void cleanup(RuleChecks rules, WsCall call, int result, List<EmulatedSocket> open) {
    if (!rules.enabled()) {
      return;
    }
    if (result == -WinSock.WSANOTINITIALISED) {
      rules.report(call.me, "startup-unbalanced", call.function, UNBALANCED, "startups", 0);
    }
    if (result != 0) {
      return;
    }
    if (call.task.startups > 0) {
      call.task.startups--;
    }
    if (!open.isEmpty()) {
      StringJoiner handles = new StringJoiner(",");
      open.forEach(socket -> handles.add(Integer.toString(socket.handle)));
      rules.report(call.me, "sockets-left-open", call.function,
          "a program closes its sockets before its last WSACleanup", "sockets", handles);
    }
  }

  /** A Win16 task (its own application) exits with {@code startups} WSAStartup calls not cleaned up. */
  static void exitUnbalanced(RuleChecks rules, KernelTask task, int startups) {
    if (startups > 0) {
      rules.report(task, "startup-unbalanced", "-", UNBALANCED, "startups", startups);
    }
  }

  /**
   * A call other than closesocket (and WSAGetOverlappedResult, which collects a cancelled operation) on a socket of the caller's application whose operation the
   * program cancelled; whether it was reported.
   */
  static boolean usedAfterCancel(RuleChecks rules, WsCall call, EmulatedSocket socket) {
    if (!rules.enabled() || call.function.equals("closesocket") || call.function.equals("WSAGetOverlappedResult")
        || socket.app != call.app || socket.closed) {
      return false;
    }
    rules.report(call.me, "use-after-cancel", call.function,
        "after a cancelled operation the only call a program may rely on is closesocket", "s", socket.handle);
    return true;
  }

  /**
   * A version 1 task's blocking call that cannot complete at once and is going to wait, on socket
   * {@code s} (0: select or a lookup): a violation if a window procedure of the task is running
   * and the task has a WSAAsyncSelect registration live on a socket of its application.
   */
  static void blockingWait(RuleChecks rules, WsCall call, int s) {
    MSG dispatched = UserWiring.windowMessage(call.me);
    if (dispatched == null || !asyncSelects(call)) {
      return;
    }
    rules.report(call.me, "blocking-in-async-program", call.function,
        "a program that uses WSAAsyncSelect makes no blocking call from a window procedure",
        "s", s, "msg", MessageNames.of(dispatched.message));
  }

  /** Whether the caller made a WSAAsyncSelect registration still live on a socket of its application. */
  private static boolean asyncSelects(WsCall call) {
    for (EmulatedSocket socket : call.app.sockets()) {
      AsyncSelect registration = socket.asyncSelect;
      if (registration != null && registration.delivery() instanceof MessageDelivery messages
          && messages.registrant == call.me) {
        return true;
      }
    }
    return false;
  }

  /**
   * A recv or recvfrom on {@code socket} failed with WSAEWOULDBLOCK: if the window procedure
   * running is handling the FD_READ notification of that socket's WSAAsyncSelect registration, a
   * closesocket or shutdown of the socket before it returns is a violation ({@link #treatedAsFatal}).
   *
   * @param wordMask what a message number keeps when posted (0xFFFF in Win16 mode, else all bits)
   */
  static void recvWouldBlock(RuleChecks rules, WsCall call, EmulatedSocket socket, int wordMask) {
    if (!rules.enabled()) {
      return;
    }
    MSG dispatched = UserWiring.windowMessage(call.me);
    if (dispatched == null || dispatched.wParam != socket.handle
        || WinSock.WSAGETSELECTEVENT(dispatched.lParam) != WinSock.FD_READ) {
      return;
    }
    AsyncSelect registration = socket.asyncSelect;
    if (registration != null && registration.delivery() instanceof MessageDelivery messages
        && messages.hWnd == dispatched.hwnd && (messages.wMsg & wordMask) == dispatched.message) {
      call.task.emptyRead = dispatched;
      call.task.emptyReadSocket = socket.handle;
    }
  }

  /**
   * A call naming socket {@code s}: if it is closesocket or shutdown, a violation if it is made
   * while the FD_READ notification in whose handling a recv on {@code s} failed with
   * WSAEWOULDBLOCK is still being dispatched (by its own window procedure, not a nested one).
   */
  static void treatedAsFatal(RuleChecks rules, WsCall call, int s) {
    TaskWinsockState task = call.task;
    if (task.emptyRead == null || task.emptyReadSocket != s
        || !call.function.equals("closesocket") && !call.function.equals("shutdown")) {
      return;
    }
    MSG read = task.emptyRead;
    task.emptyRead = null;
    if (read == UserWiring.windowMessage(call.me)) {
      rules.report(call.me, "recv-assumes-data", call.function,
          "an FD_READ notification does not promise data: a recv failing with WSAEWOULDBLOCK is not an error",
          "s", s);
    }
  }

  /** The checksum of a request's buffer (the first {@code length} bytes): a CRC-32, never -1. */
  static long checksum(byte[] buf, int length) {
    CRC32 crc = new CRC32();
    crc.update(buf, 0, length);
    return crc.getValue();
  }

  /** A WSAAsyncGetXByY request's buffer changed between the call and the lookup's completion. */
  static void requestBufferModified(RuleChecks rules, AsyncRequest request) {
    rules.report(request.caller, "buffer-modified", request.function,
        "a buffer handed to a WSAAsyncGetXByY function must not change before its reply is posted",
        "handle", request.handle);
  }

  private static final String UNBALANCED = "every successful WSAStartup needs one WSACleanup, and no more";

  private static String hex(int version) {
    return String.format(Locale.ROOT, "0x%04X", version);
  }
}
