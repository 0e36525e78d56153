package org.wsemu.winsock;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the services table: what {@code getservbyname} and {@code getservbyport} put in a
 * {@code SERVENT}. Immutable.
 *
 * @param name the official name, e.g. {@code "telnet"}
 * @param aliases other names, in order
 * @param port the port in HOST byte order (23 for telnet); {@code s_port} holds it in network order
 * @param protocol {@code "tcp"} or {@code "udp"}
 */
record ServiceRecord(String name, List<String> aliases, int port, String protocol) {

  /**
   * @throws NullPointerException if anything is null
   * @throws IllegalArgumentException if {@code port} is outside 0..65535
   */
  ServiceRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    aliases = List.copyOf(aliases);
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Whether {@code candidate} is this service's name or one of its aliases, ignoring case. */
  boolean isNamed(String candidate) {
    if (name.equalsIgnoreCase(candidate)) {
      return true;
    }
    for (String alias : aliases) {
      if (alias.equalsIgnoreCase(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this entry is for {@code wanted}, ignoring case; {@code null} means any protocol. */
  boolean isFor(String wanted) {
    return wanted == null || protocol.equalsIgnoreCase(wanted);
  }
}
