package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.schedule.ChoicePrograms.loggingWindow;
import static org.wsemu.schedule.ChoicePrograms.pumpUntil;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.schedule.ChoicePrograms.Run;
import org.wsemu.testing.Emus;

/** {@link ChoicePoint#TIMER_PHASE}: the extra delay of a USER timer's first expiry. */
@Timeout(20)
class TimerPhaseChoiceTest {

  /** A 100 ms timer on a window, then a second one of 40 ms: the first four WM_TIMERs. */
  private static Emus.AppBody twoTimers(ScriptedChoices arm, int... phases) {
    return (emu, ws, user) -> {
      int hwnd = loggingWindow(user);
      if (arm != null) {
        arm.answerNext(ChoicePoint.TIMER_PHASE, phases);
      }
      assertEquals(1, user.SetTimer(hwnd, 1, 100, null));
      assertEquals(2, user.SetTimer(hwnd, 2, 40, null));
      pumpUntil(user, 4);
      if (arm != null) {
        arm.stopRecording();
      }
      assertEquals(true, user.KillTimer(hwnd, 1));
      assertEquals(true, user.KillTimer(hwnd, 2));
      return 0;
    };
  }

  @Test
  void answeringZeroGivesTheTraceOfTheRunWithoutASource() throws Exception {
    Run without = ChoicePrograms.run(ChoiceSource.none(), twoTimers(null));
    ScriptedChoices zeros = new ScriptedChoices();
    Run with = ChoicePrograms.run(zeros, twoTimers(zeros));
    assertEquals(without.trace(), with.trace());
    assertEquals(List.of("t=40 0x113 2 0", "t=80 0x113 2 0", "t=100 0x113 1 0", "t=120 0x113 2 0"), with.log());
    assertEquals(List.of(56, 56), zeros.offered(ChoicePoint.TIMER_PHASE),
        "each SetTimer, 0 to 55 ms; re-arming after a WM_TIMER is not a choice");
  }

  @Test
  void aChosenPhaseDelaysTheFirstExpiryAndKeepsThePeriod() throws Exception {
    ScriptedChoices phased = new ScriptedChoices();
    assertEquals(List.of("t=45 0x113 2 0", "t=85 0x113 2 0", "t=125 0x113 2 0", "t=130 0x113 1 0"),
        ChoicePrograms.run(phased, twoTimers(phased, 30, 5)).log());
    ScriptedChoices longest = new ScriptedChoices();
    assertEquals(List.of("t=40 0x113 2 0", "t=80 0x113 2 0", "t=120 0x113 2 0", "t=155 0x113 1 0"),
        ChoicePrograms.run(longest, twoTimers(longest, 55, 0)).log());
  }
}
