package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.schedule.ChoicePrograms.log;
import static org.wsemu.schedule.ChoicePrograms.loggingWindow;
import static org.wsemu.schedule.ChoicePrograms.pair;
import static org.wsemu.schedule.ChoicePrograms.pumpUntil;
import static org.wsemu.schedule.ChoicePrograms.startup;
import static org.wsemu.winsock.WinSock.FD_READ;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.schedule.ChoicePrograms.Run;
import org.wsemu.user.WinUser;

/** {@link ChoicePoint#DUE_ORDER}: which of the actions due at the same instant runs next. */
@Timeout(20)
class DueOrderChoiceTest {
  private static final int WM_SOCKET = WinUser.WM_USER + 1;

  /**
   * Two connections get a byte each at the same instant, both sockets selected for FD_READ to one
   * window: the order of the two arrivals is the order of the two FD_READ messages.
   */
  private static Run twoArrivals(ChoiceSource choices, ScriptedChoices arm, int answer) throws Exception {
    return ChoicePrograms.run(choices, (emu, ws, user) -> {
      startup(ws);
      int hwnd = loggingWindow(user);
      int[] a = pair(ws);
      int[] b = pair(ws);
      log(user, "a=" + a[1] + " b=" + b[1]);
      assertEquals(0, ws.WSAAsyncSelect(a[1], hwnd, WM_SOCKET, FD_READ));
      assertEquals(0, ws.WSAAsyncSelect(b[1], hwnd, WM_SOCKET, FD_READ));
      if (arm != null) {
        arm.answerNext(ChoicePoint.DUE_ORDER, answer);
      }
      assertEquals(1, ws.send(a[0], new byte[] {'a'}, 1, 0));
      assertEquals(1, ws.send(b[0], new byte[] {'b'}, 1, 0));
      pumpUntil(user, 3);
      if (arm != null) {
        arm.stopRecording();
      }
      return 0;
    });
  }

  @Test
  void answeringZeroGivesTheTraceOfTheRunWithoutASource() throws Exception {
    Run without = twoArrivals(ChoiceSource.none(), null, 0);
    ScriptedChoices zeros = new ScriptedChoices();
    Run with = twoArrivals(zeros, zeros, 0);
    assertEquals(without.trace(), with.trace());
    assertEquals(without.log(), with.log());
    assertEquals(List.of(4, 3, 2), zeros.offered(ChoicePoint.DUE_ORDER),
        "due at t=0: the wake-ups of the two WSAAsyncSelect calls, then the two arrivals; one fewer each time");
  }

  @Test
  void answeringTheLastRunsTheSecondArrivalBeforeTheFirst() throws Exception {
    List<String> inOrder = twoArrivals(ChoiceSource.none(), null, 0).log();
    String[] sockets = inOrder.get(0).split(" ");
    String a = sockets[1].substring(2);
    String b = sockets[2].substring(2);
    assertEquals(List.of("t=0 a=" + a + " b=" + b, "t=0 0x401 " + a + " 1", "t=0 0x401 " + b + " 1"), inOrder);
    ScriptedChoices last = new ScriptedChoices();
    assertEquals(List.of(inOrder.get(0), "t=0 0x401 " + b + " 1", "t=0 0x401 " + a + " 1"), twoArrivals(last, last, 3).log(),
        "option 3 of 4: b's arrival, so b's FD_READ is posted first");
    assertEquals(List.of(4, 3, 2), last.offered(ChoicePoint.DUE_ORDER));
    ScriptedChoices second = new ScriptedChoices();
    assertEquals(inOrder, twoArrivals(second, second, 1).log(), "option 1 of 4: b's wake-up, which posts nothing");
  }

  /**
   * Three segments of one connection due at the same instant: whatever order the source gives the
   * actions due then, the receiver reads the bytes in the order sent, as TCP delivers them.
   */
  @Test
  void theSegmentsOfOneConnectionArriveInTheOrderSentWhateverTheChoice() throws Exception {
    for (int answer = 0; answer < 3; answer++) {
      ScriptedChoices last = new ScriptedChoices();
      List<Integer> offered = new java.util.ArrayList<>();
      int chosen = answer;
      Run run = ChoicePrograms.run(last, (emu, ws, user) -> {
        startup(ws);
        int[] a = pair(ws);
        last.answerNext(ChoicePoint.DUE_ORDER, chosen, chosen, chosen);
        for (byte c : new byte[] {'l', 's', '\r'}) {
          assertEquals(1, ws.send(a[0], new byte[] {c}, 1, 0));
        }
        StringBuilder read = new StringBuilder();
        byte[] buf = new byte[8];
        while (read.length() < 3) {
          int n = ws.recv(a[1], buf, buf.length, 0);
          assertTrue(n > 0, "recv " + n);
          read.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII));
        }
        log(user, read.toString().replace("\r", "CR"));
        offered.addAll(last.offered(ChoicePoint.DUE_ORDER));
        last.stopRecording();
        return 0;
      });
      assertEquals(List.of("t=0 lsCR"), run.log(), "answer " + answer);
      assertEquals(List.of(3, 2), offered, "the three arrivals due at t=0, one fewer each time");
    }
  }
}
