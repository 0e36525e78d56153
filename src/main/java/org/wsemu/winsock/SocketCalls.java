package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FIONBIO;
import static org.wsemu.winsock.WinSock.FIONREAD;
import static org.wsemu.winsock.WinSock.IPPROTO_TCP;
import static org.wsemu.winsock.WinSock.IPPROTO_UDP;
import static org.wsemu.winsock.WinSock.SIOCATMARK;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.WSAEAFNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEMFILE;
import static org.wsemu.winsock.WinSock.WSAENETDOWN;
import static org.wsemu.winsock.WinSock.WSAENOBUFS;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;
import static org.wsemu.winsock.WinSock.WSAEPROTONOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEPROTOTYPE;
import static org.wsemu.winsock.WinSock.WSAESOCKTNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;

import java.util.HashMap;
import java.util.Map;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * socket, bind, listen, accept, connect, closesocket, shutdown, getsockname, getpeername,
 * ioctlsocket and select: argument checks in Winsock's order, then the socket's operation, through
 * the blocking engine where the function is a blocking routine. What the socket's state allows is
 * the socket's {@link SocketState}'s to decide; the checks here are of the arguments and the
 * socket's type.
 *
 * <p>Runs on the calling task's thread; stateless apart from the shared {@link WinsockInstance}.
 */
final class SocketCalls {
  /** What a version 2 application's backlog is clamped to (Windows' client limit). */
  static final int WINSOCK2_MAX_BACKLOG = 200;

  private final WinsockInstance core;

  SocketCalls(WinsockInstance core) {
    this.core = core;
  }

  /** Runs a blocking routine for {@code socket} through the engine. */
  int block(WsCall call, EmulatedSocket socket, BlockingCall blocking) {
    boolean nonBlocking;
    synchronized (socket) {
      nonBlocking = socket.nonBlocking;
    }
    return core.block(call, blocking, nonBlocking);
  }

  int socket(int af, int type, int protocol) {
    WsCall call = core.begin("socket");
    int r = core.gate(call);
    if (r == 0) {
      r = create(call, af, type, protocol);
    }
    return core.finish(call, r, "af", WinsockNames.addressFamily(af), "type", WinsockNames.socketType(type),
        "protocol", WinsockNames.protocol(protocol));
  }

  /** socket() after its gates: the new handle or -error. */
  int create(WsCall call, int af, int type, int protocol) {
    if (af != AF_INET) {
      return -WSAEAFNOSUPPORT;
    }
    if (type != SOCK_STREAM && type != SOCK_DGRAM) {
      return -WSAESOCKTNOSUPPORT;
    }
    if (protocol != 0 && protocol != IPPROTO_TCP && protocol != IPPROTO_UDP) {
      return -WSAEPROTONOSUPPORT;
    }
    if (protocol != 0 && (protocol == IPPROTO_TCP) != (type == SOCK_STREAM)) {
      return -WSAEPROTOTYPE;
    }
    if (core.network == null) {
      return -WSAENETDOWN;
    }
    if (call.app.socketCount() >= core.config.maxSockets()) {
      return -WSAEMFILE;
    }
    if (type == SOCK_STREAM) {
      return core.register(call, h -> new StreamSocket(h, call.app, core.network));
    }
    UdpEndpoint endpoint = core.network.openUdp();
    if (endpoint == null) {
      return -WSAENOBUFS;
    }
    int handle = core.register(call, h -> new DatagramSocket(h, call.app, endpoint, core.network.maxDatagram()));
    if (handle < 0) {
      endpoint.close();
    }
    return handle;
  }

