package org.wsemu.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.wsemu.internal.GuardedBy;

/**
 * The hosts of a simulated network by name and address, the host each task runs on, and the
 * state of each direction of each link between hosts.
 *
 * <p>The hosts are fixed when the network is built and may be looked up from any thread; task
 * placement and links are guarded by the network's lock.
 */
final class Topology {
  private final SimConfig config;
  private final Map<Integer, SimHost> hostsByIp = new LinkedHashMap<>();
  private final Map<String, SimHost> hostsByName = new HashMap<>();
  /** Where tasks run unless placed elsewhere: the first host. */
  final SimHost localHost;
  @GuardedBy("SimNetworkState.lock") private final Map<Integer, SimHost> taskHosts = new HashMap<>();
  @GuardedBy("SimNetworkState.lock") private final Map<String, LinkState> links = new HashMap<>();

  Topology(SimConfig config) {
    this.config = config;
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

  static boolean isLoopback(int ip) {
    return (ip >>> 24) == 127;
  }

  /**
   * The host named {@code name} (or an alias), ignoring case.
   *
   * @throws IllegalArgumentException if there is none
   */
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

  /** Every host, in the order they were added. */
  Iterable<SimHost> hosts() {
    return hostsByIp.values();
  }

  /** Task {@code task} runs on {@code host} (lock held). */
  void place(int task, SimHost host) {
    taskHosts.put(task, host);
  }

  /** Task {@code task} runs on the first host again (lock held). */
  void unplace(int task) {
    taskHosts.remove(task);
  }

  /** The host task {@code task} runs on (0: no task): where it was placed, or the first host (lock held). */
  SimHost hostOf(int task) {
    return taskHosts.getOrDefault(task, localHost);
  }

  /** One direction of the link between two hosts (lock held). */
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
}
