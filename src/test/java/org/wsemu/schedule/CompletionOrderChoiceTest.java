package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.schedule.ChoicePrograms.log;
import static org.wsemu.schedule.ChoicePrograms.pair;
import static org.wsemu.schedule.ChoicePrograms.startup;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock2.INFINITE;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.schedule.ChoicePrograms.Run;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WSABUF;
import org.wsemu.winsock.WSAOVERLAPPED;

/**
 * {@link ChoicePoint#COMPLETION_ORDER}: the order in which overlapped operations that complete
 * together are indicated. The simulated network draws it from its seed; option {@code i} takes the
 * {@code i}-th operation after the drawn one, so option 0 is the draw.
 */
@Timeout(20)
class CompletionOrderChoiceTest {

  /** Three receives of 4 bytes posted with routines, 12 bytes arriving at once: the routines' order. */
  private static Emus.AppBody threeReceives(ScriptedChoices arm, int... answers) {
    return (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      byte[][] bufs = {new byte[4], new byte[4], new byte[4]};
      if (arm != null) {
        arm.answerNext(ChoicePoint.COMPLETION_ORDER, answers);
      }
      for (int i = 0; i < 3; i++) {
        int index = i;
        assertEquals(SOCKET_ERROR, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(4, bufs[i])}, 1, new IntRef(-1),
            new IntRef(0), new WSAOVERLAPPED(), (error, n, ov, flags) -> log(user, "routine " + index + " "
                + new String(bufs[index], StandardCharsets.US_ASCII))));
        assertEquals(WSA_IO_PENDING, ws.WSAGetLastError());
      }
      assertEquals(12, ws.send(p[0], "abcdefghijkl".getBytes(StandardCharsets.US_ASCII), 12, 0));
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(INFINITE, true));
      if (arm != null) {
        arm.stopRecording();
      }
      return 0;
    };
  }

  private static Run run(long seed, ChoiceSource source, Emus.AppBody body) throws Exception {
    return ChoicePrograms.run(source, UnaryOperator.identity(), SimulatedNetwork.builder().seed(seed).build(), body);
  }

  private static List<String> order(Run run) {
    return run.log().stream().map(line -> line.substring(line.indexOf("routine ") + 8, line.indexOf("routine ") + 9)).toList();
  }

  @Test
  void answeringZeroKeepsTheOrderTheSeedDraws() throws Exception {
    for (long seed : new long[] {0, 2}) {
      Run without = run(seed, ChoiceSource.none(), threeReceives(null));
      ScriptedChoices zeros = new ScriptedChoices();
      Run with = run(seed, zeros, threeReceives(zeros));
      assertEquals(without.trace(), with.trace(), "seed " + seed);
      assertEquals(seed == 0 ? List.of("0", "1", "2") : List.of("2", "0", "1"), order(with), "seed " + seed);
      assertEquals(List.of("t=0 routine 0 abcd", "t=0 routine 1 efgh", "t=0 routine 2 ijkl"),
          with.log().stream().sorted().toList(), "the buffers fill in posted order whatever the indication order");
      assertEquals(List.of(3, 2), zeros.offered(ChoicePoint.COMPLETION_ORDER), "three, then the two left");
    }
  }

  @Test
  void optionIIndicatesTheIthOperationAfterTheDrawnOne() throws Exception {
    ScriptedChoices reversed = new ScriptedChoices();
    assertEquals(List.of("2", "1", "0"), order(run(0, reversed, threeReceives(reversed, 2, 1))));
    ScriptedChoices rotated = new ScriptedChoices();
    assertEquals(List.of("0", "2", "1"), order(run(2, rotated, threeReceives(rotated, 1, 1))),
        "seed 2 draws 2 then the first of the two left: one after each");
  }
}
