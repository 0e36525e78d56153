package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.WSAEAFNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINPROGRESS;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;
import static org.wsemu.winsock.WinSock.WSANOTINITIALISED;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;
import org.wsemu.kernel.KernelTask;
import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The Winsock API facade of one emulator: initialisation, the pseudo-blocking controls, the
 * database functions and the conversions here; the socket functions in {@link SocketCalls},
 * {@link TransferCalls} and {@link OptionCalls}; the Winsock 2 functions in {@link Winsock2Functions}.
 */
final class WinsockFunctions extends Winsock2Functions {
  private final WinsockInstance core;
  private final SocketCalls sockets;
  private final TransferCalls transfers;
  private final OptionCalls options;
  private final Lookups lookups;

  private final AsyncCalls async;

  WinsockFunctions(WinsockInstance core, Lookups lookups) {
    this(core, new SocketCalls(core), lookups);
  }

  private WinsockFunctions(WinsockInstance core, SocketCalls sockets, Lookups lookups) {
    super(core, sockets);
    this.core = core;
    this.sockets = sockets;
    this.transfers = new TransferCalls(core, sockets);
    this.options = new OptionCalls(core);
    this.lookups = lookups;
    this.async = new AsyncCalls(core, lookups.database());
  }

  /** What the functions share: for the package's tests, which reach a task's state through it. */
  WinsockInstance core() {
    return core;
  }

  // ---- initialisation and errors ----

  @Override
  public int WSAStartup(int wVersionRequired, WSADATA lpWSAData) {
    WsCall call = core.begin("WSAStartup");
    int error = 0;
    if (core.inProgress(call.task, call.app)) {
      error = WSAEINPROGRESS;
    } else if (lpWSAData == null) {
      error = WSAEFAULT;
    } else {
      int version = Startup.negotiate(wVersionRequired);
      if (version < 0) {
        error = -version;
      } else {
        CheckedRules.startup(core.kernel.rules(), call, wVersionRequired & 0xFFFF);
        call.app.startup(version);
        call.task.version = version;
        String status = (core.win16 ? "Win16" : "Win32") + " mode, "
            + (core.network == null ? "no network" : core.network.description());
        Startup.describe(lpWSAData, version, status, core.config.maxSockets(),
            core.network == null ? 0 : core.network.maxDatagram());
      }
    }
    core.finish(call, 0, "wVersionRequired", WinsockInstance.hex(wVersionRequired & 0xFFFF, 4));
    return error; // WSAStartup returns its error; WSAGetLastError is not involved
  }

  @Override
  public int WSACleanup() {
    WsCall call = core.begin("WSACleanup");
    int r = core.gate(call);
    List<EmulatedSocket> open = r == 0 ? call.app.cleanup() : List.of();
    CheckedRules.cleanup(core.kernel.rules(), call, r, open);
    core.closeAll(open);
    if (r == 0 && !call.app.initialized()) {
      core.endRequests(call.app);
    }
    return core.finish(call, r);
  }

  @Override
  public int WSAGetLastError() {
    KernelTask me = core.kernel.require("WSAGetLastError");
    return core.task(me).lastError;
  }

  @Override
  public void WSASetLastError(int iError) {
    WsCall call = core.begin("WSASetLastError");
    call.task.lastError = iError;
    core.finish(call, 0, "iError", iError);
  }

  // ---- pseudo-blocking control ----

  @Override
  public BlockingHook WSASetBlockingHook(BlockingHook lpBlockFunc) {
    WsCall call = core.begin("WSASetBlockingHook");
    int r = controlGate(call);
    if (r == 0 && lpBlockFunc == null) {
      r = -WSAEFAULT;
    }
    BlockingHook previous = null;
    if (r == 0) {
      previous = call.task.hook != null ? call.task.hook : core.engine.defaultHook();
      call.task.hook = lpBlockFunc;
    }
    return core.finishPointer(call, r, previous, hookName(previous), "lpBlockFunc", hookName(lpBlockFunc));
  }

