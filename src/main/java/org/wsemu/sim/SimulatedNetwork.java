package org.wsemu.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wsemu.net.NetError;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkFactory;
import org.wsemu.net.NetworkHost;
import org.wsemu.task.TaskBody;

/**
 * A deterministic simulated network behind the same Winsock API as the real one: hosts with
 * addresses and names, TCP with windows, FIN, RST and urgent data, UDP with loss and truncation,
 * links with latency, jitter and bandwidth, ready-made peers, and faults on a schedule or drawn
 * from a seed. Give it to {@code Emulator.Builder.network}; the application does not change.
 *
 * <pre>{@code
 * SimulatedNetwork net = SimulatedNetwork.builder().seed(7)
 *     .host("client", "10.0.0.1").host("server", "10.0.0.2")
 *     .link(Link.latency(Duration.ofMillis(20)).withBandwidth(125_000))
 *     .build();
 * net.listen("server", 7, Peers.echo());
 * Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).network(net).build();
 * }</pre>
 *
 * <p>Time: every packet is an action on the emulator's timer queue. With the virtual clock (Win16
 * mode's default) nothing happens between events and time jumps to the next one when no task can
 * run, so a transfer of ten simulated minutes takes milliseconds, and the same program with the
 * same seed gives the same trace byte for byte. With a real clock (Win32 mode) packets still keep
 * their simulated timing, but which task runs when is up to the operating system.
 *
 * <p>Hosts: tasks run on the first host unless {@link #onHost} places them elsewhere; 127.x.x.x is
 * always the calling task's own host. The hosts' names go into the emulator's hosts table.
 *
 * <p>One instance serves one emulator. Thread-safe: faults and peers may be set up from any thread,
 * before or after the emulator is built (before, they take effect when it is built).
 */
public final class SimulatedNetwork implements NetworkFactory {
  private final SimNetworkState net;

  private SimulatedNetwork(SimConfig config) {
    this.net = new SimNetworkState(config);
  }

  /** A builder with seed 0, no hosts yet (one named "local", 10.0.0.1, if none is added), default links. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- NetworkFactory ----

  /**
   * Connects this network to the emulator being built.
   *
   * @throws IllegalStateException if it already serves another emulator
   */
  @Override
  public Network create(NetworkEnvironment environment) {
    net.attach(environment);
    return net;
  }

  /** True: the simulated network runs on the virtual clock. */
  @Override
  public boolean supportsVirtualTime() {
    return true;
  }

  /** Every host with its address and aliases, for the emulator's hosts table. */
  @Override
  public List<NetworkHost> hosts() {
    List<NetworkHost> hosts = new ArrayList<>();
    for (SimConfig.HostSpec spec : net.config.hosts()) {
      hosts.add(new NetworkHost(spec.name(), spec.aliases(), spec.ip()));
    }
    return hosts;
  }

  // ---- facts ----

  /** The seed that fixes every random choice. */
  public long seed() {
    return net.config.seed();
  }

  /** The name of the host tasks run on unless placed elsewhere (the first host). */
  public String defaultHost() {
    return net.topology.localHost.name;
  }

  /**
   * Packets that have arrived so far (TCP segments, SYN, SYN-ACK, FIN and RST, datagrams): the
   * simulation's events, for measuring it.
   */
  public long packets() {
    return net.packets();
  }

  /** The dotted address of a host. */
  public String address(String host) {
    return dotted(net.topology.host(host).ip);
  }

  // ---- hosts and peers ----

  /**
   * A task body that runs {@code body} on {@code host}: sockets the task creates belong to that
   * host, so any Java code can play a simulated host through the Winsock API.
   */
  public TaskBody onHost(String host, TaskBody body) {
    SimHost target = net.topology.host(host);
    Objects.requireNonNull(body, "body");
    return () -> {
      int task = net.placeCaller(target);
      try {
        return body.run();
      } finally {
        net.locked(() -> net.topology.unplace(task));
      }
    };
  }