  int bind(int s, sockaddr_in name, int namelen) {
    WsCall call = core.begin("bind");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = checkAddress(name, namelen);
    }
    if (r == 0) {
      r = socket.bind(Addresses.ip(name), Addresses.port(name));
    }
    return core.finish(call, r, "s", s, "name", name, "namelen", namelen);
  }

  /** A sockaddr_in argument: 0, -WSAEFAULT (null or short), or -WSAEAFNOSUPPORT. */
  static int checkAddress(sockaddr_in name, int namelen) {
    if (name == null || namelen < sockaddr_in.SIZE) {
      return -WSAEFAULT;
    }
    return name.sin_family == AF_INET ? 0 : -WSAEAFNOSUPPORT;
  }

  int listen(int s, int backlog) {
    WsCall call = core.begin("listen");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      int maxBacklog = core.versionTwo(call.task, call.app) ? WINSOCK2_MAX_BACKLOG : WinSock.SOMAXCONN;
      r = socket instanceof StreamSocket stream ? stream.listen(backlog, maxBacklog) : -WSAEOPNOTSUPP;
    }
    return core.finish(call, r, "s", s, "backlog", backlog);
  }

  int accept(int s, sockaddr_in addr, IntRef addrlen) {
    WsCall call = core.begin("accept");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      if (!(socket instanceof StreamSocket)) {
        r = -WSAEOPNOTSUPP;
      } else if (addr != null && (addrlen == null || addrlen.value < sockaddr_in.SIZE)) {
        r = -WSAEFAULT;
      } else {
        r = ((StreamSocket) socket).acceptable();
      }
    }
    if (r == 0) {
      StreamSocket listener = (StreamSocket) socket;
      r = block(call, socket, new BlockingCall("accept", listener, () -> acceptOne(call, listener, addr, addrlen))
          .watch(listener, true, false, false));
    }
    if (socket != null) {
      socket.reenableEvents(WinSock.FD_ACCEPT);
    }
    return core.finish(call, r, "s", s, "addr", addr);
  }

  private int acceptOne(WsCall call, StreamSocket listener, sockaddr_in addr, IntRef addrlen) {
    TcpEndpoint[] taken = new TcpEndpoint[1];
    int r = listener.takeConnection(taken);
    if (r != 0) {
      return r;
    }
    TcpEndpoint connection = taken[0];
    int handle = core.register(call, h -> {
      StreamSocket accepted = new StreamSocket(h, call.app, core.network, connection);
      synchronized (listener) {
        accepted.nonBlocking = listener.nonBlocking; // "the same properties as s"
        accepted.lingerOn = listener.lingerOn;
        accepted.lingerSeconds = listener.lingerSeconds;
      }
      return accepted;
    });
    if (handle < 0) {
      connection.close(true);
      return handle;
    }
    if (addr != null) {
      Addresses.fill(addr, connection.remoteIp(), connection.remotePort());
      addrlen.value = sockaddr_in.SIZE;
    }
    AsyncSelect inherited = listener.asyncSelect;
    if (inherited != null) {
      EmulatedSocket accepted = core.sockets.get(handle);
      accepted.asyncSelect = inherited.inheritedBy(accepted); // the listener's events and message
      accepted.asyncSelect.evaluate(); // connected: FD_WRITE, and whatever already arrived
    }
    return handle;
  }

  int connect(int s, sockaddr_in name, int namelen) {
    WsCall call = core.begin("connect");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = checkAddress(name, namelen);
    }
    if (r == 0) {
      int ip = Addresses.ip(name);
      int port = Addresses.port(name);
      if (socket instanceof DatagramSocket datagram) {
        r = datagram.connect(ip, port);
      } else {
        StreamSocket stream = (StreamSocket) socket;
        boolean[] started = {false};
        r = block(call, socket, new BlockingCall("connect", stream, () -> {
          if (!started[0]) {
            started[0] = true;
            return stream.connect(ip, port);
          }
          return stream.finishConnect(true);
        }).watch(stream, false, true, true).onCancel(stream::abort));
      }
      AsyncSelect registration = socket.asyncSelect;
      if (registration != null) {
        registration.evaluate(); // FD_CONNECT when the attempt finishes
      }
    }
    return core.finish(call, r, "s", s, "name", name, "namelen", namelen);
  }

  int shutdown(int s, int how) {
    WsCall call = core.begin("shutdown");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = socket.shutdown(how);
    }
    return core.finish(call, r, "s", s, "how", WinsockNames.shutdownHow(how));
  }

  int closesocket(int s) {
    WsCall call = core.begin("closesocket");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = socket == null ? -WSAENOTSOCK : close(call, socket);
    }
    return core.finish(call, r, "s", s);
  }

  /**
   * Closes {@code socket}; 0, or -WSAENOTSOCK if another task closed it first. A lingering close
   * that another task's close or WSACleanup ends fails with WSAEINTR, as any call blocked on a
   * socket another task closes.
   */
  private int close(WsCall call, EmulatedSocket socket) {
    if (!(socket instanceof StreamSocket stream)) {
      return closed(socket, false);
    }
    boolean lingerOn;
    int seconds;
    boolean nonBlocking;
    synchronized (stream) {
      lingerOn = stream.lingerOn;
      seconds = stream.lingerSeconds;
      nonBlocking = stream.nonBlocking;
    }
    if (!lingerOn || !stream.isConnected()) {
      return closed(stream, false);
    }
    if (seconds == 0) {
      return closed(stream, true); // SO_LINGER with timeout 0: hard close, RST
    }
    if (nonBlocking) {
      return -WSAEWOULDBLOCK; // 1.1: a lingering close cannot be non-blocking; the socket stays as it was
    }
    stream.beginGracefulClose();
    stream.stateChanged(); // sending is shut: a send blocked in another task fails now
    long deadline = core.kernel.deadlineAfter(seconds * 1000L);
    return block(call, stream, new BlockingCall("closesocket", stream.handle, () -> {
      if (stream.closed) {
        return -WinSock.WSAEINTR;
      }
      if (stream.lingerUntilSent() == EmulatedSocket.WOULD_BLOCK) {
        return EmulatedSocket.WOULD_BLOCK;
      }
      return core.remove(stream, false) ? 0 : -WinSock.WSAEINTR;
    }).watchOps(stream, Readiness.SENT).deadline(deadline, () -> {
      // the linger time ran out: the connection is reset
      return core.remove(stream, true) ? 0 : -WinSock.WSAEINTR;
    }).onCancel(stream::abort));
  }

  private int closed(EmulatedSocket socket, boolean abortive) {
    return core.remove(socket, abortive) ? 0 : -WSAENOTSOCK;
  }

  int getsockname(int s, sockaddr_in name, IntRef namelen) {
    return address("getsockname", s, name, namelen, true);
  }

  int getpeername(int s, sockaddr_in name, IntRef namelen) {
    return address("getpeername", s, name, namelen, false);
  }

  private int address(String function, int s, sockaddr_in name, IntRef namelen, boolean local) {
    WsCall call = core.begin(function);
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      if (name == null || namelen == null || namelen.value < sockaddr_in.SIZE) {
        r = -WSAEFAULT;
      } else {
        int[] address = new int[2];
        r = local ? socket.localAddress(address) : socket.peerAddress(address);
        if (r == 0) {
          Addresses.fill(name, address[0], address[1]);
          namelen.value = sockaddr_in.SIZE;
        }
      }
    }
    return core.finish(call, r, "s", s, "name", name);
  }

  int ioctlsocket(int s, int cmd, IntRef argp) {
    WsCall call = core.begin("ioctlsocket");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = argp == null ? -WSAEFAULT : ioctl(socket, cmd, argp);
    }
    return core.finish(call, r, "s", s, "cmd", WinsockNames.ioctlCommand(cmd), "argp", argp);
  }

  private static int ioctl(EmulatedSocket socket, int cmd, IntRef argp) {
    if (cmd == FIONBIO) {
      if (argp.value == 0 && socket.asyncSelect != null) {
        return -WSAEINVAL; // WSAAsyncSelect or WSAEventSelect made it non-blocking until the registration is cleared
      }
      synchronized (socket) {
        socket.nonBlocking = argp.value != 0;
      }
      return 0;
    }
    if (cmd == FIONREAD) {
      int readable = socket.readable();
      if (readable < 0) {
        return readable;
      }
      argp.value = readable;
      return 0;
    }
    if (cmd == SIOCATMARK && socket instanceof StreamSocket stream) {
      argp.value = stream.atMark() ? 1 : 0;
      return 0;
    }
    return -WSAEINVAL;
  }

  int select(int nfds, fd_set readfds, fd_set writefds, fd_set exceptfds, timeval timeout) {
    WsCall call = core.begin("select");
    boolean traced = core.trace.enabled();
    String[] passed = traced ? new String[] {contents(readfds), contents(writefds), contents(exceptfds)} : null;
    int r = core.gate(call);
    if (r == 0) {
      r = select(call, readfds, writefds, exceptfds, timeout);
    }
    if (!traced) {
      return core.finish(call, r);
    }
    return core.finish(call, r, "nfds", nfds, "readfds", shown(passed[0], readfds, r), "writefds",
        shown(passed[1], writefds, r), "exceptfds", shown(passed[2], exceptfds, r),
        "timeout", timeout == null ? "NULL" : timeout.tv_sec + "s" + timeout.tv_usec + "us");
  }

  /** A set as the trace shows it: the sockets passed, then (after a call that did not fail) those left in it. */
  private static String shown(String passed, fd_set set, int r) {
    return set == null || r < 0 ? passed : passed + "->" + contents(set);
  }

  private static String contents(fd_set set) {
    if (set == null) {
      return "NULL";
    }
    StringBuilder sb = new StringBuilder("{");
    int count = Math.max(0, Math.min(set.fd_count, set.fd_array.length));
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : ",").append(set.fd_array[i]);
    }
    if (count != set.fd_count) {
      sb.append(sb.length() > 1 ? "," : "").append("fd_count=").append(set.fd_count);
    }
    return sb.append('}').toString();
  }

  private int select(WsCall call, fd_set readfds, fd_set writefds, fd_set exceptfds, timeval timeout) {
    if (timeout != null && (timeout.tv_sec < 0 || timeout.tv_usec < 0)) {
      return -WSAEINVAL;
    }
    Map<Integer, EmulatedSocket> sockets = new HashMap<>();
    int total = 0;
    for (fd_set set : new fd_set[] {readfds, writefds, exceptfds}) {
      if (set == null) {
        continue;
      }
      if (set.fd_count < 0 || set.fd_count > set.fd_array.length) {
        return -WSAEFAULT;
      }
      for (int i = 0; i < set.fd_count; i++) {
        EmulatedSocket socket = core.socket(call, set.fd_array[i]);
        if (socket == null) {
          return -WSAENOTSOCK;
        }
        sockets.put(socket.handle, socket);
        total++;
      }
    }
    if (total == 0) {
      return -WSAEINVAL; // Windows refuses a select with no socket at all
    }
    Select select = new Select(readfds, writefds, exceptfds, sockets);
    if (timeout != null && timeout.tv_sec == 0 && timeout.tv_usec == 0) {
      int ready = select.attempt(); // a poll: no hook, no yield
      return ready == EmulatedSocket.WOULD_BLOCK ? select.timedOut() : ready;
    }
    BlockingCall blocking = new BlockingCall("select", 0, select::attempt);
    select.watch(blocking);
    if (timeout != null) {
      long millis = timeout.tv_sec * 1000L + (timeout.tv_usec + 999L) / 1000L;
      blocking.deadline(core.kernel.deadlineAfter(millis), select::timedOut);
    }
    return core.block(call, blocking, false);
  }
}
