package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock2.FD_MAX_EVENTS;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_EVENT_0;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_TIMEOUT;

import org.wsemu.user.User;
import org.wsemu.winsock.AsyncSelectTestSupport.Recorder;

/**
 * Fixtures for the WSAEventSelect tests: a watch over one socket's recorded network events that
 * waits for its event object on the emulator's clock (pumping the task's messages, never sleeping)
 * and takes the record with WSAEnumNetworkEvents.
 */
final class EventSelectTestSupport {
  private EventSelectTestSupport() {}

  /** FD_CONNECT | FD_READ | FD_OOB | FD_ACCEPT | FD_WRITE | FD_CLOSE. */
  static final int ALL = WinSock.FD_READ | WinSock.FD_WRITE | WinSock.FD_OOB | WinSock.FD_ACCEPT
      | WinSock.FD_CONNECT | WinSock.FD_CLOSE;

  /** One socket's record, and the event object its registration signals. */
  static final class Watch {
    final WinsockApi ws;
    final Recorder rec;
    final int s;
    final int hEvent;
    /** The error codes of the events the last {@link #take} reported, by FD_*_BIT. */
    final int[] errors = new int[FD_MAX_EVENTS];

    private Watch(WinsockApi ws, Recorder rec, int s, int hEvent) {
      this.ws = ws;
      this.rec = rec;
      this.s = s;
      this.hEvent = hEvent;
    }

    /** A watch of {@code s} with a new event object (not selected yet). */
    static Watch of(WinsockApi ws, User user, int s) {
      int hEvent = ws.WSACreateEvent();
      assertEquals(true, hEvent != WinSock2.WSA_INVALID_EVENT, "WSACreateEvent");
      return new Watch(ws, Recorder.create(user), s, hEvent);
    }

    /** The same event and message pump, for another socket (one accept() made from this one). */
    Watch forSocket(int other) {
      return new Watch(ws, rec, other, hEvent);
    }

    /** WSAEventSelect(s, hEvent, events), asserting success. */
    Watch select(int events) {
      assertEquals(0, ws.WSAEventSelect(s, hEvent, events), "WSAEventSelect");
      return this;
    }

    /** Whether the event object is signalled (a wait of 0 ms). */
    boolean signalled() {
      int r = ws.WSAWaitForMultipleEvents(1, new int[] {hEvent}, false, 0, false);
      assertEquals(true, r == WSA_WAIT_EVENT_0 || r == WSA_WAIT_TIMEOUT, "wait: " + r);
      return r == WSA_WAIT_EVENT_0;
    }

    /** WSAEnumNetworkEvents(s, hEvent): the events recorded (their errors in {@link #errors}); resets the event. */
    int take() {
      WSANETWORKEVENTS events = new WSANETWORKEVENTS();
      assertEquals(0, ws.WSAEnumNetworkEvents(s, hEvent, events), "WSAEnumNetworkEvents");
      System.arraycopy(events.iErrorCode, 0, errors, 0, FD_MAX_EVENTS);
      return events.lNetworkEvents;
    }

    /**
     * Waits until {@code expected} has been recorded, taking the record each time the event is
     * signalled; fails if anything else is recorded meanwhile, or after the recorder's patience.
     */
    int await(int expected) {
      int seen = 0;
      int[] errorsSeen = new int[FD_MAX_EVENTS];
      while (seen != expected) {
        rec.pumpUntil(this::signalled, "recording " + Integer.toHexString(expected) + ", seen "
            + Integer.toHexString(seen));
        int taken = take();
        assertEquals(0, taken & ~expected & 0xFFFF, "unexpected events: " + Integer.toHexString(taken)
            + " waiting for " + Integer.toHexString(expected));
        for (int bit = 0; bit < FD_MAX_EVENTS; bit++) {
          if ((taken & (1 << bit)) != 0) {
            errorsSeen[bit] = errors[bit];
          }
        }
        seen |= taken;
      }
      System.arraycopy(errorsSeen, 0, errors, 0, FD_MAX_EVENTS);
      return seen;
    }

    /**
     * Lets {@code millis} of the emulator's clock pass, then takes the record: what was recorded
     * meanwhile (0 for nothing), asserting that the event object was signalled exactly if so.
     */
    int quiet(int millis) {
      rec.pumpFor(millis);
      boolean signalled = signalled();
      int taken = take();
      assertEquals(taken != 0, signalled, "signalled iff recorded: " + Integer.toHexString(taken));
      return taken;
    }
  }
}