  /**
   * Runs {@code peer} behind a TCP listener on {@code host:port}.
   *
   * @throws IllegalStateException if the port is taken (when the emulator is built, if it is not yet)
   */
  public void listen(String host, int port, Peer peer) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    Objects.requireNonNull(peer, "peer");
    net.whenAttached(() -> {
      int r = PeerService.start(net, target, port, peer);
      if (r != 0) {
        throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + NetError.of(r));
      }
      net.net("peer", "at", SimNetworkState.address(target.ip, port), "kind", "tcp");
    });
  }

  /**
   * Connects a {@code peer} on {@code fromHost} to {@code to:port}, where {@code to} is a host name
   * or a dotted address (127.x.x.x is {@code fromHost} itself): a remote client for a task's
   * server. The peer's session starts when the connection is established; if the attempt fails
   * (refused, timed out), the trace says so and the peer never hears of it.
   */
  public void connect(String fromHost, String to, int port, Peer peer) {
    SimHost from = net.topology.host(fromHost);
    checkPort(port);
    Objects.requireNonNull(peer, "peer");
    int ip = to.chars().allMatch(c -> c == '.' || Character.isDigit(c)) ? parse(to) : net.topology.host(to).ip;
    net.whenAttached(() -> PeerService.connect(net, from, ip, port, peer));
  }

  /**
   * Runs {@code peer} on a UDP port of {@code host}.
   *
   * @throws IllegalStateException if the port is taken
   */
  public void listenDatagrams(String host, int port, DatagramPeer peer) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    Objects.requireNonNull(peer, "peer");
    net.whenAttached(() -> {
      int r = DatagramPeerRunner.start(net, target, port, peer);
      if (r != 0) {
        throw new IllegalStateException("cannot bind " + host + ":" + port + "/udp: " + NetError.of(r));
      }
      net.net("peer", "at", SimNetworkState.address(target.ip, port), "kind", "udp");
    });
  }

  // ---- faults ----

  /** Connection attempts to {@code host:port} are refused (RST) from now on, whoever listens. */
  public void refuse(String host, int port) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    net.whenAttached(() -> {
      net.rules.refuse(target, port, true);
      net.fault("refuse-rule", "at", SimNetworkState.address(target.ip, port));
    });
  }

  /** Undoes {@link #refuse}. */
  public void stopRefusing(String host, int port) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    net.whenAttached(() -> {
      net.rules.refuse(target, port, false);
      net.fault("refuse-rule-off", "at", SimNetworkState.address(target.ip, port));
    });
  }

  /**
   * Connections to {@code host:port}, open ones and later ones, are reset (both ends get
   * WSAECONNRESET) once {@code bytes} more bytes, counting both directions, have arrived.
   */
  public void resetAfter(String host, int port, long bytes) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes < 0: " + bytes);
    }
    net.whenAttached(() -> {
      net.rules.resetAfter(target, port, bytes);
      net.fault("reset-after", "at", SimNetworkState.address(target.ip, port), "bytes", bytes);
      for (Wire wire : Connections.wiresAt(net, target, port)) {
        wire.resetBudget = bytes;
        if (bytes == 0) {
          wire.breakConnection("reset-after 0");
        }
      }
    });
  }

  /** Resets every open connection to or from {@code host:port} now (both ends get WSAECONNRESET). */
  public void resetConnections(String host, int port) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    net.whenAttached(() -> {
      for (Wire wire : Connections.wiresAt(net, target, port)) {
        wire.breakConnection("resetConnections " + SimNetworkState.address(target.ip, port));
      }
    });
  }

  /**
   * The ends at {@code host:port} of open connections close gracefully now, as a peer that closes:
   * the other ends see the end of the stream. A ready-made peer closes its connection; a task's
   * socket stops sending (as after shutdown SD_SEND).
   */
  public void closeConnections(String host, int port) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    net.whenAttached(() -> Connections.closeAt(net, target, port));
  }

  /** Changes the link between two hosts (delay, jitter, bandwidth, loss) for packets sent from now on. */
  public void link(String a, String b, Link link) {
    SimHost x = net.topology.host(a);
    SimHost y = net.topology.host(b);
    Objects.requireNonNull(link, "link");
    if (x == y) {
      throw new IllegalArgumentException("a host's link to itself is loopback and cannot change: " + a);
    }
    net.whenAttached(() -> {
      net.topology.link(x, y).link = link;
      net.topology.link(y, x).link = link;
      net.fault("link", "between", x.name + "<->" + y.name, "latency", link.latency().toMillis(),
          "jitter", link.jitter().toMillis(), "bytesPerSecond", link.bytesPerSecond(), "loss", link.datagramLoss());
    });
  }

  /**
   * Cuts the link between two hosts: TCP packets wait until {@link #heal} (a connection attempt
   * may time out meanwhile), datagrams are lost.
   */
  public void partition(String a, String b) {
    SimHost x = net.topology.host(a);
    SimHost y = net.topology.host(b);
    if (x == y) {
      throw new IllegalArgumentException("a host cannot be partitioned from itself: " + a);
    }
    net.whenAttached(() -> {
      net.topology.link(x, y).partitioned = true;
      net.topology.link(y, x).partitioned = true;
      net.fault("partition", "between", x.name + "<->" + y.name);
    });
  }

  /** Heals a {@link #partition}: what waited goes, in order. */
  public void heal(String a, String b) {
    SimHost x = net.topology.host(a);
    SimHost y = net.topology.host(b);
    net.whenAttached(() -> {
      net.fault("heal", "between", x.name + "<->" + y.name);
      net.heal(net.topology.link(x, y));
      net.heal(net.topology.link(y, x));
    });
  }

  /** The next {@code count} datagrams from {@code from} to {@code to} are lost. */
  public void dropDatagrams(String from, String to, int count) {
    SimHost x = net.topology.host(from);
    SimHost y = net.topology.host(to);
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    net.whenAttached(() -> {
      net.topology.link(x, y).dropNext += count;
      net.fault("drop-datagrams", "link", x.name + "->" + y.name, "count", count);
    });
  }

  /**
   * Ends at {@code host:port}, open ones and later ones, take data in at no more than
   * {@code bytesPerSecond} (0 lifts it): their senders find the window full and wait.
   */
  public void slowReader(String host, int port, long bytesPerSecond) {
    SimHost target = net.topology.host(host);
    checkPort(port);
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("bytesPerSecond < 0: " + bytesPerSecond);
    }
    net.whenAttached(() -> {
      net.rules.slowReader(target, port, bytesPerSecond);
      net.fault("slow-reader", "at", SimNetworkState.address(target.ip, port), "bytesPerSecond", bytesPerSecond);
      Connections.throttleAt(net, target, port, bytesPerSecond);
    });
  }

  /**
   * Runs {@code fault} (typically calls of the methods above) once {@code delay} has passed on the
   * emulator's clock, counted from now, or from when the emulator is built if it is not yet.
   */
  public void after(Duration delay, Runnable fault) {
    Objects.requireNonNull(fault, "fault");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay < 0: " + delay);
    }
    net.whenAttached(() -> net.after(delay.toMillis(), () -> net.later(fault)));
  }

  @Override
  public String toString() {
    return net.description();
  }

  // ---- helpers ----

  private static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port not in 1..65535: " + port);
    }
  }

  static String dotted(int ip) {
    return (ip >>> 24) + "." + (ip >>> 16 & 0xFF) + "." + (ip >>> 8 & 0xFF) + "." + (ip & 0xFF);
  }

  static int parse(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
    }
    int ip = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
      }
      ip = ip << 8 | value;
    }
    return ip;
  }

  /**
   * Builds a {@link SimulatedNetwork}. Not thread-safe.
   */
  public static final class Builder {
    private long seed;
    private final List<SimConfig.HostSpec> hosts = new ArrayList<>();
    private Link defaultLink = Link.DEFAULT;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final List<String[]> linkPairs = new ArrayList<>();
    private Duration connectTimeout = Duration.ofSeconds(21);
    private RandomFaults randomFaults = RandomFaults.NONE;
    private boolean traceSegments;

    private Builder() {}

    /** The seed of every random choice (jitter, loss, drawn faults). Default 0. */
    public Builder seed(long newSeed) {
      this.seed = newSeed;
      return this;
    }

    /**
     * Adds a host. The first one added is where tasks run unless placed elsewhere.
     *
     * @param address a dotted IPv4 address, not 0.0.0.0, loopback (127.x), multicast or broadcast
     * @throws IllegalArgumentException if the address is not usable or a name or address repeats
     */
    public Builder host(String name, String address, String... aliases) {
      Objects.requireNonNull(name, "name");
      int ip = parse(address);
      int top = ip >>> 24;
      if (ip == 0 || top == 127 || top >= 224) {
        throw new IllegalArgumentException("not a host address: " + address);
      }
      Set<String> names = new HashSet<>();
      for (SimConfig.HostSpec spec : hosts) {
        if (spec.ip() == ip) {
          throw new IllegalArgumentException("address used twice: " + address);
        }
        names.add(spec.name().toLowerCase(Locale.ROOT));
        spec.aliases().forEach(alias -> names.add(alias.toLowerCase(Locale.ROOT)));
      }
      for (String each : concat(name, aliases)) {
        if (!names.add(each.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("host name used twice: " + each);
        }
      }
      hosts.add(new SimConfig.HostSpec(name, ip, List.of(aliases)));
      return this;
    }

    private static List<String> concat(String first, String[] rest) {
      List<String> all = new ArrayList<>();
      all.add(first);
      all.addAll(List.of(rest));
      return all;
    }

    /** The link between hosts that have none of their own. Default {@link Link#DEFAULT}. */
    public Builder link(Link link) {
      this.defaultLink = Objects.requireNonNull(link, "link");
      return this;
    }

    /** The link between two particular hosts (either order). */
    public Builder link(String a, String b, Link link) {
      Objects.requireNonNull(link, "link");
      if (a.equalsIgnoreCase(b)) {
        throw new IllegalArgumentException("a host's link to itself is loopback: " + a);
      }
      links.put(SimConfig.pairKey(a, b), link);
      linkPairs.add(new String[] {a, b});
      return this;
    }

    /** How long a connection attempt without an answer lasts before WSAETIMEDOUT. Default 21 s, as Windows. */
    public Builder connectTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout <= 0: " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /** Faults drawn from the seed. Default none. */
    public Builder randomFaults(RandomFaults faults) {
      this.randomFaults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Whether every TCP data segment is traced too (kind NET, "segment"). Default false. */
    public Builder traceSegments(boolean on) {
      this.traceSegments = on;
      return this;
    }

    /**
     * Builds the network.
     *
     * @throws IllegalArgumentException if a link names a host that was not added
     */
    public SimulatedNetwork build() {
      List<SimConfig.HostSpec> chosen = new ArrayList<>(hosts);
      if (chosen.isEmpty()) {
        chosen.add(new SimConfig.HostSpec("local", parse("10.0.0.1"), List.of()));
      }
      Set<String> known = new HashSet<>();
      for (SimConfig.HostSpec spec : chosen) {
        known.add(spec.name().toLowerCase(Locale.ROOT));
      }
      for (String[] pair : linkPairs) {
        for (String name : pair) {
          if (!known.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("link names an unknown host: " + name);
          }
        }
      }
      return new SimulatedNetwork(new SimConfig(seed, chosen, defaultLink, Map.copyOf(links), connectTimeout,
          randomFaults, traceSegments));
    }
  }
}
