package org.wsemu.winsock;

/**
 * The Winsock 2 part of the API facade: overlapped I/O ({@link OverlappedCalls}), event objects and
 * waits ({@link EventCalls}) and network-event selection ({@link EventSelectCalls}). Stateless
 * delegation; threading as {@link WinsockApi} says.
 */
abstract class Winsock2Functions implements WinsockApi {
  private final OverlappedCalls overlapped;
  private final EventCalls events;
  private final EventSelectCalls eventSelect;

  Winsock2Functions(WinsockInstance core, SocketCalls sockets) {
    this.events = new EventCalls(core);
    this.overlapped = new OverlappedCalls(core, sockets, events);
    this.eventSelect = new EventSelectCalls(core);
  }

  @Override
  public int WSASocket(int af, int type, int protocol, WSAPROTOCOL_INFO lpProtocolInfo, int g, int dwFlags) {
    return overlapped.WSASocket(af, type, protocol, lpProtocolInfo, g, dwFlags);
  }

  @Override
  public int WSASend(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return overlapped.WSASend(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpOverlapped,
        lpCompletionRoutine);
  }

  @Override
  public int WSASendTo(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      sockaddr_in lpTo, int iTolen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return overlapped.WSASendTo(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, dwFlags, lpTo, iTolen,
        lpOverlapped, lpCompletionRoutine);
  }

  @Override
  public int WSARecv(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return overlapped.WSARecv(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpOverlapped,
        lpCompletionRoutine);
  }

  @Override
  public int WSARecvFrom(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd,
      IntRef lpFlags, sockaddr_in lpFrom, IntRef lpFromlen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
    return overlapped.WSARecvFrom(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd, lpFlags, lpFrom, lpFromlen,
        lpOverlapped, lpCompletionRoutine);
  }

  @Override
  public boolean WSAGetOverlappedResult(int s, WSAOVERLAPPED lpOverlapped, IntRef lpcbTransfer, boolean fWait,
      IntRef lpdwFlags) {
    return overlapped.WSAGetOverlappedResult(s, lpOverlapped, lpcbTransfer, fWait, lpdwFlags);
  }

  @Override
  public boolean CancelIo(int s) {
    return overlapped.CancelIo(s);
  }

  @Override
  public int WSACreateEvent() {
    return events.WSACreateEvent();
  }

  @Override
  public boolean WSASetEvent(int hEvent) {
    return events.WSASetEvent(hEvent);
  }

  @Override
  public boolean WSAResetEvent(int hEvent) {
    return events.WSAResetEvent(hEvent);
  }

  @Override
  public boolean WSACloseEvent(int hEvent) {
    return events.WSACloseEvent(hEvent);
  }

  @Override
  public int WSAWaitForMultipleEvents(int cEvents, int[] lphEvents, boolean fWaitAll, int dwTimeout,
      boolean fAlertable) {
    return events.WSAWaitForMultipleEvents(cEvents, lphEvents, fWaitAll, dwTimeout, fAlertable);
  }

  @Override
  public int SleepEx(int dwMilliseconds, boolean bAlertable) {
    return events.SleepEx(dwMilliseconds, bAlertable);
  }

  @Override
  public int WSAEventSelect(int s, int hEventObject, int lNetworkEvents) {
    return eventSelect.WSAEventSelect(s, hEventObject, lNetworkEvents);
  }

  @Override
  public int WSAEnumNetworkEvents(int s, int hEventObject, WSANETWORKEVENTS lpNetworkEvents) {
    return eventSelect.WSAEnumNetworkEvents(s, hEventObject, lpNetworkEvents);
  }
}
