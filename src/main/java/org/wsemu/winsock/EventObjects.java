package org.wsemu.winsock;

import org.wsemu.kernel.HandleTable;

/**
 * The event objects of one emulator (the process): their handles and what they stand for. A handle
 * not open here (never issued, closed, or another emulator's) is not found.
 *
 * <p>Thread-safe.
 */
final class EventObjects {
  private final HandleTable<EventObject> table = new HandleTable<>(1, 0x7FFFFFFE);

  /** A new event, not signalled; null when no handle is left. */
  EventObject create() {
    return table.allocate(EventObject::new);
  }

  /** The open event behind {@code handle}, or null. */
  EventObject get(int handle) {
    EventObject event = table.get(handle);
    return event == null || event.isClosed() ? null : event;
  }

  /** Closes the event behind {@code handle}; false if it is not open. */
  boolean close(int handle) {
    EventObject event = get(handle);
    if (event == null) {
      return false;
    }
    table.free(handle);
    event.close();
    return true;
  }
}
