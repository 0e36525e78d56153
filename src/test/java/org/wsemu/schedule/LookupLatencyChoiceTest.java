package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.schedule.ChoicePrograms.loggingWindow;
import static org.wsemu.schedule.ChoicePrograms.pumpUntil;
import static org.wsemu.schedule.ChoicePrograms.startup;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.schedule.ChoicePrograms.Run;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.user.WinUser;

/** {@link ChoicePoint#LOOKUP_LATENCY}: the extra latency of a WSAAsyncGetXByY request. */
@Timeout(20)
class LookupLatencyChoiceTest {
  private static final int WM_REPLY = WinUser.WM_USER + 2;
  private static final UnaryOperator<Emulator.Builder> TEN_MS = b -> b.lookupLatency(Duration.ofMillis(10));

  /** Two asynchronous lookups, one after the other (the second waits for the first): their replies. */
  private static Emus.AppBody twoLookups(ScriptedChoices arm, int... extra) {
    return (emu, ws, user) -> {
      startup(ws);
      int hwnd = loggingWindow(user);
      if (arm != null) {
        arm.answerNext(ChoicePoint.LOOKUP_LATENCY, extra);
      }
      int first = ws.WSAAsyncGetHostByName(hwnd, WM_REPLY, "localhost", new byte[MAXGETHOSTSTRUCT], MAXGETHOSTSTRUCT);
      int second = ws.WSAAsyncGetServByName(hwnd, WM_REPLY, "telnet", "tcp", new byte[MAXGETHOSTSTRUCT], MAXGETHOSTSTRUCT);
      assertTrue(first != 0 && second != 0);
      pumpUntil(user, 2);
      if (arm != null) {
        arm.stopRecording();
      }
      return 0;
    };
  }

  private static List<String> times(Run run) {
    return run.log().stream().map(line -> line.substring(0, line.indexOf(' '))).toList();
  }

  @Test
  void answeringZeroGivesTheTraceOfTheRunWithoutASource() throws Exception {
    Run without = ChoicePrograms.run(ChoiceSource.none(), TEN_MS, SimulatedNetwork.builder().build(), twoLookups(null));
    ScriptedChoices zeros = new ScriptedChoices();
    Run with = ChoicePrograms.run(zeros, TEN_MS, SimulatedNetwork.builder().build(), twoLookups(zeros));
    assertEquals(without.trace(), with.trace());
    assertEquals(List.of("t=10", "t=20"), times(with));
    assertEquals(List.of(21, 21), zeros.offered(ChoicePoint.LOOKUP_LATENCY), "each lookup, 0 to 20 ms");
  }

  @Test
  void aChosenLatencyDelaysTheReplyAndTheLookupsQueuedBehindIt() throws Exception {
    ScriptedChoices source = new ScriptedChoices();
    assertEquals(List.of("t=17", "t=30"),
        times(ChoicePrograms.run(source, TEN_MS, SimulatedNetwork.builder().build(), twoLookups(source, 7, 3))));
    ScriptedChoices withoutLatency = new ScriptedChoices();
    assertEquals(List.of("t=20", "t=20"), times(ChoicePrograms.run(withoutLatency, UnaryOperator.identity(),
        SimulatedNetwork.builder().build(), twoLookups(withoutLatency, 20, 0))), "latency 0 is the configured default");
  }
}
