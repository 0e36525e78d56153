package org.wsemu.winsock;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the protocols table: what {@code getprotobyname} and {@code getprotobynumber} put
 * in a {@code PROTOENT}. Immutable.
 *
 * @param name the official name, e.g. {@code "tcp"}
 * @param aliases other names, in order
 * @param number the IP protocol number (6 for tcp)
 */
record ProtocolRecord(String name, List<String> aliases, int number) {

  /**
   * @throws NullPointerException if anything is null
   * @throws IllegalArgumentException if {@code number} is outside 0..255
   */
  ProtocolRecord {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    if (number < 0 || number > 0xFF) {
      throw new IllegalArgumentException("number out of range: " + number);
    }
  }

  /** Whether {@code candidate} is this protocol's name or one of its aliases, ignoring case. */
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
}
