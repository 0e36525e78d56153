package org.wsemu.samples.planted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;

/** What a planted program's run reports besides its own check. */
class PlantedProgramTest {

  /** A program whose one task throws, and whose own check passes. */
  static final class Throwing extends PlantedProgram {
    Throwing() {
      super(false, "throwing", "its task throws", "TASK");
    }

    @Override
    Run start(SimulatedNetwork network) {
      return new Run() {
        @Override
        public void create(Emulator emu) {
          emu.createTask("boom", () -> {
            throw new IllegalStateException("planted");
          });
        }

        @Override
        public void check() {
          // nothing to check: the task's failure alone must fail the run
        }
      };
    }
  }

  @Test
  @Timeout(30)
  void aTaskThatThrowsFailsTheRunEvenThoughItHasEnded() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> new Throwing().run(Emulator.builder().mode(SchedulingMode.WIN16).clock(Clock.virtual())));
    assertEquals("throwing: task boom threw", error.getMessage());
    assertEquals(IllegalStateException.class, error.getCause().getClass());
  }
}
