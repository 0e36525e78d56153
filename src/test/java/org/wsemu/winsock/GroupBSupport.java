package org.wsemu.winsock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wsemu.testing.World;

/** World subsets for tests of one scheduling mode's behaviour, run on both networks. */
final class GroupBSupport {
  private GroupBSupport() {}

  /** Runs the test in the Win16 worlds: the real network and the simulated one (virtual clock). */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN16_REAL", "WIN16_SIM"})
  @interface Win16Worlds {}

  /** Runs the test in the Win32 worlds: the real network and the simulated one. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = World.class, names = {"WIN32_REAL", "WIN32_SIM"})
  @interface Win32Worlds {}
}
