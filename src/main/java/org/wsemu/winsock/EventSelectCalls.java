package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAENOTSOCK;
import static org.wsemu.winsock.WinSock2.FD_ALL_EVENTS;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_EVENT;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_HANDLE;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * WSAEventSelect and WSAEnumNetworkEvents: network events recorded per socket
 * ({@link NetworkEventRecord}) and signalled through an event object. The registration is an
 * {@link AsyncSelect} with an {@link EventDelivery}: the same watching, ordering and re-enabling as
 * WSAAsyncSelect, reported by recording instead of posting, under gates that outlive the
 * registration.
 *
 * <p>Task-only calls, each on its caller's thread.
 */
final class EventSelectCalls {
  private final WinsockInstance core;

  EventSelectCalls(WinsockInstance core) {
    this.core = core;
  }

  int WSAEventSelect(int s, int hEventObject, int lNetworkEvents) {
    WsCall call = core.begin("WSAEventSelect");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    EventObject event = null;
    if (r == 0) {
      if (socket == null) {
        r = -WSAENOTSOCK;
      } else if ((lNetworkEvents & ~FD_ALL_EVENTS) != 0) {
        r = -WSAEINVAL;
      } else if (lNetworkEvents != 0 && (event = core.events.get(hEventObject)) == null) {
        r = -WSA_INVALID_HANDLE;
      }
    }
    if (r == 0) {
      WinsockInstance.cancelAsyncSelect(socket); // replaces WSAAsyncSelect's and WSAEventSelect's
      synchronized (socket) {
        socket.nonBlocking = true; // whatever lNetworkEvents says
      }
      socket.eventRecord().clear(); // what it held is recorded again if it still holds
      if (lNetworkEvents != 0) {
        AsyncSelect registration = new AsyncSelect(core.kernel, socket, lNetworkEvents,
            new EventDelivery(core.kernel, socket, event));
        socket.asyncSelect = registration;
        registration.evaluate(); // conditions that hold and were not recorded yet are recorded now
      }
    }
    return core.finish(call, r, "s", s, "hEventObject", hEventObject,
        "lNetworkEvents", WinsockNames.networkEvents(lNetworkEvents));
  }

  int WSAEnumNetworkEvents(int s, int hEventObject, WSANETWORKEVENTS lpNetworkEvents) {
    WsCall call = core.begin("WSAEnumNetworkEvents");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    EventObject event = null;
    if (r == 0) {
      if (socket == null) {
        r = -WSAENOTSOCK;
      } else if (lpNetworkEvents == null) {
        r = -WSAEFAULT;
      } else if (hEventObject != WSA_INVALID_EVENT && (event = core.events.get(hEventObject)) == null) {
        r = -WSA_INVALID_HANDLE;
      }
    }
    if (r == 0) {
      NetworkEventRecord record = socket.eventRecordIfAny();
      (record != null ? record : NetworkEventRecord.EMPTY).take(lpNetworkEvents, event);
    }
    return core.finish(call, r, "s", s, "hEventObject", hEventObject,
        "lpNetworkEvents", r == 0 ? String.valueOf(lpNetworkEvents) : null);
  }
}
