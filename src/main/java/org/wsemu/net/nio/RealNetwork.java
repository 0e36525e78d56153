package org.wsemu.net.nio;

import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkFactory;

/**
 * The real network, for {@code Emulator.Builder.network}: endpoints on Java NIO channels over the
 * machine's sockets, one selector thread per emulator (started with the first socket), no thread
 * per socket. It needs the real clock: virtual time cannot wait for real sockets.
 *
 * <pre>{@code
 * import org.wsemu.net.nio.RealNetwork;
 *
 * try (Emulator real = Emulator.builder().mode(SchedulingMode.WIN32).network(new RealNetwork()).build()) {
 *   // tasks whose sockets are the machine's
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; one instance may serve any number of emulators.
 */
public final class RealNetwork implements NetworkFactory {
  /** The real network. */
  public RealNetwork() {}

  @Override
  public Network create(NetworkEnvironment environment) {
    return new NioNetwork(environment.name(), environment.callbacks());
  }

  @Override
  public String toString() {
    return "real network (Java NIO)";
  }
}
