package org.wsemu.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkTimer;
import org.wsemu.net.NetworkTrace;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.task.OpenResources;

/**
 * The state of one simulated network: hosts, links, endpoints, fault rules, the seeded random
 * source, and the emulator it serves.
 *
 * <p>Thread-safe through one lock. Everything that changes the network's state runs under it, and
 * nothing runs callbacks under it: readiness callbacks, peer code and deferred work go to an outbox
 * that the outermost {@link #unlock} runs after releasing the lock, each at the emulator's
 * callback boundary ({@link NetworkCallbacks}: one that throws is reported and the rest still run). Every packet
 * travels as an
 * action on the emulator's timer queue, so with a virtual clock the network moves only in virtual
 * time, in the order the queue fixes, which makes it deterministic.
 */
final class SimNet implements Network {
  /** Payload bytes per TCP segment. */
  static final int MSS = 1460;
  /** Header bytes counted against bandwidth for every packet. */
  static final int HEADER = 40;
  /** The largest UDP payload: 65535 - 20 (IP) - 8 (UDP). */
  static final int MAX_DATAGRAM = 65507;
  /** Socket buffer sizes before SO_SNDBUF / SO_RCVBUF change them, as on Windows. */
  static final int DEFAULT_BUFFER = 8192;

  private final ReentrantLock lock = new ReentrantLock();
  private List<Runnable> outbox = new ArrayList<>();
  private List<HeldTimer> held = new ArrayList<>();
  final SimConfig config;
  private final SplittableRandom random;
  private final Map<Integer, SimHost> hostsByIp = new LinkedHashMap<>();
  private final Map<String, SimHost> hostsByName = new HashMap<>();
  final SimHost localHost;
  private final Map<Integer, SimHost> taskHosts = new HashMap<>();
  private final Map<String, LinkState> links = new HashMap<>();
  final Set<SimTcpEndpoint> tcpEndpoints = new LinkedHashSet<>();
  final Set<SimUdpEndpoint> udpEndpoints = new LinkedHashSet<>();
  final FaultRules rules = new FaultRules();
  private NetworkEnvironment env;
  private volatile NetworkCallbacks callbacks;
  private final List<Runnable> deferred = new ArrayList<>();
  private boolean stopped;
  private long packets; // guarded by the lock

  SimNet(SimConfig config) {
    this.config = config;
    this.random = new SplittableRandom(config.seed());
    for (SimConfig.HostSpec spec : config.hosts()) {
      SimHost host = new SimHost(spec.name(), spec.ip(), spec.aliases());
      hostsByIp.put(host.ip, host);
      hostsByName.put(host.name.toLowerCase(Locale.ROOT), host);
      for (String alias : spec.aliases()) {
        hostsByName.putIfAbsent(alias.toLowerCase(Locale.ROOT), host);
      }
    }
    this.localHost = hostsByIp.values().iterator().next();
  }

  // ---- lock and outbox ----

  void lock() {
    lock.lock();
  }

  /**
   * Releases the lock; the outermost release hands the timers held back for a thread outside the
   * emulator to the timer queue, then runs what was put in the outbox meanwhile.
   */
  void unlock() {
    List<Runnable> fire = null;
    List<HeldTimer> release = null;
    if (lock.getHoldCount() == 1) {
      if (!outbox.isEmpty()) {
        fire = outbox;
        outbox = new ArrayList<>();
      }
      if (!held.isEmpty()) {
        release = held;
        held = new ArrayList<>();
      }
    }
    lock.unlock();
    if (release != null) {
      releaseHeld(release); // first: they were asked for before anything the outbox will ask for
    }
    if (fire != null) {
      for (Runnable action : fire) {
        callbacks.run("network callback", action);
      }
    }
  }

  /** Where code the network does not own runs: the emulator's callback boundary (attached). */
  NetworkCallbacks callbacks() {
    return callbacks;
  }

  /** Runs {@code action} once the lock is released (lock held). */
  void later(Runnable action) {
    outbox.add(action);
  }

  /** Runs {@code operation} under the lock and returns its result. */
  int call(java.util.function.IntSupplier operation) {
    lock();
    try {
      return operation.getAsInt();
    } finally {
      unlock();
    }
  }

  /** Evaluates {@code condition} under the lock. */
  boolean test(java.util.function.BooleanSupplier condition) {
    lock();
    try {
      return condition.getAsBoolean();
    } finally {
      unlock();
    }
  }

