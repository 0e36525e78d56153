package org.wsemu.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;

/** A virtual clock moves only for the one owner that claimed it. */
class VirtualClockTest {

  @Test
  void theControlMovesTheClockForwardAndNeverBack() {
    VirtualClock clock = (VirtualClock) Clock.virtual(5);
    VirtualClock.Control control = clock.claim();
    control.advanceTo(12);
    assertEquals(12, clock.millis());
    control.advanceTo(3);
    assertEquals(12, clock.millis());
    assertEquals(12, control.millis());
    assertEquals("Clock.virtual(now=12)", clock.toString());
  }

  @Test
  void aClockIsClaimedOnce() {
    VirtualClock clock = (VirtualClock) Clock.virtual();
    clock.claim();
    assertEquals("this virtual clock already belongs to another emulator",
        assertThrows(IllegalStateException.class, clock::claim).getMessage());
  }

  @Test
  @Timeout(10)
  void anEmulatorClaimsItsClockSoNobodyElseCanAdvanceIt() {
    VirtualClock clock = (VirtualClock) Clock.virtual();
    try (Emulator emu = Emulator.builder().clock(clock).slf4jTrace(false).build()) {
      assertSame(clock, emu.clock());
      assertEquals("this virtual clock already belongs to another emulator",
          assertThrows(IllegalStateException.class, clock::claim).getMessage());
    }
  }

  @Test
  void aClockClaimedElsewhereCannotBeGivenToAnEmulator() {
    VirtualClock clock = (VirtualClock) Clock.virtual();
    clock.claim();
    assertEquals("this virtual clock already belongs to another emulator",
        assertThrows(IllegalStateException.class, () -> Emulator.builder().clock(clock).build()).getMessage());
  }
}
