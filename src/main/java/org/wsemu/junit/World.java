package org.wsemu.junit;

import org.wsemu.task.SchedulingMode;

/**
 * A scheduling mode on a network: the four combinations a {@link Worlds} test runs in. Win16 on the
 * simulated network runs on the virtual clock unless {@link WsemuTest#clock()} says otherwise.
 *
 * <p>Immutable.
 */
public enum World {
  /** Win16 on the real network. */
  WIN16_REAL(SchedulingMode.WIN16, WsemuTest.Network.REAL),
  /** Win32 on the real network. */
  WIN32_REAL(SchedulingMode.WIN32, WsemuTest.Network.REAL),
  /** Win16 on the simulated network. */
  WIN16_SIMULATED(SchedulingMode.WIN16, WsemuTest.Network.SIMULATED),
  /** Win32 on the simulated network. */
  WIN32_SIMULATED(SchedulingMode.WIN32, WsemuTest.Network.SIMULATED);

  private final SchedulingMode mode;
  private final WsemuTest.Network network;

  World(SchedulingMode mode, WsemuTest.Network network) {
    this.mode = mode;
    this.network = network;
  }

  /** The scheduling mode. */
  public SchedulingMode mode() {
    return mode;
  }

  /** The network. */
  public WsemuTest.Network network() {
    return network;
  }
}