  /** How a hook appears in the trace: a stable name, never an identity hash (traces must repeat). */
  private String hookName(BlockingHook hook) {
    if (hook == null) {
      return "NULL";
    }
    return hook == core.engine.defaultHook() ? "DefaultBlockingHook" : "BlockingHook";
  }

  @Override
  public int WSAUnhookBlockingHook() {
    WsCall call = core.begin("WSAUnhookBlockingHook");
    int r = controlGate(call);
    if (r == 0) {
      call.task.hook = null;
    }
    return core.finish(call, r);
  }

  /** The gates of the hook functions: initialised, not blocking, and not a version 2 task. */
  private int controlGate(WsCall call) {
    int r = core.gate(call);
    if (r == 0 && core.versionTwo(call.task, call.app)) {
      r = -WSAEOPNOTSUPP;
    }
    return r;
  }

  @Override
  public boolean WSAIsBlocking() {
    WsCall call = core.begin("WSAIsBlocking");
    return core.finishBool(call, !call.task.loops.isEmpty());
  }

  @Override
  public int WSACancelBlockingCall() {
    WsCall call = core.begin("WSACancelBlockingCall");
    int r = 0;
    if (!call.app.initialized()) {
      r = -WSANOTINITIALISED;
    } else if (core.versionTwo(call.task, call.app)) {
      r = -WSAEOPNOTSUPP;
    } else {
      r = cancel(call.task) ? 0 : -WSAEINVAL;
    }
    return core.finish(call, r);
  }

  /** Cancels the task's innermost blocking call; false if there is none. */
  static boolean cancel(TaskWinsockState task) {
    BlockingLoop loop = task.currentLoop();
    if (loop == null) {
      return false;
    }
    task.task.lock().lock();
    try {
      loop.cancelled = true;
      task.task.changed();
    } finally {
      task.task.lock().unlock();
    }
    return true;
  }

  // ---- sockets ----

  @Override
  public int socket(int af, int type, int protocol) {
    return sockets.socket(af, type, protocol);
  }

  @Override
  public int bind(int s, sockaddr_in name, int namelen) {
    return sockets.bind(s, name, namelen);
  }

  @Override
  public int listen(int s, int backlog) {
    return sockets.listen(s, backlog);
  }

  @Override
  public int accept(int s, sockaddr_in addr, IntRef addrlen) {
    return sockets.accept(s, addr, addrlen);
  }

  @Override
  public int connect(int s, sockaddr_in name, int namelen) {
    return sockets.connect(s, name, namelen);
  }

  @Override
  public int send(int s, byte[] buf, int len, int flags) {
    return transfers.send("send", s, buf, 0, len, flags, null, 0, false);
  }

  @Override
  public int send(int s, byte[] buf, int offset, int len, int flags) {
    return transfers.send("send", s, buf, offset, len, flags, null, 0, false);
  }

  @Override
  public int sendto(int s, byte[] buf, int len, int flags, sockaddr_in to, int tolen) {
    return transfers.send("sendto", s, buf, 0, len, flags, to, tolen, true);
  }

  @Override
  public int sendto(int s, byte[] buf, int offset, int len, int flags, sockaddr_in to, int tolen) {
    return transfers.send("sendto", s, buf, offset, len, flags, to, tolen, true);
  }

  @Override
  public int recv(int s, byte[] buf, int len, int flags) {
    return transfers.recv("recv", s, buf, 0, len, flags, null, null);
  }

  @Override
  public int recv(int s, byte[] buf, int offset, int len, int flags) {
    return transfers.recv("recv", s, buf, offset, len, flags, null, null);
  }

  @Override
  public int recvfrom(int s, byte[] buf, int len, int flags, sockaddr_in from, IntRef fromlen) {
    return transfers.recv("recvfrom", s, buf, 0, len, flags, from, fromlen);
  }

  @Override
  public int recvfrom(int s, byte[] buf, int offset, int len, int flags, sockaddr_in from, IntRef fromlen) {
    return transfers.recv("recvfrom", s, buf, offset, len, flags, from, fromlen);
  }

