package org.wsemu.winsock;

import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;
import org.wsemu.user.MessageNames;
import org.wsemu.user.User;

/**
 * WSAAsyncSelect's way of reporting: PostMessage to the window's task, wParam the socket, lParam
 * WSAMAKESELECTREPLY(event, error); if the queue is full, the registration evaluates again 10 ms
 * later for as long as the window exists. Each registration has gates of its own, so a new
 * registration reports again what holds.
 *
 * <p>Thread-safe: immutable but for its gates.
 */
final class MessageDelivery implements SelectDelivery {
  private static final long REPOST_DELAY_MILLIS = 10;

  private final Kernel kernel;
  private final User user;
  private final EmulatedSocket socket;
  private final ReportGates gates;
  final int hWnd;
  final int wMsg;
  /** The task whose WSAAsyncSelect made the registration (for accepted sockets, the listener's). */
  final KernelTask registrant;

  MessageDelivery(Kernel kernel, User user, EmulatedSocket socket, int hWnd, int wMsg, KernelTask registrant) {
    this.kernel = kernel;
    this.registrant = registrant;
    this.user = user;
    this.socket = socket;
    this.hWnd = hWnd;
    this.wMsg = wMsg;
    // FD_CONNECT is an event of the attempt, posted to the registration of the moment it finishes:
    // attempts that finished before this registration are not its to post.
    this.gates = new ReportGates(socket.finishedConnectAttempt());
  }

  @Override
  public ReportGates gates() {
    return gates;
  }

  @Override
  public boolean deliver(int event, int error, Runnable evaluateAgain) {
    if (user.PostMessage(hWnd, wMsg, socket.handle, WinSock.WSAMAKESELECTREPLY(event, error))) {
      Trace trace = kernel.trace();
      if (trace.enabled()) {
        trace.event(TraceKind.ASYNC, "-", "select")
            .with("s", socket.handle).with("event", WinsockNames.networkEvents(event)).with("error", ErrorNames.of(error))
            .with("hwnd", String.valueOf(WinsockInstance.hex(hWnd, 4))).with("msg", MessageNames.of(wMsg)).emit();
      }
      return true;
    }
    if (user.IsWindow(hWnd)) {
      kernel.schedule(kernel.clock().millis() + REPOST_DELAY_MILLIS, evaluateAgain);
    }
    return false;
  }

  @Override
  public SelectDelivery forAccepted(EmulatedSocket accepted) {
    return new MessageDelivery(kernel, user, accepted, hWnd, wMsg, registrant);
  }
}
