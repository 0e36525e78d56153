package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock2.FD_MAX_EVENTS;

import java.util.Arrays;
import org.wsemu.internal.GuardedBy;

/**
 * A socket's internal record of network events for WSAEventSelect: the FD_* events recorded since
 * WSAEnumNetworkEvents last took them, each with its error code, and the socket's
 * {@link ReportGates}, which outlive registrations: selecting again does not record again what was
 * recorded already, until its re-enabling function is called. A new WSAEventSelect clears the
 * record; the events it held had not reached the program, so their gates open again and they are
 * recorded again if they still hold.
 *
 * <p>Thread-safe: guarded by the gates' monitor, which evaluations hold while they record, so that
 * recording an event and signalling the event object are one step for WSAEnumNetworkEvents.
 */
final class NetworkEventRecord {
  /** The record of a socket WSAEventSelect never registered: nothing is ever recorded in it. */
  static final NetworkEventRecord EMPTY = new NetworkEventRecord();

  final ReportGates gates = new ReportGates(0);
  @GuardedBy("gates") private int recorded;
  @GuardedBy("gates") private final int[] errors = new int[FD_MAX_EVENTS];

  /** Records {@code event} (one FD_* bit) with {@code error} and signals {@code signal}. */
  void record(int event, int error, EventObject signal) {
    synchronized (gates) {
      recorded |= event;
      errors[Integer.numberOfTrailingZeros(event)] = error;
      signal.set();
    }
  }

  /**
   * WSAEnumNetworkEvents: resets {@code reset} (unless null), copies the record into {@code out}
   * (the error codes of events not recorded are 0) and clears it.
   */
  void take(WSANETWORKEVENTS out, EventObject reset) {
    synchronized (gates) {
      if (reset != null) {
        reset.reset();
      }
      out.lNetworkEvents = recorded;
      for (int bit = 0; bit < FD_MAX_EVENTS; bit++) {
        out.iErrorCode[bit] = (recorded & (1 << bit)) != 0 ? errors[bit] : 0;
      }
      clearRecord();
    }
  }

  /** A new WSAEventSelect: the record is cleared and the gates of what it held open again. */
  void clear() {
    synchronized (gates) {
      gates.reopen(recorded);
      clearRecord();
    }
  }

  @GuardedBy("gates")
  private void clearRecord() {
    recorded = 0;
    Arrays.fill(errors, 0);
  }
}