  @Override
  public int select(int nfds, fd_set readfds, fd_set writefds, fd_set exceptfds, timeval timeout) {
    return sockets.select(nfds, readfds, writefds, exceptfds, timeout);
  }

  @Override
  public int closesocket(int s) {
    return sockets.closesocket(s);
  }

  @Override
  public int shutdown(int s, int how) {
    return sockets.shutdown(s, how);
  }

  @Override
  public int getsockopt(int s, int level, int optname, byte[] optval, IntRef optlen) {
    return options.get(s, level, optname, optval, optlen);
  }

  @Override
  public int getsockopt(int s, int level, int optname, IntRef optval, IntRef optlen) {
    return options.get(s, level, optname, optval, optlen);
  }

  @Override
  public int getsockopt(int s, int level, int optname, linger optval, IntRef optlen) {
    return options.get(s, level, optname, optval, optlen);
  }

  @Override
  public int setsockopt(int s, int level, int optname, byte[] optval, int optlen) {
    return options.set(s, level, optname, optval, optlen);
  }

  @Override
  public int setsockopt(int s, int level, int optname, IntRef optval, int optlen) {
    return options.set(s, level, optname, optval, optlen);
  }

  @Override
  public int setsockopt(int s, int level, int optname, linger optval, int optlen) {
    return options.set(s, level, optname, optval, optlen);
  }

  @Override
  public int getpeername(int s, sockaddr_in name, IntRef namelen) {
    return sockets.getpeername(s, name, namelen);
  }

  @Override
  public int getsockname(int s, sockaddr_in name, IntRef namelen) {
    return sockets.getsockname(s, name, namelen);
  }

  @Override
  public int ioctlsocket(int s, int cmd, IntRef argp) {
    return sockets.ioctlsocket(s, cmd, argp);
  }

  // ---- database ----

  /**
   * Runs a lookup as a blocking routine: with the configured latency it waits (the hook runs,
   * WSACancelBlockingCall works); with none it completes at once without calling the hook.
   */
  private int lookup(WsCall call, IntSupplier answer) {
    long due = core.kernel.deadlineAfter(core.config.lookupLatency().toMillis());
    BlockingCall blocking = new BlockingCall(call.function, 0,
        () -> core.kernel.clock().millis() >= due ? answer.getAsInt() : EmulatedSocket.WOULD_BLOCK)
        .deadline(due, answer);
    return core.block(call, blocking, false);
  }

  @Override
  public hostent gethostbyname(String name) {
    WsCall call = core.begin("gethostbyname");
    int r = core.gate(call);
    if (r == 0) {
      r = name == null ? -WSAEFAULT : lookup(call, () -> lookups.hostByName(call.task, name));
    }
    return core.finishValue(call, r, call.task.hostent, "name", name);
  }

  @Override
  public hostent gethostbyaddr(byte[] addr, int len, int type) {
    WsCall call = core.begin("gethostbyaddr");
    int r = core.gate(call);
    if (r == 0) {
      if (addr == null || len != 4 || addr.length < 4) {
        r = -WSAEFAULT;
      } else if (type != AF_INET) {
        r = -WSAEAFNOSUPPORT;
      } else {
        byte[] address = java.util.Arrays.copyOf(addr, 4);
        r = lookup(call, () -> lookups.hostByAddress(call.task, address));
      }
    }
    return core.finishValue(call, r, call.task.hostent, "len", len, "type", WinsockNames.addressFamily(type));
  }

  @Override
  public servent getservbyname(String name, String proto) {
    WsCall call = core.begin("getservbyname");
    int r = core.gate(call);
    if (r == 0) {
      r = name == null ? -WSAEFAULT : lookup(call, () -> lookups.serviceByName(call.task, name, proto));
    }
    return core.finishValue(call, r, call.task.servent, "name", name, "proto", proto);
  }

  @Override
  public servent getservbyport(int port, String proto) {
    WsCall call = core.begin("getservbyport");
    int r = core.gate(call);
    if (r == 0) {
      int hostPort = WinSock.ntohs(port);
      r = lookup(call, () -> lookups.serviceByPort(call.task, hostPort, proto));
    }
    return core.finishValue(call, r, call.task.servent, "port", WinSock.ntohs(port), "proto", proto);
  }

