package org.wsemu.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkTimer;
import org.wsemu.net.NetworkTrace;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.schedule.ChoicePoint;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.task.OpenResources;

/**
 * The state of one simulated network: its hosts and links ({@link Topology}), endpoints, fault
 * rules, the seeded random source, and the emulator it serves; and how packets travel.
 *
 * <p>Thread-safe through one lock, {@link #lock} (see {@link SimLock}): everything that changes the
 * network's state runs under it, and callbacks, peer code and timers wait for its release. Every
 * packet travels as an action on the emulator's timer queue, so with a virtual clock the network
 * moves only in virtual time, in the order the queue fixes, which makes it deterministic.
 */
final class SimNetworkState implements Network {
  /** Payload bytes per TCP segment. */
  static final int MSS = 1460;
  /** Header bytes counted against bandwidth for every packet. */
  static final int HEADER = 40;
  /** The largest UDP payload: 65535 - 20 (IP) - 8 (UDP). */
  static final int MAX_DATAGRAM = 65507;
  /** Socket buffer sizes before SO_SNDBUF / SO_RCVBUF change them, as on Windows. */
  static final int DEFAULT_BUFFER = 8192;

  final SimLock lock = new SimLock();
  final SimConfig config;
  final Topology topology;
  @GuardedBy("lock") final Set<SimTcpEndpoint> tcpEndpoints = new LinkedHashSet<>();
  @GuardedBy("lock") final Set<SimUdpEndpoint> udpEndpoints = new LinkedHashSet<>();
  @GuardedBy("lock") final FaultRules rules = new FaultRules();
  @GuardedBy("lock") private final SplittableRandom random;
  @GuardedBy("lock") private final List<Runnable> deferred = new ArrayList<>();
  @GuardedBy("lock") private boolean stopped;
  @GuardedBy("lock") private long packets;
  private volatile NetworkEnvironment env;

  SimNetworkState(SimConfig config) {
    this.config = config;
    this.topology = new Topology(config);
    this.random = new SplittableRandom(config.seed());
  }

  // ---- the lock ----

  void lock() {
    lock.lock();
  }

  void unlock() {
    lock.unlock();
  }

  /** Runs {@code action} once the lock is released (lock held). */
  void later(Runnable action) {
    lock.later(action);
  }

  /** Runs {@code operation} under the lock and returns its result. */
  int call(IntSupplier operation) {
    return lock.call(operation);
  }

  /** Evaluates {@code condition} under the lock. */
  boolean test(BooleanSupplier condition) {
    return lock.test(condition);
  }

  /** Runs {@code action} under the lock. */
  void locked(Runnable action) {
    lock.locked(action);
  }

  /** Where code the network does not own runs: the emulator's callback boundary (attached). */
  NetworkCallbacks callbacks() {
    return env.callbacks();
  }

  // ---- the emulator ----

  /** Connects the network to its emulator and runs what was asked for before. */
  void attach(NetworkEnvironment environment) {
    List<Runnable> early;
    lock();
    try {
      if (env != null) {
        throw new IllegalStateException("a SimulatedNetwork serves one emulator; build another for this one");
      }
      env = environment;
      lock.attach(environment);
      early = new ArrayList<>(deferred);
      deferred.clear();
    } finally {
      unlock();
    }
    early.forEach(this::locked);
  }

  /** Runs {@code action} under the lock now, or at attach time if the emulator is not built yet. */
  void whenAttached(Runnable action) {
    lock();
    try {
      if (env == null) {
        deferred.add(action);
        return;
      }
    } finally {
      unlock();
    }
    locked(action);
  }

  long now() {
    return env.now();
  }

  /** Runs {@code action} under the lock at clock time {@code due}, unless the network stopped (lock held). */
  NetworkTimer at(long due, Runnable action) {
    return lock.at(due, () -> locked(() -> {
      if (!stopped) {
        action.run();
      }
    }));
  }

  NetworkTimer after(long delayMillis, Runnable action) {
    return at(now() + Math.max(0, delayMillis), action);
  }

  /** Runs {@code due} (callbacks a change made due) once the lock is released, in order (lock held). */
  void later(List<Runnable> due) {
    lock.later(due);
  }

  /**
   * A callback whose condition holds already: it runs from the timer queue, like every delivery,
   * never on the thread that asked before that thread has its answer (lock held).
   */
  void soon(Runnable onReady) {
    at(now(), () -> later(onReady));
  }

  // ---- tasks ----

  /**
   * Places the calling task on {@code host}.
   *
   * @return the task's handle
   * @throws IllegalStateException if the caller is not a task of the emulator
   */
  int placeCaller(SimHost host) {
    lock();
    try {
      int task = env == null ? 0 : env.currentTask();
      if (task == 0) {
        throw new IllegalStateException("onHost bodies run as tasks of the emulator this network serves");
      }
      topology.place(task, host);
      return task;
    } finally {
      unlock();
    }
  }

  /** The host of the calling task (lock held): where it was placed, or the first host. */
  SimHost callerHost() {
    return topology.hostOf(env == null ? 0 : env.currentTask());
  }

  static String address(int ip, int port) {
    return SimulatedNetwork.dotted(ip) + ":" + port;
  }

  // ---- packets ----

  /** A receiver that takes data in at a limited rate (a slow reader). */
  static final class Throttle {
    final long bytesPerSecond;
    double freeAt;

    Throttle(long bytesPerSecond) {
      this.bytesPerSecond = bytesPerSecond;
    }
  }

