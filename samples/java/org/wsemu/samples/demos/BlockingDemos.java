package org.wsemu.samples.demos;

import java.util.List;

/**
 * Demonstrations of blocking calls, the blocking hook and the one-outstanding-call rule.
 *
 * <p>Stateless and thread-safe.
 */
final class BlockingDemos {
  private BlockingDemos() {}

  /** This group's demonstrations, in catalogue order. */
  static List<Demonstration> all() {
    return List.of();
  }
}
