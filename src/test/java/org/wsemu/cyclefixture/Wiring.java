package org.wsemu.cyclefixture;

import org.wsemu.cyclefixture.below.Basic;

/**
 * A class directly in the root of a package tree that depends on a package below it, which depends
 * back on it: the shape of cycle that the package rules must see (see
 * {@code PackageDependenciesTest}). Only the rules' own test reads it.
 */
public final class Wiring {
  private Wiring() {}

  /** Uses the package below. */
  public static Basic basic() {
    return new Basic();
  }
}
