package org.wsemu.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.wsemu.task.SchedulingMode;

/**
 * One test's settings: its {@link WsemuTest} (the method's, else its class's or an enclosing
 * class's, else the defaults), the world of a {@link Worlds} run, and system property
 * {@code wsemu.seed}.
 *
 * <p>Immutable.
 */
record Settings(SchedulingMode mode, WsemuTest.Network network, boolean virtualClock, long seed,
    long lookupLatencyMillis, int traceTail, Class<? extends ThreadFactory> threadFactory, boolean checked) {
  /** The system property that overrides every test's seed. */
  static final String SEED_PROPERTY = "wsemu.seed";

  @WsemuTest
  private static final class Defaults {}

  /** The settings of the test of {@code context}, in {@code world} (or null outside a worlds test). */
  static Settings of(ExtensionContext context, World world) {
    WsemuTest test = find(context);
    SchedulingMode mode = world != null ? world.mode() : test.mode();
    WsemuTest.Network network = world != null ? world.network() : test.network();
    boolean virtual = switch (test.clock()) {
      case VIRTUAL -> true;
      case SYSTEM -> false;
      case DEFAULT -> mode == SchedulingMode.WIN16 && network == WsemuTest.Network.SIMULATED;
    };
    if (test.traceTail() < 0) {
      throw new ExtensionConfigurationException("@WsemuTest(traceTail) must not be negative: " + test.traceTail());
    }
    return new Settings(mode, network, virtual, seed(test.seed()), test.lookupLatencyMillis(), test.traceTail(),
        test.threadFactory(), test.checked());
  }

  private static WsemuTest find(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<AnnotatedElement> element = c.get().getElement();
      Optional<WsemuTest> found = element.flatMap(e -> AnnotationSupport.findAnnotation(e, WsemuTest.class));
      if (found.isPresent()) {
        return found.get();
      }
    }
    return Defaults.class.getAnnotation(WsemuTest.class);
  }

  private static long seed(long declared) {
    String property = System.getProperty(SEED_PROPERTY);
    if (property == null || property.isBlank()) {
      return declared;
    }
    try {
      return Long.parseLong(property.strip());
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException("system property " + SEED_PROPERTY + " is not a long: " + property, e);
    }
  }

  /** How a failure names the run, so that it can be replayed. */
  String describe() {
    String where = mode + " on the " + (network == WsemuTest.Network.SIMULATED
        ? "simulated network, seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")"
        : "real network");
    return where + ", " + (virtualClock ? "virtual" : "system") + " clock";
  }
}
