package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.schedule.ChoicePrograms.log;
import static org.wsemu.schedule.ChoicePrograms.loopback;
import static org.wsemu.schedule.ChoicePrograms.startup;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.schedule.ChoicePrograms.Run;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.sockaddr_in;
import org.wsemu.winsock.timeval;

/** {@link ChoicePoint#HOOK_REPOLL}: when a blocked call re-runs a custom blocking hook. */
@Timeout(20)
class HookRepollChoiceTest {

  private static UnaryOperator<Emulator.Builder> repoll(int millis) {
    return b -> b.hookRepollInterval(Duration.ofMillis(millis));
  }

  /** select() on a quiet socket for 35 ms with a custom hook that logs each call. */
  private static Emus.AppBody quietSelect(ScriptedChoices arm, int... earlier) {
    return (emu, ws, user) -> {
      startup(ws, 0x0101);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      assertEquals(true, ws.WSASetBlockingHook(() -> {
        log(user, "hook");
        return false;
      }) != null, "the default hook was installed");
      if (arm != null) {
        arm.answerNext(ChoicePoint.HOOK_REPOLL, earlier);
      }
      fd_set read = new fd_set();
      FD_SET(s, read);
      assertEquals(0, ws.select(0, read, null, null, new timeval(0, 35_000)), "timed out");
      log(user, "timeout");
      if (arm != null) {
        arm.stopRecording();
      }
      return 0;
    };
  }

  private static Run run(ChoiceSource source, int repollMillis, Emus.AppBody body) throws Exception {
    return ChoicePrograms.run(source, repoll(repollMillis), SimulatedNetwork.builder().build(), body);
  }

  @Test
  void answeringZeroGivesTheTraceOfTheRunWithoutASource() throws Exception {
    Run without = run(ChoiceSource.none(), 10, quietSelect(null));
    ScriptedChoices zeros = new ScriptedChoices();
    Run with = run(zeros, 10, quietSelect(zeros));
    assertEquals(without.trace(), with.trace());
    assertEquals(List.of("t=0 hook", "t=10 hook", "t=20 hook", "t=30 hook", "t=35 hook", "t=35 timeout"), with.log());
    assertEquals(List.of(10, 10, 10, 10), zeros.offered(ChoicePoint.HOOK_REPOLL), "each wait, 0 to 9 ms earlier");
  }

  @Test
  void optionIRepollsIMillisecondsEarlier() throws Exception {
    ScriptedChoices source = new ScriptedChoices();
    assertEquals(List.of("t=0 hook", "t=1 hook", "t=8 hook", "t=18 hook", "t=28 hook", "t=35 hook", "t=35 timeout"),
        run(source, 10, quietSelect(source, 9, 3)).log());
  }

  @Test
  void anIntervalOfOneMillisecondIsNoChoice() throws Exception {
    ScriptedChoices source = new ScriptedChoices();
    Run run = run(source, 1, quietSelect(source, 5));
    assertEquals(List.of(), source.offered(ChoicePoint.HOOK_REPOLL));
    assertEquals(37, run.log().size(), "a hook call each millisecond from 0 to 35, then the timeout");
  }

  @Test
  void theDefaultHookIsNotRepolled() throws Exception {
    ScriptedChoices source = new ScriptedChoices();
    run(source, 10, (emu, ws, user) -> {
      startup(ws, 0x0101);
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      source.answerNext(ChoicePoint.HOOK_REPOLL, 5);
      fd_set read = new fd_set();
      FD_SET(s, read);
      assertEquals(0, ws.select(0, read, null, null, new timeval(0, 35_000)));
      source.stopRecording();
      return 0;
    });
    assertEquals(List.of(), source.offered(ChoicePoint.HOOK_REPOLL));
  }
}
