package org.wsemu.testing;

import java.util.Objects;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkFactory;

/**
 * A network factory that keeps the network it made, so that a test can reach below the Winsock
 * layer to the endpoints themselves.
 */
public final class CapturedNetwork extends ForwardingNetworkFactory {
  private volatile Network network;

  /** Captures what {@code inner} makes. */
  public CapturedNetwork(NetworkFactory inner) {
    super(inner);
  }

  /** The network made when the emulator was built. */
  public Network network() {
    return Objects.requireNonNull(network, "the emulator was not built yet");
  }

  @Override
  public Network create(NetworkEnvironment environment) {
    network = super.create(environment);
    return network;
  }
}
