package org.wsemu.winsock;

/**
 * {@code struct linger}: the SO_LINGER option, two {@code u_short}s as in the 1.1 header.
 * {@code l_onoff} non-zero enables lingering for {@code l_linger} seconds; 0 seconds means an
 * abortive close (RST).
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class linger {
  /** {@code sizeof(struct linger)}: 4 bytes. */
  public static final int SIZE = 4;

  /** Option on or off. */
  public int l_onoff;
  /** Linger time in seconds. */
  public int l_linger;

  /** Off. */
  public linger() {}

  /** {@code {l_onoff, l_linger}}. */
  public linger(int l_onoff, int l_linger) {
    this.l_onoff = l_onoff;
    this.l_linger = l_linger;
  }
}
