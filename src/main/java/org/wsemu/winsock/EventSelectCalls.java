package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * WSAEventSelect and WSAEnumNetworkEvents: network events recorded per socket and signalled
 * through an event object. Runs on the calling task's thread.
 */
final class EventSelectCalls {
  private final WinsockInstance core;

  EventSelectCalls(WinsockInstance core) {
    this.core = core;
  }

  int WSAEventSelect(int s, int hEventObject, int lNetworkEvents) {
    return notYet("WSAEventSelect");
  }

  int WSAEnumNetworkEvents(int s, int hEventObject, WSANETWORKEVENTS lpNetworkEvents) {
    return notYet("WSAEnumNetworkEvents");
  }

  private int notYet(String function) {
    WsCall call = core.begin(function);
    return core.finish(call, -WSAEOPNOTSUPP);
  }
}
