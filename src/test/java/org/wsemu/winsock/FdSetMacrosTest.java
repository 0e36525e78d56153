package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;

/** The fd_set macros of winsock.h (FD_ZERO, FD_SET, FD_CLR, FD_ISSET) and the API's __WSAFDIsSet. */
@Timeout(20)
class FdSetMacrosTest {

  @Test
  void fdSetAddsUntilTheSetIsFullThenIgnores() {
    fd_set set = new fd_set(2);
    FD_SET(10, set);
    FD_SET(20, set);
    FD_SET(30, set);
    assertEquals(2, set.fd_count);
    assertArrayEquals(new int[] {10, 20}, members(set));
    assertFalse(FD_ISSET(30, set));
    assertEquals(FD_SETSIZE, new fd_set().fd_array.length);
    fd_set twice = set(7, 7);
    assertArrayEquals(new int[] {7, 7}, members(twice), "the 1.1 macro does not look for duplicates");
  }

  @Test
  void fdClrRemovesTheFirstOccurrenceKeepingTheOrder() {
    fd_set set = set(1, 2, 3, 2, 4);
    FD_CLR(2, set);
    assertArrayEquals(new int[] {1, 3, 2, 4}, members(set));
    FD_CLR(9, set);
    assertArrayEquals(new int[] {1, 3, 2, 4}, members(set), "absent: unchanged");
    FD_CLR(4, set);
    FD_CLR(1, set);
    assertArrayEquals(new int[] {3, 2}, members(set));
  }

  @Test
  void fdIsSetAndWsaFdIsSetLookOnlyAtTheCountedEntries() throws Exception {
    fd_set set = set(5, 6);
    set.fd_array[2] = 7; // beyond fd_count: not a member
    assertTrue(FD_ISSET(5, set));
    assertTrue(__WSAFDIsSet(6, set));
    assertFalse(FD_ISSET(7, set));
    FD_ZERO(set);
    assertEquals(0, set.fd_count);
    assertFalse(FD_ISSET(5, set));
    try (var emu = builder(SchedulingMode.WIN32).build()) {
      WinsockApi ws = emu.winsock();
      assertTrue(ws.__WSAFDIsSet(6, set(6)), "the API's __WSAFDIsSet, from a plain thread");
      assertFalse(ws.__WSAFDIsSet(6, set(5)));
      assertFalse(ws.__WSAFDIsSet(6, null));
    }
  }
}
