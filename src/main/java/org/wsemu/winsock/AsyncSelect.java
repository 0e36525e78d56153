package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.FD_ACCEPT;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_CONNECT;
import static org.wsemu.winsock.WinSock.FD_OOB;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;

import java.util.concurrent.atomic.AtomicBoolean;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.Kernel;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.user.User;

/**
 * One socket's WSAAsyncSelect registration: which events it wants, in which message to which
 * window, and which events may be posted now. The rules of the 1.1 specification:
 *
 * <ul>
 *   <li>an event is posted at most once until its re-enabling function is called (FD_READ and
 *       FD_OOB: recv or recvfrom; FD_ACCEPT: accept; FD_WRITE: a send that would block), even if
 *       that call fails; FD_CONNECT once per connection attempt, and only if the attempt finishes
 *       while this registration exists (a later registration does not get it, as on Windows);
 *       FD_CLOSE once per registration;
 *   <li>after re-enabling, a condition that still holds is posted again (level triggering), and so
 *       is a condition that holds when the registration is made;
 *   <li>FD_WRITE when the connection is made (after FD_CONNECT), then only after a send failed
 *       with WSAEWOULDBLOCK and room came back; FD_CLOSE as soon as the peer's close arrives,
 *       whether or not the data before it has been read (after FD_READ for that data), with
 *       WSAECONNRESET or WSAECONNABORTED for a reset. FD_CLOSE is a condition: a new registration
 *       gets it again.
 * </ul>
 *
 * <p>Messages go by PostMessage to the window's task: wParam the socket, lParam
 * WSAMAKESELECTREPLY(event, error). Evaluation runs on whatever thread noticed a change (a task's,
 * the network's, the timer's after a {@link #wake}); it only probes the socket without blocking and
 * posts.
 *
 * <p>Thread-safe: evaluations are serialized on this object, which is taken before the socket's
 * monitor, never after.
 */
final class AsyncSelect {
  /** The order in which events that hold together are posted: FD_CONNECT before FD_WRITE. */
  private static final int[] ORDER = {FD_CONNECT, FD_ACCEPT, FD_READ, FD_OOB, FD_WRITE, FD_CLOSE};
  private static final long REPOST_DELAY_MILLIS = 10;

  private final Kernel kernel;
  private final User user;
  private final EmulatedSocket socket;
  final int hWnd;
  final int wMsg;
  final int lEvent;
  @GuardedBy("this") private int enabled = FD_READ | FD_OOB | FD_ACCEPT;
  @GuardedBy("this") private boolean writeWanted = true;
  @GuardedBy("this") private int reportedConnect;
  @GuardedBy("this") private boolean closeReported;
  @GuardedBy("this") private int armedOps;
  private volatile boolean cancelled;
  private final AtomicBoolean wakePending = new AtomicBoolean();

  AsyncSelect(Kernel kernel, User user, EmulatedSocket socket, int hWnd, int wMsg, int lEvent) {
    this.kernel = kernel;
    this.user = user;
    this.socket = socket;
    this.hWnd = hWnd;
    this.wMsg = wMsg;
    this.lEvent = lEvent;
    // FD_CONNECT is an event of the attempt, posted to the registration of the moment it finishes:
    // attempts that finished before this registration are not its to post. (Winsock 2's event
    // mode, WSAEventSelect, would start from the attempt before, recording the last one's outcome.)
    this.reportedConnect = socket.finishedConnectAttempt();
  }

  /** A registration like this one for a socket accept() made from this one's socket. */
  AsyncSelect inheritedBy(EmulatedSocket accepted) {
    return new AsyncSelect(kernel, user, accepted, hWnd, wMsg, lEvent);
  }

  /** Stops posting (a new registration, lEvent 0, closesocket); messages already queued stay. */
  synchronized void cancel() {
    cancelled = true;
  }

  /** A re-enabling function was called (even if it failed): those events may be posted again. */
  void reenable(int events) {
    synchronized (this) {
      enabled |= events;
    }
    evaluate();
  }

