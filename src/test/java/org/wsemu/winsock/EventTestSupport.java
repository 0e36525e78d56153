package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_EVENT;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_FAILED;

import java.util.List;
import org.wsemu.kernel.KernelTask;

/** Fixtures for the tests of event objects, waits and completion routines. */
final class EventTestSupport {
  private EventTestSupport() {}

  /** What the functions behind {@code ws} share. */
  static WinsockInstance core(WinsockApi ws) {
    return ((WinsockFunctions) ws).core();
  }

  /** The calling task's Winsock state (call it on a task's thread). */
  static TaskWinsockState me(WinsockApi ws) {
    WinsockInstance core = core(ws);
    return core.task(core.kernel.current());
  }

  /** The Winsock state of {@code task}, a task of the emulator behind {@code ws}. */
  static TaskWinsockState state(WinsockApi ws, org.wsemu.task.Task task) {
    return core(ws).task((KernelTask) task);
  }

  /** The emulator's clock now. */
  static long now(WinsockApi ws) {
    return core(ws).kernel.clock().millis();
  }

  /** {@code n} new events, asserting success. */
  static int[] create(WinsockApi ws, int n) {
    int[] events = new int[n];
    for (int i = 0; i < n; i++) {
      events[i] = ws.WSACreateEvent();
      assertNotEquals(WSA_INVALID_EVENT, events[i], "WSACreateEvent");
    }
    return events;
  }

  /** Polls {@code events} (timeout 0, not alertable): what WSAWaitForMultipleEvents returns. */
  static int poll(WinsockApi ws, boolean waitAll, int... events) {
    return ws.WSAWaitForMultipleEvents(events.length, events, waitAll, 0, false);
  }

  /** Asserts that a wait failed with {@code error}. */
  static void assertWaitFails(WinsockApi ws, int error, int ret) {
    assertEquals(List.of(WSA_WAIT_FAILED, error), List.of(ret, ws.WSAGetLastError()));
  }

  /** Asserts that a BOOL function failed with {@code error}. */
  static void assertFalse(WinsockApi ws, int error, boolean ret) {
    assertEquals(List.of(false, error), List.of(ret, ws.WSAGetLastError()));
  }
}
