package org.wsemu.cyclefixture.below;

import org.wsemu.cyclefixture.Wiring;

/** The package below the root of the fixture, depending back on the root (see {@link Wiring}). */
public final class Basic {
  /** Uses the root package, closing the cycle. */
  public Basic again() {
    return Wiring.basic();
  }
}
