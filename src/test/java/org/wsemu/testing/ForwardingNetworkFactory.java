package org.wsemu.testing;

import java.util.List;
import java.util.Objects;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkFactory;
import org.wsemu.net.NetworkHost;

/**
 * A network factory that hands every call to another one: a test overrides {@link #create} to
 * keep or wrap the network made.
 *
 * <p>Called once, on the building thread, like any factory.
 */
public class ForwardingNetworkFactory implements NetworkFactory {
  private final NetworkFactory inner;

  /** Forwards to {@code inner}. */
  public ForwardingNetworkFactory(NetworkFactory inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  @Override
  public Network create(NetworkEnvironment environment) {
    return inner.create(environment);
  }

  @Override
  public boolean supportsVirtualTime() {
    return inner.supportsVirtualTime();
  }

  @Override
  public List<NetworkHost> hosts() {
    return inner.hosts();
  }
}