  /**
   * Sends a packet of {@code payload} bytes over {@code link}; {@code arrive} runs under the lock
   * when it arrives. A reliable (TCP) packet never overtakes an earlier one on the same link,
   * arrives after the earlier ones of its channel whatever order exploration gives the actions due
   * at one instant, and waits out a partition; an unreliable one (a datagram) may be lost or cut
   * off (lock held).
   *
   * @param channel what a reliable packet keeps its order in (one direction of a connection,
   *     compared by identity); {@code null} for a datagram
   * @return false if the packet was lost
   */
  boolean send(LinkState link, int payload, Object channel, Throttle throttle, Runnable arrive) {
    boolean reliable = channel != null;
    if (link.partitioned) {
      if (!reliable) {
        fault("drop", "link", link.label(), "why", "partition", "len", payload);
        return false;
      }
      link.held.add(() -> send(link, payload, channel, throttle, arrive));
      return true;
    }
    Link character = link.link;
    if (!reliable) {
      if (link.dropNext > 0) {
        link.dropNext--;
        fault("drop", "link", link.label(), "why", "dropDatagrams", "len", payload);
        return false;
      }
      if (character.datagramLoss() > 0 && random.nextDouble() < character.datagramLoss()) {
        fault("drop", "link", link.label(), "why", "loss", "len", payload);
        return false;
      }
    }
    double start = Math.max(now(), link.freeAt);
    if (character.bytesPerSecond() > 0) {
      link.freeAt = start + (payload + HEADER) * 1000.0 / character.bytesPerSecond();
      start = link.freeAt;
    }
    if (throttle != null) {
      double begin = Math.max(start, throttle.freeAt);
      throttle.freeAt = begin + payload * 1000.0 / throttle.bytesPerSecond;
      start = throttle.freeAt;
    }
    long due = (long) Math.ceil(start) + character.latency().toMillis();
    long jitter = character.jitter().toMillis();
    if (jitter > 0) {
      due += random.nextLong(jitter + 1);
    }
    due += chosenDelay();
    Runnable arrival = arrive;
    if (reliable) {
      due = Math.max(due, link.lastReliableArrival);
      link.lastReliableArrival = due;
      arrival = link.inOrder(channel, arrive);
    }
    Runnable delivered = arrival;
    at(due, () -> {
      packets++;
      delivered.run();
    });
    return true;
  }

  /**
   * The extra delay of one packet that an exploring choice source chooses
   * ({@link ChoicePoint#NETWORK_DELAY}, 0 to its limit), or 0; it draws nothing from the seed.
   */
  private long chosenDelay() {
    ChoiceSource choices = env == null ? ChoiceSource.none() : env.choices();
    int options = choices.exploring() ? choices.limits().networkDelayMillis() + 1 : 1;
    if (options < 2) {
      return 0;
    }
    int chosen = choices.choose(ChoicePoint.NETWORK_DELAY, options);
    return chosen > 0 && chosen < options ? chosen : 0;
  }

  /** Heals the partition of one direction: the held packets go, in order (lock held). */
  void heal(LinkState link) {
    link.partitioned = false;
    List<Runnable> held = new ArrayList<>(link.held);
    link.held.clear();
    held.forEach(Runnable::run);
  }

  /** A draw from the seed: true with {@code probability}. Draws nothing for 0 (lock held). */
  boolean chance(double probability) {
    return probability > 0 && random.nextDouble() < probability;
  }

  /** A draw from the seed in {@code 0..bound-1}, for the Winsock layer (takes the lock). */
  @Override
  public int draw(int bound) {
    if (bound <= 1) {
      return 0;
    }
    return call(() -> (int) between(0, bound - 1L));
  }

  /** A draw from the seed in {@code min..max} (lock held). */
  long between(long min, long max) {
    return max <= min ? min : min + random.nextLong(max - min + 1);
  }

  // ---- trace ----

  void net(String name, Object... fields) {
    emit(NetworkTrace.Kind.NET, name, fields);
  }

  void fault(String name, Object... fields) {
    emit(NetworkTrace.Kind.FAULT, name, fields);
  }

  boolean tracesSegments() {
    return config.traceSegments();
  }

  private void emit(NetworkTrace.Kind kind, String name, Object... fields) {
    NetworkTrace trace = env == null ? null : env.trace();
    if (trace != null && trace.enabled()) {
      trace.event(kind, name, fields);
    }
  }

  // ---- Network ----

  @Override
  public TcpEndpoint openTcp() {
    lock();
    try {
      if (stopped) {
        return null;
      }
      SimTcpEndpoint endpoint = new SimTcpEndpoint(this, callerHost());
      tcpEndpoints.add(endpoint);
      return endpoint;
    } finally {
      unlock();
    }
  }

  @Override
  public UdpEndpoint openUdp() {
    lock();
    try {
      if (stopped) {
        return null;
      }
      SimUdpEndpoint endpoint = new SimUdpEndpoint(this, callerHost());
      udpEndpoints.add(endpoint);
      return endpoint;
    } finally {
      unlock();
    }
  }

  /** Packets that have arrived so far. */
  long packets() {
    lock();
    try {
      return packets;
    } finally {
      unlock();
    }
  }

  @Override
  public int maxDatagram() {
    return MAX_DATAGRAM;
  }

  @Override
  public String description() {
    return "Simulated network, seed " + config.seed();
  }

  @Override
  public OpenResources openResources() {
    int sockets = call(() -> tcpEndpoints.size() + udpEndpoints.size());
    return new OpenResources(List.of(), 0, sockets, 0);
  }

  @Override
  public void shutdown() {
    lock();
    try {
      if (stopped) {
        return;
      }
      stopped = true;
      for (SimTcpEndpoint endpoint : new ArrayList<>(tcpEndpoints)) {
        endpoint.close(true);
      }
      for (SimUdpEndpoint endpoint : new ArrayList<>(udpEndpoints)) {
        endpoint.close();
      }
    } finally {
      unlock();
    }
  }
}
