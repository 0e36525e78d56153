package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * The event-object functions and the alertable waits: WSACreateEvent, WSASetEvent, WSAResetEvent,
 * WSACloseEvent, WSAWaitForMultipleEvents and SleepEx. Runs on the calling task's thread.
 */
final class EventCalls {
  private final WinsockInstance core;

  EventCalls(WinsockInstance core) {
    this.core = core;
  }

  int WSACreateEvent() {
    return notYet("WSACreateEvent");
  }

  boolean WSASetEvent(int hEvent) {
    return notYet("WSASetEvent") == 0;
  }

  boolean WSAResetEvent(int hEvent) {
    return notYet("WSAResetEvent") == 0;
  }

  boolean WSACloseEvent(int hEvent) {
    return notYet("WSACloseEvent") == 0;
  }

  int WSAWaitForMultipleEvents(int cEvents, int[] lphEvents, boolean fWaitAll, int dwTimeout, boolean fAlertable) {
    return notYet("WSAWaitForMultipleEvents");
  }

  int SleepEx(int dwMilliseconds, boolean bAlertable) {
    return notYet("SleepEx");
  }

  private int notYet(String function) {
    WsCall call = core.begin(function);
    return core.finish(call, -WSAEOPNOTSUPP);
  }
}
