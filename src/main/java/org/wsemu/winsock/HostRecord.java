package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the hosts table: what {@code gethostbyname} and {@code gethostbyaddr} put in a
 * {@code HOSTENT}.
 *
 * <p>Immutable: the lists are unmodifiable copies and every address is copied on the way in. The
 * arrays in {@link #addresses()} are still arrays, so code that hands a record to untrusted callers
 * should give them {@link #copy()}. Two records are equal when their names, aliases and address
 * bytes are equal.
 *
 * @param name the official name
 * @param aliases other names, in order
 * @param addresses IPv4 addresses, each 4 bytes in network byte order (127.0.0.1 is {127, 0, 0, 1})
 */
record HostRecord(String name, List<String> aliases, List<byte[]> addresses) {

  /** The length of an IPv4 address, {@code h_length} in a {@code HOSTENT}. */
  static final int ADDRESS_LENGTH = 4;

  /**
   * @throws NullPointerException if anything is null
   * @throws IllegalArgumentException if an address is not 4 bytes long
   */
  HostRecord {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    List<byte[]> copies = new ArrayList<>(addresses.size());
    for (byte[] address : addresses) {
      Objects.requireNonNull(address, "address");
      if (address.length != ADDRESS_LENGTH) {
        throw new IllegalArgumentException("address length != 4: " + address.length);
      }
      copies.add(address.clone());
    }
    addresses = List.copyOf(copies);
  }

  /** A record whose address arrays are fresh copies of this one's. */
  HostRecord copy() {
    return new HostRecord(name, aliases, addresses);
  }

  /** Whether {@code address} (4 bytes) is one of this host's addresses. */
  boolean hasAddress(byte[] address) {
    for (byte[] candidate : addresses) {
      if (Arrays.equals(candidate, address)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code candidate} is this host's name or one of its aliases, ignoring case. */
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

  /** {@code address} in dotted-decimal notation, e.g. {@code "127.0.0.1"}. */
  static String dotted(byte[] address) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < address.length; i++) {
      if (i > 0) {
        text.append('.');
      }
      text.append(address[i] & 0xFF);
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof HostRecord that)) {
      return false;
    }
    if (!name.equals(that.name)
        || !aliases.equals(that.aliases)
        || addresses.size() != that.addresses.size()) {
      return false;
    }
    for (int i = 0; i < addresses.size(); i++) {
      if (!Arrays.equals(addresses.get(i), that.addresses.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(name, aliases);
    for (byte[] address : addresses) {
      hash = 31 * hash + Arrays.hashCode(address);
    }
    return hash;
  }

  @Override
  public String toString() {
    List<String> dotted = addresses.stream().map(HostRecord::dotted).toList();
    return "HostRecord[name=" + name + ", aliases=" + aliases + ", addresses=" + dotted + "]";
  }
}
