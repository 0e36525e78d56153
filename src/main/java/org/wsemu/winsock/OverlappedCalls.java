package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.MSG_DONTROUTE;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.WSAEAFNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINTR;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;
import static org.wsemu.winsock.WinSock2.MSG_PUSH_IMMEDIATE;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_HANDLE;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_PARAMETER;
import static org.wsemu.winsock.WinSock2.WSA_IO_INCOMPLETE;

import org.wsemu.kernel.AwaitResult;
import org.wsemu.kernel.KernelTask;
import org.wsemu.winsock.OverlappedOperation.Destination;
import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The overlapped-I/O functions: WSASend, WSASendTo, WSARecv, WSARecvFrom, WSAGetOverlappedResult
 * and CancelIo ({@link SocketCreation#WSASocket} makes the sockets). Checks the arguments, then
 * either hands the call to send/recv ({@link TransferCalls}: the non-overlapped form, with its
 * blocking rules) or starts an {@link OverlappedOperation} on the {@link OverlappedEngine}.
 *
 * <p>Runs on the calling task's thread; stateless apart from the shared {@link WinsockInstance}.
 */
final class OverlappedCalls {
  private final WinsockInstance core;
  private final TransferCalls transfers;
  private final SocketCreation creation;

  OverlappedCalls(WinsockInstance core, SocketCalls sockets, EventCalls events) {
    this.core = core;
    this.transfers = new TransferCalls(core, sockets);
    this.creation = new SocketCreation(core, sockets);
  }

  int WSASocket(int af, int type, int protocol, WSAPROTOCOL_INFO lpProtocolInfo, int g, int dwFlags) {
    return creation.WSASocket(af, type, protocol, lpProtocolInfo, g, dwFlags);
  }

  int WSASend(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    WsCall call = core.begin("WSASend");
    int r = send(call, s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, null, 0, false, lpOverlapped,
        lpCompletionRoutine);
    return finish(call, r, s, dwBufferCount, dwFlags, lpOverlapped, lpCompletionRoutine);
  }

  int WSASendTo(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      sockaddr_in lpTo, int iTolen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    WsCall call = core.begin("WSASendTo");
    int r = send(call, s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpTo, iTolen, true, lpOverlapped,
        lpCompletionRoutine);
    return finish(call, r, s, dwBufferCount, dwFlags, lpOverlapped, lpCompletionRoutine);
  }

  int WSARecv(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    WsCall call = core.begin("WSARecv");
    int r = recv(call, s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, null, null, lpOverlapped,
        lpCompletionRoutine);
    return finish(call, r, s, dwBufferCount, lpFlags == null ? 0 : lpFlags.value, lpOverlapped, lpCompletionRoutine);
  }

  int WSARecvFrom(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      sockaddr_in lpFrom, IntRef lpFromlen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    WsCall call = core.begin("WSARecvFrom");
    int r = recv(call, s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpFrom, lpFromlen, lpOverlapped,
        lpCompletionRoutine);
    return finish(call, r, s, dwBufferCount, lpFlags == null ? 0 : lpFlags.value, lpOverlapped, lpCompletionRoutine);
  }

  private int finish(WsCall call, int r, int s, int count, int flags, WSAOVERLAPPED overlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine) {
    return core.finish(call, r > 0 ? 0 : r, "s", s, "buffers", count, "flags", WinsockNames.messageFlags(flags), "overlapped",
        overlapped != null, "routine", routine != null);
  }

  /** What every form checks first: 0 and the socket in {@code out[0]}, or -error. */
  private int common(WsCall call, int s, WSABUF[] buffers, int count, WsaBuffers[] list, EmulatedSocket[] out) {
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = WsaBuffers.of(buffers, count, list);
    }
    out[0] = socket;
    return r;
  }

  /**
   * Whether the call is overlapped: it has an overlapped structure (without one a completion
   * routine is ignored, as Windows does) and the socket the overlapped attribute.
   */
  private static boolean overlappedForm(EmulatedSocket socket, WSAOVERLAPPED overlapped) {
    if (overlapped == null) {
      return false;
    }
    synchronized (socket) {
      return socket.overlapped.attribute;
    }
  }

  private int send(WsCall call, int s, WSABUF[] buffers, int count, IntRef sent, int flags, sockaddr_in to,
      int tolen, boolean hasTo, WSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine) {
    WsaBuffers[] list = new WsaBuffers[1];
    EmulatedSocket[] found = new EmulatedSocket[1];
    int r = common(call, s, buffers, count, list, found);
    EmulatedSocket socket = found[0];
    if (r != 0) {
      return r;
    }
    if (!overlappedForm(socket, overlapped)) {
      byte[] data = list[0].count() == 1 ? list[0].arrays[0] : list[0].gather();
      r = transfers.send(call, s, data, 0, list[0].total, flags & ~MSG_PUSH_IMMEDIATE, to, tolen, hasTo);
      if (r >= 0 && sent != null) {
        sent.value = r;
      }
      return r;
    }
    if ((flags & ~(MSG_DONTROUTE | MSG_PUSH_IMMEDIATE)) != 0) {
      return -WSAEOPNOTSUPP; // MSG_OOB and the rest: not for overlapped sends here
    }
    Destination destination = null;
    if (socket instanceof DatagramSocket datagram) {
      if (hasTo && to != null) {
        if (tolen < sockaddr_in.SIZE) {
          return -WSAEFAULT;
        }
        if (to.sin_family != AF_INET) {
          return -WSAEAFNOSUPPORT;
        }
        destination = new Destination(Addresses.ip(to), Addresses.port(to), false);
      } else if ((r = datagram.sendWithoutAddress()) != 0) {
        return r;
      }
    }
    return start(call, socket, true, list[0], sent, null, destination, null, null, overlapped, routine);
  }

  private int recv(WsCall call, int s, WSABUF[] buffers, int count, IntRef received, IntRef flags,
      sockaddr_in from, IntRef fromlen, WSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine) {
    WsaBuffers[] list = new WsaBuffers[1];
    EmulatedSocket[] found = new EmulatedSocket[1];
    int r = common(call, s, buffers, count, list, found);
    EmulatedSocket socket = found[0];
    if (r == 0 && flags == null) {
      r = -WSAEFAULT; // lpFlags is in and out
    }
    if (r == 0 && from != null && (fromlen == null || fromlen.value < sockaddr_in.SIZE)) {
      r = -WSAEFAULT;
    }
    if (r != 0) {
      return r;
    }
    if (!overlappedForm(socket, overlapped)) {
      boolean one = list[0].count() == 1;
      byte[] into = one ? list[0].arrays[0] : new byte[list[0].total];
      r = transfers.recv(call, s, into, 0, list[0].total, flags.value, from, fromlen);
      if (r >= 0) {
        if (!one) {
          list[0].scatter(into, r);
        }
        if (received != null) {
          received.value = r;
        }
        flags.value = 0;
      }
      return r;
    }
    if ((flags.value & ~MSG_PEEK) != 0) {
      return -WSAEOPNOTSUPP; // MSG_OOB is not overlapped here
    }
    return start(call, socket, false, list[0], received, flags, null, from, fromlen, overlapped, routine);
  }

  private int start(WsCall call, EmulatedSocket socket, boolean send, WsaBuffers list, IntRef bytes, IntRef flags,
      Destination to, sockaddr_in from, IntRef fromlen, WSAOVERLAPPED overlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine) {
    OverlappedOperation previous = overlapped.operation;
    if (previous != null && !previous.done) {
      return -WSAEINVAL; // the structure is still in use by a pending operation
    }
    EventObject event = null;
    if (routine == null && overlapped.hEvent != WinSock2.WSA_INVALID_EVENT) {
      event = core.events.get(overlapped.hEvent);
      if (event == null) {
        return -WSA_INVALID_HANDLE;
      }
      event.reset(); // the starting call resets it
    }
    OverlappedOperation op = new OverlappedOperation(call.function, send, socket, call.task, overlapped, routine,
        event, list, to, from, fromlen, !send && (flags.value & MSG_PEEK) != 0,
        core.trace.enabled() || core.kernel.rules().enabled());
    return core.overlapped.start(op, bytes, flags);
  }

  boolean WSAGetOverlappedResult(int s, WSAOVERLAPPED lpOverlapped, IntRef lpcbTransfer, boolean fWait,
      IntRef lpdwFlags) {
    WsCall call = core.begin("WSAGetOverlappedResult");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0 && socket == null) {
      r = -WSAENOTSOCK;
    }
    if (r == 0 && (lpOverlapped == null || lpcbTransfer == null || lpdwFlags == null)) {
      r = -WSAEFAULT;
    }
    OverlappedOperation op = r == 0 ? lpOverlapped.operation : null;
    if (r == 0 && (op == null || op.socket != socket)) {
      r = -WSA_INVALID_PARAMETER; // never started on this socket
    }
    if (r == 0 && !op.done) {
      r = fWait ? awaitCompletion(call, op) : -WSA_IO_INCOMPLETE;
    }
    if (r == 0) {
      synchronized (socket) {
        lpcbTransfer.value = op.transferred;
        lpdwFlags.value = op.flags;
        r = op.error == 0 ? 0 : -op.error;
      }
    }
    return core.finishBoolean(call, r, "s", s, "fWait", fWait);
  }

  /** Waits, without spinning, until {@code op}'s completion was indicated: 0, or -WSAEINTR at shutdown. */
  private int awaitCompletion(WsCall call, OverlappedOperation op) {
    KernelTask me = call.me;
    TaskWinsockState task = call.task;
    Runnable waker = task::ioReady;
    op.addWaiter(waker);
    try {
      while (!op.done) {
        long seen;
        me.lock().lock();
        try {
          seen = task.ioSerial;
        } finally {
          me.lock().unlock();
        }
        if (op.done) {
          break;
        }
        AwaitResult result = me.await(() -> task.ioSerial != seen, KernelTask.NO_DEADLINE, call.function, null);
        me.checkKilled();
        if (result == AwaitResult.TERMINATED) {
          return -WSAEINTR;
        }
      }
      return 0;
    } finally {
      op.removeWaiter(waker);
    }
  }

  boolean CancelIo(int s) {
    WsCall call = core.begin("CancelIo");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0 && socket == null) {
      r = -WSA_INVALID_HANDLE; // KERNEL32: not an open handle
    }
    int cancelled = 0;
    if (r == 0) {
      cancelled = core.overlapped.cancel(socket, call.task);
      if (cancelled > 0) {
        socket.cancelledByProgram = true;
        compromise(socket);
      }
    }
    return core.finishBoolean(call, r, "s", s, "cancelled", cancelled, "compromised", cancelled > 0);
  }

  /**
   * After a cancel the socket's further use is undefined on Windows: here its connection is
   * reset, and every later call but closesocket fails with WSAECONNABORTED (the 1.1 rule after a
   * cancelled blocking call).
   */
  private static void compromise(EmulatedSocket socket) {
    if (socket instanceof StreamSocket stream) {
      stream.abort();
      return;
    }
    synchronized (socket) {
      socket.state.abort();
    }
    socket.stateChanged();
  }
}
