package org.wsemu.endpoint;

import static org.wsemu.endpoint.CommErrors.*;
import static org.wsemu.winsock.WinSock.*;

import org.wsemu.winsock.WinSock2;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * The socket of an endpoint and the requests that change its state: Bind, Connect, Listen,
 * Accept, Disconnect and UnBind, the socket's notifications (WSAAsyncSelect on the hidden window,
 * which also makes the socket non-blocking), and what a cancel undoes (a cancelled Connect or
 * Listen leaves the endpoint bound again, on a fresh socket bound as Bind asked).
 *
 * <p>Confined to the owning task's thread.
 */
final class Connection {
  private static final int EVENTS = FD_READ | FD_WRITE | FD_CONNECT | FD_ACCEPT | FD_CLOSE;

  private final Engine engine;
  private final WinsockApi ws;
  EndpointState state = EndpointState.UNBOUND;
  int s = INVALID_SOCKET;
  private sockaddr_in local;
  private boolean connectionWaiting; // FD_ACCEPT seen on the listening socket
  Request gracefulDisconnect; // a Disconnect without cancelPending waiting for the output

  Connection(Engine engine) {
    this.engine = engine;
    this.ws = engine.ws;
  }

  // ---- requests ----

  void bind(Request r) {
    if (state != EndpointState.UNBOUND) {
      engine.finish(r, kCommErrAlreadyBound, null);
      return;
    }
    local = r.address != null ? r.address : Engine.anyAddress();
    int code = open();
    engine.finish(r, code, null);
  }

  void connect(Request r) {
    int refusal = switch (state) {
      case BOUND -> noErr;
      case UNBOUND -> kCommErrNotBound;
      case CONNECTING, CONNECTED -> kCommErrAlreadyConnected;
      default -> kCommErrBadCommand;
    };
    if (refusal != noErr) {
      engine.finish(r, refusal, null);
      return;
    }
    if (ws.connect(s, r.address, sockaddr_in.SIZE) == 0) {
      connected();
      engine.finish(r, noErr, null);
      return;
    }
    int error = ws.WSAGetLastError();
    if (error == WSAEWOULDBLOCK) {
      state = EndpointState.CONNECTING; // FD_CONNECT ends it
      return;
    }
    engine.finish(r, fromWinsock(error), null);
  }

  void listen(Request r) {
    int refusal = switch (state) {
      case BOUND, LISTENING -> noErr;
      case UNBOUND -> kCommErrNotBound;
      case CONNECTING, CONNECTED -> kCommErrAlreadyConnected;
      default -> kCommErrBadCommand;
    };
    if (refusal == noErr && engine.outstanding(RequestKind.LISTEN).size() > 1) {
      refusal = kCommErrCommandInProgress;
    }
    if (refusal != noErr) {
      engine.finish(r, refusal, null);
      return;
    }
    if (state == EndpointState.BOUND) {
      if (ws.listen(s, 1) != 0) {
        engine.finish(r, fromWinsock(ws.WSAGetLastError()), null);
        return;
      }
      state = EndpointState.LISTENING;
    }
    if (connectionWaiting) {
      engine.finish(r, noErr, null);
    } // else FD_ACCEPT ends it
  }

  void accept(Request r) {
    if (state != EndpointState.LISTENING || !connectionWaiting) {
      engine.finish(r, state == EndpointState.UNBOUND ? kCommErrNotBound
          : state == EndpointState.CONNECTED ? kCommErrAlreadyConnected : kCommErrBadCommand, null);
      return;
    }
    int accepted = ws.accept(s, null, null);
    if (accepted == INVALID_SOCKET) {
      int error = ws.WSAGetLastError();
      if (error == WSAEWOULDBLOCK) {
        connectionWaiting = false;
        engine.finish(r, kCommErrBadCommand, null);
      } else {
        engine.finish(r, fromWinsock(error), null);
      }
      return;
    }
    ws.closesocket(s);
    s = accepted;
    ws.WSAAsyncSelect(s, engine.window.hwnd, HiddenWindow.WM_EP_SOCKET, EVENTS);
    connected();
    engine.finish(r, noErr, null);
  }

  /** Disconnect without cancelPending: waits for the pending Outputs, then closes gracefully. */
  void disconnectGracefully(Request r) {
    int refusal = switch (state) {
      case CONNECTED, DISCONNECTED -> noErr;
      default -> kCommErrNotConnected;
    };
    if (refusal == noErr && gracefulDisconnect != null) {
      refusal = kCommErrReleasingConnection;
    }
    if (refusal != noErr) {
      engine.finish(r, refusal, null);
      return;
    }
    gracefulDisconnect = r;
    if (engine.first(RequestKind.OUTPUT) == null) {
      outputDrained();
    }
  }

