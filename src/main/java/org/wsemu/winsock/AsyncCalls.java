package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.WSAEAFNOSUPPORT;
import static org.wsemu.winsock.WinSock.WSAEALREADY;
import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;
import static org.wsemu.winsock.WinSock.WSAHOST_NOT_FOUND;
import static org.wsemu.winsock.WinSock.WSANO_DATA;

import java.util.Arrays;
import org.wsemu.user.MessageNames;
import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The asynchronous extensions: WSAAsyncSelect, the six WSAAsyncGetXByY functions and
 * WSACancelAsyncRequest. See {@link AsyncSelect} for the select rules and {@link AsyncResolver}
 * for how requests run.
 *
 * <p>Task-only calls, each on its caller's thread.
 */
final class AsyncCalls {
  private static final int ALL_EVENTS =
      WinSock.FD_READ | WinSock.FD_WRITE | WinSock.FD_OOB | WinSock.FD_ACCEPT | WinSock.FD_CONNECT | WinSock.FD_CLOSE;

  private final WinsockInstance core;
  private final Database database;

  AsyncCalls(WinsockInstance core, Database database) {
    this.core = core;
    this.database = database;
  }

  int selectEvents(int s, int hWnd, int wMsg, int lEvent) {
    WsCall call = core.begin("WSAAsyncSelect");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      if (socket == null) {
        r = -WSAENOTSOCK;
      } else if ((lEvent & ~ALL_EVENTS) != 0 || lEvent != 0 && !core.user.IsWindow(hWnd)) {
        r = -WSAEINVAL;
      }
    }
    if (r == 0) {
      WinsockInstance.cancelAsyncSelect(socket); // a new registration replaces the old one
      synchronized (socket) {
        socket.nonBlocking = true; // whatever lEvent says
      }
      if (lEvent != 0) {
        AsyncSelect registration = new AsyncSelect(core.kernel, socket, lEvent,
            new MessageDelivery(core.kernel, core.user, socket, hWnd, wMsg, call.me));
        socket.asyncSelect = registration;
        registration.evaluate(); // conditions that already hold are posted now
      }
    }
    return core.finish(call, r, "s", s, "hWnd", hex(hWnd), "wMsg", MessageNames.of(wMsg), "lEvent",
        WinsockNames.networkEvents(lEvent));
  }

  int hostByName(int hWnd, int wMsg, String name, byte[] buf, int buflen) {
    return request("WSAAsyncGetHostByName", name, hWnd, wMsg, buf, buflen, name == null ? -WSAEFAULT : 0,
        () -> host(database.hostByName(name)));
  }

  int hostByAddress(int hWnd, int wMsg, byte[] addr, int len, int type, byte[] buf, int buflen) {
    int check = addr == null || len != 4 || addr.length < 4 ? -WSAEFAULT : type != AF_INET ? -WSAEAFNOSUPPORT : 0;
    byte[] address = check == 0 ? Arrays.copyOf(addr, 4) : null;
    String shown = address == null ? "null" : (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "."
        + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
    return request("WSAAsyncGetHostByAddr", shown, hWnd, wMsg, buf, buflen, check,
        () -> host(database.hostByAddress(address)));
  }

  int serviceByName(int hWnd, int wMsg, String name, String proto, byte[] buf, int buflen) {
    return request("WSAAsyncGetServByName", name + "/" + proto, hWnd, wMsg, buf, buflen, name == null ? -WSAEFAULT : 0,
        () -> service(database.serviceByName(name, proto)));
  }

  int serviceByPort(int hWnd, int wMsg, int port, String proto, byte[] buf, int buflen) {
    int hostPort = WinSock.ntohs(port);
    return request("WSAAsyncGetServByPort", hostPort + "/" + proto, hWnd, wMsg, buf, buflen, 0,
        () -> service(database.serviceByPort(hostPort, proto)));
  }

  int protocolByName(int hWnd, int wMsg, String name, byte[] buf, int buflen) {
    return request("WSAAsyncGetProtoByName", name, hWnd, wMsg, buf, buflen, name == null ? -WSAEFAULT : 0,
        () -> protocol(database.protocolByName(name)));
  }

  int protocolByNumber(int hWnd, int wMsg, int number, byte[] buf, int buflen) {
    return request("WSAAsyncGetProtoByNumber", number, hWnd, wMsg, buf, buflen, 0,
        () -> protocol(database.protocolByNumber(number)));
  }

  private static AsyncRequest.Found host(HostRecord record) {
    return record == null ? AsyncRequest.Found.failed(WSAHOST_NOT_FOUND) : new AsyncRequest.Found(0,
        AsyncPacking.hostentSize(record), (buf, buflen) -> AsyncPacking.hostent(record, buf, buflen));
  }

  private static AsyncRequest.Found service(ServiceRecord record) {
    return record == null ? AsyncRequest.Found.failed(WSANO_DATA) : new AsyncRequest.Found(0,
        AsyncPacking.serventSize(record), (buf, buflen) -> AsyncPacking.servent(record, buf, buflen));
  }

  private static AsyncRequest.Found protocol(ProtocolRecord record) {
    return record == null ? AsyncRequest.Found.failed(WSANO_DATA) : new AsyncRequest.Found(0,
        AsyncPacking.protoentSize(record), (buf, buflen) -> AsyncPacking.protoent(record, buf, buflen));
  }

  /** Starts a request after the common checks: its handle, or 0 with the error. */
  private int request(String function, Object argument, int hWnd, int wMsg, byte[] buf, int buflen, int check,
      AsyncRequest.Lookup lookup) {
    WsCall call = core.begin(function);
    int r = core.gate(call);
    if (r == 0) {
      r = check;
    }
    if (r == 0 && (buf == null || buflen < 0 || buflen > buf.length)) {
      r = -WSAEFAULT;
    }
    if (r == 0) {
      AsyncRequest request = call.app.requests.issue(core.config.maxAsyncRequests(), core.resolver,
          handle -> new AsyncRequest(handle, function, argument, hWnd, wMsg, buf, buflen, lookup, call.me,
              core.kernel.rules().enabled()));
      if (request == null) {
        r = -WSAEWOULDBLOCK;
      } else {
        core.resolver.submit(request);
        r = request.handle;
      }
    }
    return core.finishHandle(call, r, "hWnd", hex(hWnd), "wMsg", MessageNames.of(wMsg), "arg", argument, "buflen", buflen);
  }

  int cancel(int handle) {
    WsCall call = core.begin("WSACancelAsyncRequest");
    int r = core.gate(call);
    if (r == 0) {
      AsyncRequest request = handle == 0 ? null : call.app.requests.find(handle);
      if (request == null || request.stage() == AsyncRequest.Stage.CANCELLED) {
        r = -WSAEINVAL; // never issued, or no longer anything (cancelled before)
      } else if (request.cancel()) {
        core.resolver.cancelled(request);
        core.resolver.trace("cancel", request, "why", "WSACancelAsyncRequest");
      } else {
        r = -WSAEALREADY; // it completed: its reply is queued or was handled
      }
    }
    return core.finish(call, r, "hAsyncTaskHandle", handle);
  }

  private static Object hex(int value) {
    return WinsockInstance.hex(value, 4);
  }
}
