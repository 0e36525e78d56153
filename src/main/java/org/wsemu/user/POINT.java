package org.wsemu.user;

/**
 * {@code POINT}: a position in screen coordinates. wsemu has no display; it is always (0, 0).
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class POINT {
  /** Horizontal coordinate. */
  public int x;
  /** Vertical coordinate. */
  public int y;

  /** The point (0, 0). */
  public POINT() {}

  @Override
  public String toString() {
    return "(" + x + ", " + y + ")";
  }
}