  /** Runs {@code action} under the lock. */
  void locked(Runnable action) {
    lock();
    try {
      action.run();
    } finally {
      unlock();
    }
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
      callbacks = environment.callbacks();
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

  /**
   * Runs {@code action} under the lock at clock time {@code due}, unless the network stopped (lock
   * held).
   *
   * <p>With a virtual clock, a thread outside the emulator (a test's peer, a fault set up from the
   * test thread) does not put its timers on the queue one by one: the kernel runs the queue at once
   * for such a thread when no task can run, so the first timer of an operation (a connect's
   * timeout) would fire, and time jump to it, before the operation had scheduled its earlier ones
   * (the SYN). They are held until the outermost unlock and then go on the queue together.
   */
  NetworkTimer at(long due, Runnable action) {
    Runnable guarded = () -> locked(() -> {
      if (!stopped) {
        action.run();
      }
    });
    if (!env.schedulingRunsDueActions()) {
      return env.schedule(due, guarded);
    }
    HeldTimer timer = new HeldTimer(due, guarded);
    held.add(timer);
    return timer;
  }

  /**
   * Puts held timers on the queue, in the order they were asked for, from one action due now: it
   * runs inside the scheduler, where scheduling runs nothing, so all are queued before time moves.
   */
  private void releaseHeld(List<HeldTimer> timers) {
    env.schedule(now(), () -> timers.forEach(timer -> timer.schedule(env)));
  }

  /** A timer asked for outside the emulator's tasks, not yet on the queue. */
  private static final class HeldTimer implements NetworkTimer {
    private final long due;
    private final Runnable action;
    private NetworkTimer queued;
    private boolean cancelled;

    HeldTimer(long due, Runnable action) {
      this.due = due;
      this.action = action;
    }

    synchronized void schedule(NetworkEnvironment environment) {
      if (!cancelled) {
        queued = environment.schedule(due, action);
      }
    }

    @Override
    public synchronized boolean cancel() {
      if (cancelled) {
        return false;
      }
      cancelled = true;
      return queued == null || queued.cancel();
    }
  }

  NetworkTimer after(long delayMillis, Runnable action) {
    return at(now() + Math.max(0, delayMillis), action);
  }

  // ---- hosts, tasks, links ----

  static boolean isLoopback(int ip) {
    return (ip >>> 24) == 127;
  }

  static String address(int ip, int port) {
    return SimulatedNetwork.dotted(ip) + ":" + port;
  }

  /** The host named {@code name} (or an alias), ignoring case. */
  SimHost host(String name) {
    SimHost host = hostsByName.get(name.toLowerCase(Locale.ROOT));
    if (host == null) {
      throw new IllegalArgumentException("no simulated host named " + name + "; hosts: " + hostsByName.keySet());
    }
    return host;
  }

  /** The host an address reaches from {@code from}: itself for loopback; null if nobody has it. */
  SimHost resolve(SimHost from, int ip) {
    return isLoopback(ip) ? from : hostsByIp.get(ip);
  }

  Iterable<SimHost> hosts() {
    return hostsByIp.values();
  }

  void place(int task, SimHost host) {
    taskHosts.put(task, host);
  }

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
      place(task, host);
      return task;
    } finally {
      unlock();
    }
  }

  void unplace(int task) {
    taskHosts.remove(task);
  }

  /** The host of the calling task (lock held): where it was placed, or the first host. */
  SimHost callerHost() {
    int task = env == null ? 0 : env.currentTask();
    return taskHosts.getOrDefault(task, localHost);
  }

  /** One direction of the link between two hosts. */
  LinkState link(SimHost from, SimHost to) {
    String key = from.name + "->" + to.name;
    LinkState state = links.get(key);
    if (state == null) {
      Link configured = from == to ? Link.LOOPBACK
          : config.links().getOrDefault(SimConfig.pairKey(from.name, to.name), config.defaultLink());
      state = new LinkState(from, to, configured);
      links.put(key, state);
    }
    return state;
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
   * when it arrives. A reliable (TCP) packet never overtakes an earlier one on the same link and
   * waits out a partition; an unreliable one (a datagram) may be lost or cut off.
   *
   * @return false if the packet was lost
   */
  boolean send(LinkState link, int payload, boolean reliable, Throttle throttle, Runnable arrive) {
    if (link.partitioned) {
      if (!reliable) {
        fault("drop", "link", link.label(), "why", "partition", "len", payload);
        return false;
      }
      link.held.add(() -> send(link, payload, true, throttle, arrive));
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
    long arrival = (long) Math.ceil(start) + character.latency().toMillis();
    long jitter = character.jitter().toMillis();
    if (jitter > 0) {
      arrival += random.nextLong(jitter + 1);
    }
    if (reliable) {
      arrival = Math.max(arrival, link.lastReliableArrival);
      link.lastReliableArrival = arrival;
    }
    at(arrival, () -> {
      packets++;
      arrive.run();
    });
    return true;
  }

  /** Heals the partition of one direction: the held packets go, in order. */
  void heal(LinkState link) {
    link.partitioned = false;
    List<Runnable> held = new ArrayList<>(link.held);
    link.held.clear();
    held.forEach(Runnable::run);
  }

  /** A draw from the seed: true with {@code probability}. Draws nothing for 0. */
  boolean chance(double probability) {
    return probability > 0 && random.nextDouble() < probability;
  }

  /** A draw from the seed in {@code min..max}. */
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