  @Override
  public protoent getprotobyname(String name) {
    WsCall call = core.begin("getprotobyname");
    int r = core.gate(call);
    if (r == 0) {
      r = name == null ? -WSAEFAULT : lookup(call, () -> lookups.protocolByName(call.task, name));
    }
    return core.finishValue(call, r, call.task.protoent, "name", name);
  }

  @Override
  public protoent getprotobynumber(int number) {
    WsCall call = core.begin("getprotobynumber");
    int r = core.gate(call);
    if (r == 0) {
      r = lookup(call, () -> lookups.protocolByNumber(call.task, number));
    }
    return core.finishValue(call, r, call.task.protoent, "number", number);
  }

  @Override
  public int gethostname(byte[] name, int namelen) {
    WsCall call = core.begin("gethostname");
    int r = core.gate(call);
    if (r == 0) {
      byte[] host = core.config.hostName().getBytes(StandardCharsets.US_ASCII);
      if (name == null || namelen < host.length + 1 || name.length < host.length + 1) {
        r = -WSAEFAULT;
      } else {
        System.arraycopy(host, 0, name, 0, host.length);
        name[host.length] = 0;
      }
    }
    return core.finish(call, r, "namelen", namelen);
  }

  // ---- conversions ----

  @Override
  public int htonl(int hostlong) {
    return WinSock.htonl(hostlong);
  }

  @Override
  public int htons(int hostshort) {
    return WinSock.htons(hostshort);
  }

  @Override
  public int ntohl(int netlong) {
    return WinSock.ntohl(netlong);
  }

  @Override
  public int ntohs(int netshort) {
    return WinSock.ntohs(netshort);
  }

  @Override
  public int inet_addr(String cp) {
    int ret = WinSock.inet_addr(cp);
    core.traceAnyThread("inet_addr", WinsockInstance.hex(ret, 8), "cp", cp);
    return ret;
  }

  @Override
  public String inet_ntoa(in_addr in) {
    String ret = WinSock.inet_ntoa(in);
    core.traceAnyThread("inet_ntoa", ret, "in", in);
    return ret;
  }

  @Override
  public boolean __WSAFDIsSet(int fd, fd_set set) {
    return set != null && WinSock.__WSAFDIsSet(fd, set);
  }

  // ---- asynchronous extensions ----

  @Override
  public int WSAAsyncSelect(int s, int hWnd, int wMsg, int lEvent) {
    return async.selectEvents(s, hWnd, wMsg, lEvent);
  }

  @Override
  public int WSAAsyncGetHostByName(int hWnd, int wMsg, String name, byte[] buf, int buflen) {
    return async.hostByName(hWnd, wMsg, name, buf, buflen);
  }

  @Override
  public int WSAAsyncGetHostByAddr(int hWnd, int wMsg, byte[] addr, int len, int type, byte[] buf, int buflen) {
    return async.hostByAddress(hWnd, wMsg, addr, len, type, buf, buflen);
  }

  @Override
  public int WSAAsyncGetServByName(int hWnd, int wMsg, String name, String proto, byte[] buf, int buflen) {
    return async.serviceByName(hWnd, wMsg, name, proto, buf, buflen);
  }

  @Override
  public int WSAAsyncGetServByPort(int hWnd, int wMsg, int port, String proto, byte[] buf, int buflen) {
    return async.serviceByPort(hWnd, wMsg, port, proto, buf, buflen);
  }

  @Override
  public int WSAAsyncGetProtoByName(int hWnd, int wMsg, String name, byte[] buf, int buflen) {
    return async.protocolByName(hWnd, wMsg, name, buf, buflen);
  }

  @Override
  public int WSAAsyncGetProtoByNumber(int hWnd, int wMsg, int number, byte[] buf, int buflen) {
    return async.protocolByNumber(hWnd, wMsg, number, buf, buflen);
  }

  @Override
  public int WSACancelAsyncRequest(int hAsyncTaskHandle) {
    return async.cancel(hAsyncTaskHandle);
  }
}
