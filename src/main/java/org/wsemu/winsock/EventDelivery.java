package org.wsemu.winsock;

import org.wsemu.kernel.Kernel;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * WSAEventSelect's way of reporting: the event goes into the socket's {@link NetworkEventRecord}
 * (with its error code) and the event object is signalled, both under the record's lock, so that
 * WSAEnumNetworkEvents never sees one without the other. The gates are the socket's, shared by all
 * its WSAEventSelect registrations. A closed event object is simply not signalled any more.
 *
 * <p>Thread-safe: immutable.
 */
final class EventDelivery implements SelectDelivery {
  private final Kernel kernel;
  private final EmulatedSocket socket;
  private final NetworkEventRecord record;
  private final EventObject event;

  EventDelivery(Kernel kernel, EmulatedSocket socket, EventObject event) {
    this.kernel = kernel;
    this.socket = socket;
    this.record = socket.eventRecord();
    this.event = event;
  }

  @Override
  public ReportGates gates() {
    return record.gates;
  }

  @Override
  public boolean deliver(int networkEvent, int error, Runnable evaluateAgain) {
    record.record(networkEvent, error, event);
    Trace trace = kernel.trace();
    if (trace.enabled()) {
      trace.event(TraceKind.ASYNC, "-", "record")
          .with("s", socket.handle).with("event", WinsockNames.networkEvents(networkEvent))
          .with("error", ErrorNames.of(error)).with("hEvent", event.handle).emit();
    }
    return true;
  }

  @Override
  public SelectDelivery forAccepted(EmulatedSocket accepted) {
    return new EventDelivery(kernel, accepted, event);
  }
}
