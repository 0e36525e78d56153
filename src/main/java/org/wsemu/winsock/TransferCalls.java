package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.MSG_DONTROUTE;
import static org.wsemu.winsock.WinSock.MSG_OOB;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.WSAEAFNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * send, sendto, recv and recvfrom. A blocking send returns only when all the data is in the
 * transport; cancelled after part of it went, it leaves the stream compromised (reset, then
 * WSAECONNABORTED). A blocking receive waits for data and, if cancelled, has consumed none.
 *
 * <p>Runs on the calling task's thread; stateless apart from the shared {@link WinsockInstance}.
 */
final class TransferCalls {
  private final WinsockInstance core;
  private final SocketCalls sockets;

  TransferCalls(WinsockInstance core, SocketCalls sockets) {
    this.core = core;
    this.sockets = sockets;
  }

  /** A buffer argument: 0, or -WSAEFAULT when null or out of range. */
  private static int checkBuffer(byte[] buf, int offset, int len) {
    if (buf == null || offset < 0 || len < 0 || offset > buf.length - len) {
      return -WSAEFAULT;
    }
    return 0;
  }

  int send(String function, int s, byte[] buf, int offset, int len, int flags, sockaddr_in to, int tolen, boolean hasTo) {
    WsCall call = core.begin(function);
    int r = send(call, s, buf, offset, len, flags, to, tolen, hasTo);
    return core.finish(call, r, "s", s, "len", len, "flags", WinsockNames.messageFlags(flags));
  }

  /**
   * The body of send and sendto, for a call already begun (WSASend's non-overlapped form too):
   * bytes sent or -error, not traced.
   */
  int send(WsCall call, int s, byte[] buf, int offset, int len, int flags, sockaddr_in to, int tolen, boolean hasTo) {
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = checkBuffer(buf, offset, len);
    }
    if (r == 0 && (flags & ~(MSG_OOB | MSG_DONTROUTE)) != 0) {
      r = -WSAEOPNOTSUPP;
    }
    if (r == 0) {
      r = socket instanceof StreamSocket stream
          ? sendStream(call, stream, buf, offset, len, flags)
          : sendDatagram(call, (DatagramSocket) socket, buf, offset, len, flags, to, tolen, hasTo);
    }
    if (socket != null && r == EmulatedSocket.WOULD_BLOCK) {
      socket.sendWouldBlock(); // FD_WRITE once room comes back
    }
    return r;
  }

  private int sendStream(WsCall call, StreamSocket stream, byte[] buf, int offset, int len, int flags) {
    boolean urgent = (flags & MSG_OOB) != 0 && len > 0;
    int normal = urgent ? len - 1 : len;
    boolean nonBlocking;
    synchronized (stream) {
      nonBlocking = stream.nonBlocking;
    }
    int[] sent = {0};
    return sockets.block(call, stream, new BlockingCall(call.function, stream, () -> {
      while (sent[0] < normal) {
        int r = stream.sendSome(buf, offset + sent[0], normal - sent[0]);
        if (r == EmulatedSocket.WOULD_BLOCK) {
          return nonBlocking && sent[0] > 0 ? sent[0] : r; // non-blocking: what went so far
        }
        if (r < 0) {
          return r;
        }
        sent[0] += r;
      }
      if (urgent) {
        int r = stream.sendUrgent(buf[offset + len - 1]);
        if (r < 0) {
          return r;
        }
      }
      return len == 0 ? stream.sendSome(buf, offset, 0) : len;
    }).watch(stream, false, true, false).onCancel(() -> {
      if (sent[0] > 0) {
        stream.abort(); // part of the data went: the stream is compromised
      }
    }));
  }

  private int sendDatagram(WsCall call, DatagramSocket datagram, byte[] buf, int offset, int len, int flags,
      sockaddr_in to, int tolen, boolean hasTo) {
    if ((flags & MSG_OOB) != 0) {
      return -WSAEOPNOTSUPP;
    }
    boolean toPeer = !hasTo || to == null;
    if (hasTo && to != null) {
      if (tolen < sockaddr_in.SIZE) {
        return -WSAEFAULT;
      }
      if (to.sin_family != AF_INET) {
        return -WSAEAFNOSUPPORT;
      }
    }
    if (hasTo && to == null) {
      int r = datagram.sendWithoutAddress();
      if (r != 0) {
        return r;
      }
    }
    int ip = toPeer ? 0 : Addresses.ip(to);
    int port = toPeer ? 0 : Addresses.port(to);
    return sockets.block(call, datagram, new BlockingCall(call.function, datagram,
        () -> datagram.sendTo(buf, offset, len, ip, port, toPeer))
        .watch(datagram, false, true, false));
  }

  int recv(String function, int s, byte[] buf, int offset, int len, int flags, sockaddr_in from, IntRef fromlen) {
    WsCall call = core.begin(function);
    int r = recv(call, s, buf, offset, len, flags, from, fromlen);
    return core.finish(call, r, "s", s, "len", len, "flags", WinsockNames.messageFlags(flags));
  }

  /**
   * The body of recv and recvfrom, for a call already begun (WSARecv's non-overlapped form too):
   * bytes received or -error, not traced.
   */
  int recv(WsCall call, int s, byte[] buf, int offset, int len, int flags, sockaddr_in from, IntRef fromlen) {
    String function = call.function;
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = checkBuffer(buf, offset, len);
    }
    if (r == 0 && from != null && (fromlen == null || fromlen.value < sockaddr_in.SIZE)) {
      r = -WSAEFAULT;
    }
    if (r == 0 && (flags & ~(MSG_OOB | MSG_PEEK)) != 0) {
      r = -WSAEOPNOTSUPP;
    }
    if (r == 0) {
      int[] sender = new int[2];
      EmulatedSocket target = socket;
      boolean urgent = (flags & MSG_OOB) != 0 && socket instanceof StreamSocket;
      r = sockets.block(call, socket, new BlockingCall(function, target, () -> target instanceof StreamSocket stream
          ? stream.recv(buf, offset, len, flags)
          : ((DatagramSocket) target).recvFrom(buf, offset, len, flags, sender))
          .watch(socket, !urgent, false, urgent)); // MSG_OOB waits for urgent data, not the stream
      if (from != null && (r >= 0 || r == -WinSock.WSAEMSGSIZE)) {
        if (socket instanceof StreamSocket) {
          socket.peerAddress(sender);
        }
        Addresses.fill(from, sender[0], sender[1]);
        fromlen.value = sockaddr_in.SIZE;
      }
    }
    if (socket != null) {
      socket.reenableEvents(WinSock.FD_READ | WinSock.FD_OOB); // even a failed recv re-enables
      if (r == EmulatedSocket.WOULD_BLOCK) {
        CheckedRules.recvWouldBlock(core.kernel.rules(), call, socket, core.win16 ? 0xFFFF : -1);
      }
    }
    return r;
  }
}
