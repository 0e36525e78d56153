package org.wsemu.net;

import java.util.List;
import java.util.Objects;

/**
 * A host a network adds to the emulator's hosts table ({@link NetworkFactory#hosts}), so that a
 * program finds it with gethostbyname.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the official name
 * @param aliases other names
 * @param address its IPv4 address, host order ({@code 10.0.0.1} is {@code 0x0A000001})
 */
public record NetworkHost(String name, List<String> aliases, int address) {
  /** Validates and freezes the entry. */
  public NetworkHost {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }
}