  /** A send or sendto failed with WSAEWOULDBLOCK: FD_WRITE comes when room comes back. */
  void sendWouldBlock() {
    synchronized (this) {
      writeWanted = true;
    }
    evaluate();
  }

  /**
   * The socket took something from its endpoint outside an evaluation (FIONREAD, select or MSG_PEEK
   * read ahead, select took a pending connection): the endpoint will not report it again, so
   * evaluate soon. Only schedules: callable while holding the socket's monitor.
   */
  void wake() {
    if (!cancelled && wakePending.compareAndSet(false, true)) {
      kernel.schedule(kernel.clock().millis(), () -> {
        wakePending.set(false);
        evaluate();
      });
    }
  }

  /** Posts what holds and may be posted, then watches the network for the rest. */
  synchronized void evaluate() {
    if (cancelled || socket.closed) {
      return;
    }
    SocketReadiness now = socket.lookForEvents((lEvent & FD_CLOSE) != 0 && !closeReported);
    int holding = now.events();
    int waiting = 0;
    for (int event : ORDER) {
      if ((lEvent & event) == 0) {
        continue;
      }
      boolean holds = (holding & event) != 0;
      boolean mayPost = switch (event) {
        case FD_WRITE -> writeWanted;
        case FD_CONNECT -> now.connectAttempt() > reportedConnect;
        case FD_CLOSE -> !closeReported;
        default -> (enabled & event) != 0;
      };
      if (!mayPost) {
        continue;
      }
      if (!holds) {
        waiting |= event;
        continue;
      }
      int error = event == FD_CONNECT ? now.connectError() : event == FD_CLOSE ? now.closeError() : 0;
      if (!post(event, error)) {
        return; // the queue is full: try again shortly, nothing marked as posted
      }
      switch (event) {
        case FD_WRITE -> writeWanted = false;
        case FD_CONNECT -> {
          reportedConnect = now.connectAttempt();
          socket.connectOutcomeReported(now.connectAttempt());
        }
        case FD_CLOSE -> closeReported = true;
        default -> enabled &= ~event;
      }
    }
    if ((lEvent & FD_CONNECT) != 0) {
      waiting |= FD_CONNECT; // a later attempt may finish
    }
    arm(socket.readiness().eventWaitOps(waiting) & ~armedOps);
  }

  private boolean post(int event, int error) {
    if (user.PostMessage(hWnd, wMsg, socket.handle, WinSock.WSAMAKESELECTREPLY(event, error))) {
      Trace trace = kernel.trace();
      if (trace.enabled()) {
        trace.event(TraceKind.ASYNC, "-", "select")
            .with("s", socket.handle).with("event", eventName(event)).with("error", ErrorNames.of(error))
            .with("hwnd", String.valueOf(WinsockInstance.hex(hWnd, 4))).with("msg", String.valueOf(WinsockInstance.hex(wMsg, 4))).emit();
      }
      return true;
    }
    if (user.IsWindow(hWnd)) {
      kernel.schedule(kernel.clock().millis() + REPOST_DELAY_MILLIS, this::evaluate);
    }
    return false;
  }

  private void arm(int ops) {
    if (ops == 0) {
      return;
    }
    armedOps |= ops;
    socket.notifyWhen(ops, () -> {
      synchronized (this) {
        armedOps &= ~ops;
      }
      evaluate();
    });
  }

  /** FD_READ, FD_WRITE...: the name of one event bit. */
  static String eventName(int event) {
    return switch (event) {
      case FD_READ -> "FD_READ";
      case FD_WRITE -> "FD_WRITE";
      case FD_OOB -> "FD_OOB";
      case FD_ACCEPT -> "FD_ACCEPT";
      case FD_CONNECT -> "FD_CONNECT";
      case FD_CLOSE -> "FD_CLOSE";
      default -> Integer.toHexString(event);
    };
  }
}