  /** The Outputs have all ended: a waiting graceful Disconnect goes on. */
  void outputDrained() {
    Request r = gracefulDisconnect;
    if (r == null) {
      return;
    }
    gracefulDisconnect = null;
    engine.transfers.failInputs(kCommErrConnectionAborted);
    close();
    engine.finish(r, noErr, null);
  }

  /** Whether Disconnect with cancelPending may run: there is a socket past Bind. */
  int disconnectRefusal() {
    return switch (state) {
      case CONNECTED, CONNECTING, LISTENING, DISCONNECTED -> noErr;
      default -> kCommErrNotConnected;
    };
  }

  void unbind(Request r) {
    int refusal = switch (state) {
      case BOUND, LISTENING, DISCONNECTED -> noErr;
      case UNBOUND -> kCommErrNotBound;
      default -> kCommErrBadCommand;
    };
    if (refusal == noErr && engine.pending.size() > 1) {
      refusal = kCommErrBadCommand; // requests outstanding: cancel them first
    }
    if (refusal != noErr) {
      engine.finish(r, refusal, null);
      return;
    }
    closeSocket();
    state = EndpointState.UNBOUND;
    engine.transfers.reset();
    engine.finish(r, noErr, null);
  }

  /** Closes the connection (Disconnect): the endpoint is DISCONNECTED. */
  void close() {
    if (state == EndpointState.CONNECTED && s != INVALID_SOCKET) {
      ws.shutdown(s, WinSock2.SD_SEND); // winsock2.h's name; 1.1 has none
    }
    closeSocket();
    state = EndpointState.DISCONNECTED;
    engine.transfers.closed(kCommErrNotConnected);
  }

  /** Closes the socket whatever the state (Dispose). */
  void closeSocket() {
    if (s != INVALID_SOCKET) {
      ws.closesocket(s);
      s = INVALID_SOCKET;
    }
    connectionWaiting = false;
  }

  /** What a cancelled (or abandoned) request leaves undone: a Connect or Listen is taken back. */
  void undo(Request r) {
    switch (r.kind) {
      case CONNECT -> {
        if (state == EndpointState.CONNECTING) {
          reopen();
        }
      }
      case LISTEN -> {
        if (state == EndpointState.LISTENING) {
          reopen();
        }
      }
      case DISCONNECT -> {
        if (gracefulDisconnect == r) {
          gracefulDisconnect = null;
        }
      }
      default -> { }
    }
  }

  // ---- the socket ----

  /** getsockname, or null without a socket. */
  sockaddr_in localAddress() {
    if (s == INVALID_SOCKET) {
      return null;
    }
    sockaddr_in name = new sockaddr_in();
    return ws.getsockname(s, name, new org.wsemu.winsock.IntRef(sockaddr_in.SIZE)) == 0 ? name : null;
  }

  /** socket, bind (to the address Bind asked for), WSAAsyncSelect: BOUND, or a code. */
  private int open() {
    int socket = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (socket == INVALID_SOCKET) {
      return fromWinsock(ws.WSAGetLastError());
    }
    if (ws.bind(socket, local, sockaddr_in.SIZE) != 0
        || ws.WSAAsyncSelect(socket, engine.window.hwnd, HiddenWindow.WM_EP_SOCKET, EVENTS) != 0) {
      int error = ws.WSAGetLastError();
      ws.closesocket(socket);
      return fromWinsock(error);
    }
    s = socket;
    state = EndpointState.BOUND;
    engine.transfers.reset();
    return noErr;
  }

  /** A fresh bound socket after a cancelled Connect or Listen (UNBOUND if that fails). */
  private void reopen() {
    closeSocket();
    state = EndpointState.UNBOUND;
    open();
  }

  private void connected() {
    state = EndpointState.CONNECTED;
    engine.transfers.reset();
  }

  /** A WSAAsyncSelect notification; those of an earlier socket are ignored. */
  void onSocket(int socket, int event, int error) {
    if (socket != s || s == INVALID_SOCKET) {
      return;
    }
    switch (event) {
      case FD_CONNECT -> {
        Request r = engine.first(RequestKind.CONNECT);
        if (r == null || state != EndpointState.CONNECTING) {
          return;
        }
        if (error == 0) {
          connected();
          engine.finish(r, noErr, null);
        } else {
          reopen();
          engine.finish(r, fromWinsock(error), null);
        }
      }
      case FD_ACCEPT -> {
        connectionWaiting = true;
        Request r = engine.first(RequestKind.LISTEN);
        if (r != null) {
          engine.finish(r, noErr, null);
        }
      }
      case FD_READ -> engine.transfers.pumpInput();
      case FD_WRITE -> engine.transfers.pumpOutput();
      case FD_CLOSE -> {
        if (state == EndpointState.CONNECTED) {
          state = EndpointState.DISCONNECTED;
        }
        engine.transfers.peerClosed(error);
      }
      default -> { }
    }
  }
}
