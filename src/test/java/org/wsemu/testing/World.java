package org.wsemu.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.Emulator;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;

/**
 * The four worlds the Winsock conformance suite runs in: each scheduling mode on the real network
 * (loopback sockets, real clock) and on the simulated one (Win16 on the virtual clock, Win32 on the
 * real clock).
 */
public enum World {
  WIN16_REAL(SchedulingMode.WIN16, false),
  WIN32_REAL(SchedulingMode.WIN32, false),
  WIN16_SIM(SchedulingMode.WIN16, true),
  WIN32_SIM(SchedulingMode.WIN32, true);

  /** Runs the test once per world. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(World.class)
  public @interface AllWorlds {}

  /** Runs the test in the Win16 worlds, for rules of Win16 mode: the real network and the simulated one. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_REAL", "WIN16_SIM"})
  public @interface Win16Worlds {}

  /** Runs the test in the Win32 worlds, for rules of Win32 mode: the real network and the simulated one. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN32_REAL", "WIN32_SIM"})
  public @interface Win32Worlds {}

  /** Runs the test in the simulated worlds, for what only the simulated network can stage. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_SIM", "WIN32_SIM"})
  public @interface SimWorlds {}

  private final SchedulingMode mode;
  private final boolean simulated;

  World(SchedulingMode mode, boolean simulated) {
    this.mode = mode;
    this.simulated = simulated;
  }

  public SchedulingMode mode() {
    return mode;
  }

  public boolean simulated() {
    return simulated;
  }

  /** Whether time is virtual: Win16 on the simulated network. */
  public boolean virtualTime() {
    return simulated && mode == SchedulingMode.WIN16;
  }

  /** A fresh simulated network with default settings for this world, or null for a real world. */
  public SimulatedNetwork newNetwork() {
    return simulated ? SimulatedNetwork.builder().build() : null;
  }

  /** A quiet builder on a fresh network of this world. */
  public Emulator.Builder builder() {
    return builder(newNetwork());
  }

  /**
   * A quiet builder on {@code network} (a simulated world) or the real network (a real world, which
   * ignores {@code network}).
   */
  public Emulator.Builder builder(SimulatedNetwork network) {
    Emulator.Builder builder = Emus.builder(mode);
    if (!simulated) {
      return builder.clock(Clock.system()).network(new RealNetwork());
    }
    SimulatedNetwork chosen = network != null ? network : SimulatedNetwork.builder().build();
    return builder.clock(mode == SchedulingMode.WIN16 ? Clock.virtual() : Clock.system()).network(chosen);
  }
}
