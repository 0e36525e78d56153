package org.wsemu.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fixed settings of one simulated network, from {@link SimulatedNetwork.Builder}.
 *
 * @param seed fixes every random choice
 * @param hosts the hosts, the first being where tasks run unless placed elsewhere
 * @param defaultLink the link between two hosts with no link of their own
 * @param links links of particular host pairs, by {@link #pairKey}
 * @param connectTimeout how long a connection attempt that gets no answer lasts
 * @param randomFaults faults drawn from the seed
 * @param traceSegments whether every data segment is traced too
 */
record SimConfig(
    long seed,
    List<HostSpec> hosts,
    Link defaultLink,
    Map<String, Link> links,
    Duration connectTimeout,
    RandomFaults randomFaults,
    boolean traceSegments) {

  /** A host: name, address in host order, aliases. */
  record HostSpec(String name, int ip, List<String> aliases) {}

  /** The key of an unordered pair of host names. */
  static String pairKey(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
  }
}
