package org.wsemu.net;

import java.util.List;

/**
 * Makes the network of one emulator when it is built: a {@link org.wsemu.net.nio.RealNetwork} or a
 * {@link org.wsemu.sim.SimulatedNetwork}.
 *
 * <p>Called once, on the building thread.
 */
@FunctionalInterface
public interface NetworkFactory {
  /**
   * Creates the network of one emulator.
   *
   * @param environment the emulator's clock, timer queue, trace and callback boundary
   */
  Network create(NetworkEnvironment environment);

  /**
   * Whether the network can run on a virtual clock (it schedules everything on the emulator's timer
   * queue and never waits for the outside world). The real network cannot. Default false.
   */
  default boolean supportsVirtualTime() {
    return false;
  }

  /** Hosts this network adds to the emulator's hosts table, after the builder's own. Default none. */
  default List<NetworkHost> hosts() {
    return List.of();
  }
}
