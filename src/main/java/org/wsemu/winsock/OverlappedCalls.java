package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The overlapped-I/O functions: WSASocket, WSASend, WSASendTo, WSARecv, WSARecvFrom,
 * WSAGetOverlappedResult and CancelIo. Runs on the calling task's thread.
 */
final class OverlappedCalls {
  private final WinsockInstance core;
  private final SocketCalls sockets;
  private final EventCalls events;

  OverlappedCalls(WinsockInstance core, SocketCalls sockets, EventCalls events) {
    this.core = core;
    this.sockets = sockets;
    this.events = events;
  }

  int WSASocket(int af, int type, int protocol, WSAPROTOCOL_INFO lpProtocolInfo, int g, int dwFlags) {
    return notYet("WSASocket");
  }

  int WSASend(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return notYet("WSASend");
  }

  int WSASendTo(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      sockaddr_in lpTo, int iTolen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return notYet("WSASendTo");
  }

  int WSARecv(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return notYet("WSARecv");
  }

  int WSARecvFrom(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      sockaddr_in lpFrom, IntRef lpFromlen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return notYet("WSARecvFrom");
  }

  boolean WSAGetOverlappedResult(int s, WSAOVERLAPPED lpOverlapped, IntRef lpcbTransfer, boolean fWait,
      IntRef lpdwFlags) {
    return notYet("WSAGetOverlappedResult") == 0;
  }

  boolean CancelIo(int s) {
    return notYet("CancelIo") == 0;
  }

  private int notYet(String function) {
    WsCall call = core.begin(function);
    return core.finish(call, -WSAEOPNOTSUPP);
  }
}
