package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.schedule.ChoicePrograms.log;
import static org.wsemu.schedule.ChoicePrograms.loopback;
import static org.wsemu.schedule.ChoicePrograms.pair;
import static org.wsemu.schedule.ChoicePrograms.startup;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.ntohs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.schedule.ChoicePrograms.Run;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/** {@link ChoicePoint#NETWORK_DELAY}: the extra delay of each simulated packet. */
@Timeout(20)
class NetworkDelayChoiceTest {

  /** Sends "x" then "y" on a connection and receives until both came, logging each receive. */
  private static Emus.AppBody twoSegments(ScriptedChoices arm, int... delays) {
    return (emu, ws, user) -> {
      startup(ws);
      int[] p = pair(ws);
      if (arm != null) {
        arm.answerNext(ChoicePoint.NETWORK_DELAY, delays);
      }
      assertEquals(1, ws.send(p[0], new byte[] {'x'}, 1, 0));
      assertEquals(1, ws.send(p[0], new byte[] {'y'}, 1, 0));
      int got = 0;
      while (got < 2) {
        byte[] buf = new byte[8];
        int n = ws.recv(p[1], buf, buf.length, 0);
        log(user, "recv " + n + " " + new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII));
        got += Math.max(n, 1);
      }
      if (arm != null) {
        arm.stopRecording();
      }
      return 0;
    };
  }

  /** Sends two datagrams, "x" then "y", and logs them as they are received. */
  private static Emus.AppBody twoDatagrams(ScriptedChoices arm, int... delays) {
    return (emu, ws, user) -> {
      startup(ws);
      int in = udpSocket(ws);
      int out = udpSocket(ws);
      sockaddr_in name = new sockaddr_in();
      assertEquals(0, ws.getsockname(in, name, new IntRef(sockaddr_in.SIZE)));
      arm.answerNext(ChoicePoint.NETWORK_DELAY, delays);
      assertEquals(1, ws.sendto(out, new byte[] {'x'}, 1, 0, loopback(ntohs(name.sin_port)), sockaddr_in.SIZE));
      assertEquals(1, ws.sendto(out, new byte[] {'y'}, 1, 0, loopback(ntohs(name.sin_port)), sockaddr_in.SIZE));
      for (int i = 0; i < 2; i++) {
        byte[] buf = new byte[8];
        int n = ws.recvfrom(in, buf, buf.length, 0, null, null);
        log(user, "recvfrom " + n + " " + new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII));
      }
      arm.stopRecording();
      return 0;
    };
  }

  private static int udpSocket(WinsockApi ws) {
    int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
    assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
    return s;
  }

  @Test
  void answeringZeroGivesTheTraceOfTheRunWithoutASourceAndEachPacketIsOfferedTheLimitPlusOne() throws Exception {
    Run without = ChoicePrograms.run(ChoiceSource.none(), twoSegments(null));
    ScriptedChoices zeros = new ScriptedChoices();
    Run with = ChoicePrograms.run(zeros, twoSegments(zeros));
    assertEquals(without.trace(), with.trace());
    assertEquals(List.of("t=0 recv 2 xy"), with.log());
    assertEquals(List.of(6, 6), zeros.offered(ChoicePoint.NETWORK_DELAY), "two segments, 0 to 5 ms each");
    ScriptedChoices wider = new ScriptedChoices(new ChoiceLimits(9, 0, 0));
    ChoicePrograms.run(wider, twoSegments(wider));
    assertEquals(List.of(10, 10), wider.offered(ChoicePoint.NETWORK_DELAY));
    assertEquals(List.of(), wider.offered(ChoicePoint.TIMER_PHASE), "a limit of 0 is no choice");
  }

  @Test
  void aDelayedSegmentArrivesThatMuchLaterAndTheNextOneStillAfterIt() throws Exception {
    ScriptedChoices second = new ScriptedChoices();
    assertEquals(List.of("t=0 recv 1 x", "t=5 recv 1 y"), ChoicePrograms.run(second, twoSegments(second, 0, 5)).log());
    ScriptedChoices first = new ScriptedChoices();
    assertEquals(List.of("t=5 recv 2 xy"), ChoicePrograms.run(first, twoSegments(first, 5, 0)).log(),
        "y, not delayed, waits for x: TCP delivers in order");
    ScriptedChoices both = new ScriptedChoices();
    assertEquals(List.of("t=3 recv 1 x", "t=4 recv 1 y"), ChoicePrograms.run(both, twoSegments(both, 3, 4)).log());
  }

  @Test
  void aDelayedDatagramIsOvertakenByTheNextOne() throws Exception {
    ScriptedChoices inOrder = new ScriptedChoices();
    assertEquals(List.of("t=0 recvfrom 1 x", "t=0 recvfrom 1 y"), ChoicePrograms.run(inOrder, twoDatagrams(inOrder)).log());
    assertEquals(List.of(6, 6), inOrder.offered(ChoicePoint.NETWORK_DELAY));
    ScriptedChoices delayed = new ScriptedChoices();
    assertEquals(List.of("t=0 recvfrom 1 y", "t=5 recvfrom 1 x"),
        ChoicePrograms.run(delayed, twoDatagrams(delayed, 5, 0)).log());
  }

  @Test
  void theRealNetworkIgnoresTheChoice() throws Exception {
    ScriptedChoices source = new ScriptedChoices();
    Run run = ChoicePrograms.runIn(World.WIN16_REAL.builder(), source, UnaryOperator.identity(), twoSegments(source, 5, 5));
    assertEquals(List.of(), source.offered(ChoicePoint.NETWORK_DELAY));
    assertEquals("xy", run.log().stream().map(line -> line.substring(line.lastIndexOf(' ') + 1)).reduce("", String::concat),
        "both bytes, in order, however the real network split them");
  }
}
