package org.wsemu.testing;

import java.util.List;
import java.util.Objects;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkFactory;
import org.wsemu.winsock.WinsockConfig;

/**
 * A network factory that keeps the network it made, so that a test can reach below the Winsock
 * layer to the endpoints themselves.
 */
public final class CapturedNetwork implements NetworkFactory {
  private final NetworkFactory inner;
  private volatile Network network;

  /** Captures what {@code inner} makes. */
  public CapturedNetwork(NetworkFactory inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** The network made when the emulator was built. */
  public Network network() {
    return Objects.requireNonNull(network, "the emulator was not built yet");
  }

  @Override
  public Network create(NetworkEnvironment environment) {
    network = inner.create(environment);
    return network;
  }

  @Override
  public boolean supportsVirtualTime() {
    return inner.supportsVirtualTime();
  }

  @Override
  public List<WinsockConfig.Host> hosts() {
    return inner.hosts();
  }
}
