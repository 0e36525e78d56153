package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.pattern;
import static org.wsemu.sim.SimRuns.recvExactly;
import static org.wsemu.sim.SimRuns.sendAll;
import static org.wsemu.sim.SimRuns.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.CapturedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.LockProbe;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.trace.TraceSink;
import org.wsemu.user.MSG;

/**
 * Trace sinks are code the emulator does not own: in a Win16 run on the simulated network they run
 * holding neither the scheduler's lock nor the network's, so they may call back into the emulator
 * on their own thread; and the trace is the same as without them.
 */
class TraceSinkLocksTest {
  private static final long SEED = 1234;
  private static final Set<TraceKind> LOCKED_KINDS = EnumSet.of(TraceKind.NET, TraceKind.CLOCK, TraceKind.SWITCH, TraceKind.TIMER);

  @Test
  @Timeout(60)
  void sinksRunHoldingNeitherTheSchedulersLockNorTheNetworks() throws Exception {
    LockProbe probe = new LockProbe();
    String trace = DeterminismProgram.run(SEED, (emu, network) -> emu.trace().addSink(watching(probe, emu, network)));
    assertEquals(List.of(), probe.violations());
    assertTrue(probe.kinds().containsAll(Set.of(TraceKind.NET, TraceKind.FAULT, TraceKind.CLOCK, TraceKind.SWITCH)),
        "network, fault, clock and switch events were delivered: " + probe.kinds());
    assertEquals(DeterminismProgram.run(SEED), trace, "the probe changes nothing");
  }

  @Test
  @Timeout(30)
  void aSinkMayReadTheEmulatorAndTheNetworkAndRecordEventsOfItsOwn() throws Exception {
    SimulatedNetwork net = SimRuns.twoHosts(Duration.ofMillis(5)).build();
    net.listen("server", 7, Peers.echo());
    AtomicReference<Emulator> emulator = new AtomicReference<>();
    List<String> reads = new ArrayList<>(); // the sink's thread only, then the test's after the run
    Set<TraceKind> answered = EnumSet.noneOf(TraceKind.class);
    TraceSink callingBack = event -> {
      Emulator emu = emulator.get(); // null while the emulator is built
      if (emu != null && LOCKED_KINDS.contains(event.kind()) && answered.add(event.kind())) {
        reads.add(event.kind() + " tasks=" + emu.tasks().size() + " packets>0=" + (net.packets() > 0));
        emu.trace().event(TraceKind.NOTE, "-", "answered").with("seq", event.seq()).emit();
      }
    };
    TraceRecorder recorder = new TraceRecorder();
    LockProbe probe = new LockProbe();
    CapturedNetwork network = new CapturedNetwork(net);
    int code;
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).network(network)
        .traceSink(callingBack).traceSink(recorder).traceSink(probe).build()) {
      watching(probe, emu, (SimNetworkState) network.network());
      emulator.set(emu);
      code = Emus.run(emu, () -> {
        startup(emu.winsock());
        int s = connected(emu.winsock(), "10.0.0.2", 7);
        sendAll(emu.winsock(), s, pattern(3000));
        int got = recvExactly(emu.winsock(), s, 3000).length;
        emu.winsock().closesocket(s);
        emu.user().SetTimer(0, 0, 20, null);
        emu.user().GetMessage(new MSG(), 0, 0, 0);
        return got;
      });
    }
    assertEquals(3000, code);
    assertEquals(List.of(), probe.violations());
    assertEquals(List.of("SWITCH tasks=1 packets>0=false", "NET tasks=1 packets>0=false",
        "CLOCK tasks=1 packets>0=false", "TIMER tasks=1 packets>0=true"), reads);
    List<TraceEvent> events = recorder.events();
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).seq(), "every sink sees the events in seq order: " + events.get(i));
    }
    List<TraceEvent> answers = recorder.events(e -> e.name().equals("answered"));
    assertEquals(4, answers.size());
    for (TraceEvent answer : answers) {
      assertTrue(answer.seq() > (Long) answer.field("seq"), "recorded after the event it answers: " + answer);
    }
  }

  @Test
  @Timeout(60)
  void win32TasksOnTheNetworkHaveTheirEventsDeliveredOneAtATimeInSeqOrder() throws Exception {
    SimulatedNetwork net = SimRuns.twoHosts(Duration.ofMillis(1)).build();
    net.listen("server", 7, Peers.echo());
    SeqOrder order = new SeqOrder();
    LockProbe probe = new LockProbe();
    CapturedNetwork network = new CapturedNetwork(net);
    List<Task> clients = new ArrayList<>();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN32).network(network).traceSink(order).traceSink(probe).build()) {
      watching(probe, emu, (SimNetworkState) network.network());
      for (int i = 0; i < 4; i++) {
        clients.add(emu.createTask("client" + i, () -> {
          startup(emu.winsock());
          int total = 0;
          for (int round = 0; round < 10; round++) {
            int s = connected(emu.winsock(), "10.0.0.2", 7);
            sendAll(emu.winsock(), s, pattern(500));
            total += recvExactly(emu.winsock(), s, 500).length;
            emu.winsock().closesocket(s);
          }
          return total;
        }));
      }
      emu.start();
      for (Task client : clients) {
        assertEquals(10 * 500, Emus.join(client));
      }
    }
    assertEquals(List.of(), order.problems());
    assertTrue(order.count() > 500, "the tasks recorded events together: " + order.count());
    assertEquals(List.of(), probe.violations());
  }

  /** {@code probe}, told to look for the task locks of {@code emu} and the network's lock. */
  static LockProbe watching(LockProbe probe, Emulator emu, SimNetworkState network) {
    return probe.watch("a task's lock", () -> LockProbe.holdsATaskLock(emu))
        .watch("the network's lock", network.lock::isHeldByCurrentThread);
  }

  /** Checks that events come one at a time, numbered 1, 2, 3... with times that never go back. */
  private static final class SeqOrder implements TraceSink {
    private final List<String> problems = new ArrayList<>();
    private int inside;
    private long seq;
    private long time = Long.MIN_VALUE;

    @Override
    public void accept(TraceEvent event) {
      synchronized (this) {
        if (++inside != 1 || event.seq() != seq + 1 || event.time() < time) {
          problems.add(event + " after seq " + seq + " time " + time);
        }
        seq = event.seq();
        time = event.time();
      }
      Thread.onSpinWait(); // another delivery, were there one, would overlap here
      synchronized (this) {
        inside--;
      }
    }

    synchronized List<String> problems() {
      return List.copyOf(problems);
    }

    synchronized long count() {
      return seq;
    }
  }
}
