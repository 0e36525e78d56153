package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wsemu.net.NetError;
import org.wsemu.net.NetworkTimer;
import org.wsemu.net.TcpEndpoint;

/**
 * The simulated network's lock and timers: where scheduling only enqueues, a timer is queued under
 * the lock, so that the queue keeps the order the lock gave the operations; where scheduling may
 * run due actions (a thread outside the emulator's tasks with a virtual clock), nothing is
 * scheduled under the lock, the timers of one operation are queued together from one action due
 * now, and one cancelled before that never runs.
 */
class SimLockTest {
  private static final int SERVER = 0x0A000002;

  private final FakeEnvironment env = new FakeEnvironment();
  private final SimulatedNetwork sim = SimRuns.twoHosts(Duration.ofMillis(5)).build();
  private final AtomicReference<PeerConnection> served = new AtomicReference<>();
  private SimNetworkState net;

  private TcpEndpoint connected() {
    sim.listen("server", 7, connection -> {
      served.set(connection);
      return () -> { };
    });
    net = (SimNetworkState) sim.create(env);
    env.forbidSchedulingWhile("the network's lock where scheduling may run actions",
        () -> net.lock.isHeldByCurrentThread() && env.schedulingRunsDueActions());
    TcpEndpoint client = net.openTcp();
    assertEquals(NetError.WOULD_BLOCK, NetError.of(client.connect(SERVER, 7)));
    env.runAll();
    assertEquals(0, client.finishConnect());
    assertNotNull(served.get(), "the peer took the connection");
    return client;
  }

  @Test
  void whereSchedulingOnlyEnqueuesATimerIsQueuedUnderTheLock() {
    SimLock lock = new SimLock();
    lock.attach(env);
    lock.lock();
    lock.at(5, () -> { });
    assertEquals(1, env.queued(), "queued in the lock's order, before another thread can ask for one");
    lock.unlock();
  }

  @Test
  void aTimerHeldBackAndCancelledBeforeItIsQueuedNeverRuns() {
    SimLock lock = new SimLock();
    lock.attach(env);
    env.callingTask(0);
    List<String> ran = new ArrayList<>();
    lock.lock();
    NetworkTimer before = lock.at(10, () -> ran.add("before"));
    NetworkTimer after = lock.at(10, () -> ran.add("after"));
    lock.at(20, () -> ran.add("kept"));
    assertTrue(before.cancel(), "held back: the cancel claims it");
    lock.unlock();
    assertEquals(1, env.queued(), "one action due now queues the rest");
    assertTrue(after.cancel(), "not queued yet: the cancel claims it");
    assertEquals(false, after.cancel(), "once");
    env.runAll();
    assertEquals(List.of("kept"), ran);
  }

  @Test
  void outsideTheTasksTheTimersOfOneOperationAreQueuedFromOneActionDueNow() {
    net = (SimNetworkState) sim.create(env);
    env.callingTask(0); // a thread outside the emulator's tasks, with a virtual clock
    TcpEndpoint client = net.openTcp();
    assertEquals(NetError.WOULD_BLOCK, NetError.of(client.connect(SERVER, 7)));
    assertEquals(List.of(0L), env.dueOutside(), "not the SYN at 5 and the timeout at 21000 one by one");
    env.runAll();
    assertEquals(NetError.REFUSED, NetError.of(client.finishConnect()), "nobody listens");
  }

  @Test
  void aThreadOutsideTheTasksNeverSchedulesUnderTheLock() {
    TcpEndpoint client = connected();
    env.callingTask(0);
    assertEquals(5, client.write(new byte[] {1, 2, 3, 4, 5}, 0, 5));
    client.close(false);
    env.runAll();
    assertEquals(List.of(), env.violations());
  }
}
