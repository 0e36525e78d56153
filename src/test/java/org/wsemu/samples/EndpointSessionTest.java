package org.wsemu.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.samples.EndpointSession.Outcome;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The endpoint session against {@link LineServer} (real worlds) and {@link LineServer#simulated}
 * (simulated worlds): its outcomes, what it prints, and the cancellation order in the endpoint's
 * trace. WIN16_SIM is exact, times included.
 */
@Timeout(60)
class EndpointSessionTest {
  private static final int SIM_PORT = 5000;
  /** The input time-out in virtual time; on a real clock a longer one, so that a loaded machine keeps up. */
  private static final int TIMEOUT = 400;
  private static final int REAL_TIMEOUT = 1_000;
  private static final String T = "\\[t=\\s*\\d+ ms\\] ";

  @World.AllWorlds
  void aHungServerTimesOutTheInputSpecWhichCancelsThePendingOutputsFirstThenTheSessionReconnects(World world)
      throws Exception {
    Run run = session(world, List.of(true, false));

    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.BYE), run.outcomes);
    // the endpoint's own account: the time-out begins the cancel, the two Outputs still pending
    // complete with -16005 in the order made, then the cancel completes to the input spec
    assertEquals(List.of(
        "EndpointCancel SetInputSpec#3 timeout async",
        "EndpointComplete Output#6 -16005",
        "EndpointComplete Output#7 -16005",
        "EndpointComplete SetInputSpec#3 -16005 endsCancel"), run.cancellation());
    if (world.virtualTime()) {
      assertEquals(EndpointSessionTranscript.SIMULATED_400_MS, run.lines);
    } else {
      assertLinesMatch(List.of(
          T + "connection 1: connected to 127\\.0\\.0\\.1:\\d+",
          T + "< WELCOME to the line server, connection 1",
          T + "< line 1 of 3",
          T + "< line 2 of 3",
          T + "< line 3 of 3",
          T + "< \\.",
          T + "> PUT 16777216, the file, QUIT \\(three asynchronous Outputs\\)",
          T + "Output of 16777216 bytes: -16005 \\(kCommErrRequestCanceled\\), \\d+ of 16777216 bytes sent",
          T + "Output \"QUIT\": -16005 \\(kCommErrRequestCanceled\\), 0 of 6 bytes sent",
          T + "input spec: no line within " + timeout(world) + " ms; the cancel completes: -16005 \\(kCommErrRequestCanceled\\)",
          T + "connection 1: disconnected",
          T + "connection 2: connected to 127\\.0\\.0\\.1:\\d+",
          ">> the second list >>",
          T + "< OK 16777216 bytes received",
          T + "< BYE",
          T + "input spec: the server closed the connection: -16013 \\(kCommErrConnectionAborted\\)",
          T + "connection 2: the server has disconnected"), run.lines);
    }
  }

  @World.AllWorlds
  void aServerThatAnswersEndsTheSessionAfterOneConnectionWithNothingCancelled(World world) throws Exception {
    Run run = session(world, List.of(false));

    assertEquals(List.of(Outcome.BYE), run.outcomes);
    assertEquals(List.of(), run.cancellation());
    assertLinesMatch(List.of(
        T + "connection 1: connected to 127\\.0\\.0\\.1:\\d+",
        ">> the list >>",
        T + "> PUT 16777216, the file, QUIT \\(three asynchronous Outputs\\)",
        T + "< OK 16777216 bytes received",
        T + "< BYE",
        T + "input spec: the server closed the connection: -16013 \\(kCommErrConnectionAborted\\)",
        T + "connection 1: the server has disconnected"), run.lines);
  }

  @World.AllWorlds
  void aServerThatAlwaysHangsTimesOutTwiceAndTheSessionGivesUp(World world) throws Exception {
    Run run = session(world, List.of(true));

    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.TIMED_OUT), run.outcomes);
    assertEquals(2, run.lines.stream().filter(l -> l.contains("the cancel completes: -16005")).count(), run.lines.toString());
    assertEquals(List.of("connection 1: disconnected", "connection 2: disconnected"),
        run.lines.stream().filter(l -> l.contains("disconnected")).map(l -> l.substring(l.indexOf(']') + 2)).toList());
  }

  @World.AllWorlds
  void aRefusedConnectionIsAFailureWithNoConnectionEnd(World world) throws Exception {
    Run run;
    if (world.simulated()) {
      run = runSession(world, world.newNetwork(), SIM_PORT);        // nothing listens on it
    } else {
      try (Socket bound = new Socket()) {                          // bound, never listening: refused
        bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        run = runSession(world, null, bound.getLocalPort());
      }
    }

    assertEquals(List.of(Outcome.FAILED), run.outcomes);
    assertLinesMatch(List.of(T + "connection 1: Connect failed: -16007 \\(kCommErrNoConnectionEnd\\)"), run.lines);
  }

  @Test
  void aTimeoutBelowSetTimersMinimumIsRefused() {
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> EndpointSession.run(emu, new PrintWriter(new StringWriter()), SIM_PORT, 9));
      assertEquals("timeoutMillis 9 is below SetTimer's minimum of 10 ms", e.getMessage());
    }
  }

  @Test
  void theLineServerRefusesAnEmptyListOfHangsAndANegativeInterval() {
    assertEquals("hangs is empty: say for at least the first connection", assertThrows(IllegalArgumentException.class,
        () -> LineServer.simulated(List.of(), 100)).getMessage());
    assertEquals("intervalMillis < 0: -1", assertThrows(IllegalArgumentException.class,
        () -> LineServer.simulated(List.of(true), -1)).getMessage());
    assertEquals("hangs is empty: say for at least the first connection", assertThrows(IllegalArgumentException.class,
        () -> new LineServer(List.of(), 100)).getMessage());
  }

  // ---- helpers ----

  /** One session: its outcomes, printed lines and trace. */
  private record Run(List<Outcome> outcomes, List<String> lines, TraceRecorder trace) {
    /** The endpoint's NOTE events from each cancel's start to the completion that ends it. */
    List<String> cancellation() {
      List<String> steps = new java.util.ArrayList<>();
      boolean inCancel = false;
      for (TraceEvent e : trace.events(e -> e.kind() == TraceKind.NOTE)) {
        if (e.name().equals("EndpointCancel")) {
          inCancel = true;
          steps.add("EndpointCancel " + e.field("by") + " " + e.field("why") + " " + e.field("style"));
        } else if (inCancel && e.name().equals("EndpointComplete")) {
          boolean ends = Boolean.TRUE.equals(e.field("endsCancel"));
          steps.add("EndpointComplete " + e.field("request") + " " + e.field("result") + (ends ? " endsCancel" : ""));
          inCancel = !ends;
        }
      }
      return steps;
    }
  }

  private static int timeout(World world) {
    return world.virtualTime() ? TIMEOUT : REAL_TIMEOUT;
  }

  private static Run session(World world, List<Boolean> hangs) throws Exception {
    int interval = timeout(world) / 4;
    if (world.simulated()) {
      SimulatedNetwork net = world.newNetwork();
      net.listen(net.defaultHost(), SIM_PORT, LineServer.simulated(hangs, interval));
      return runSession(world, net, SIM_PORT);
    }
    try (LineServer server = new LineServer(hangs, interval)) {
      return runSession(world, null, server.port());
    }
  }

  private static Run runSession(World world, SimulatedNetwork net, int port) throws Exception {
    StringWriter out = new StringWriter();
    TraceRecorder trace = new TraceRecorder();
    List<Outcome> outcomes;
    try (Emulator emu = world.builder(net).traceSink(trace).build()) {
      outcomes = EndpointSession.run(emu, new PrintWriter(out, true), port, timeout(world));
    }
    return new Run(outcomes, out.toString().lines().toList(), trace);
  }
}
