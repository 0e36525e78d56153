package org.wsemu.winsock;

/**
 * {@code struct timeval}: a select timeout. {@code {0, 0}} makes select a poll.
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class timeval {
  /** Seconds. */
  public int tv_sec;
  /** And microseconds. */
  public int tv_usec;

  /** {@code {0, 0}}. */
  public timeval() {}

  /** {@code {tv_sec, tv_usec}}. */
  public timeval(int tv_sec, int tv_usec) {
    this.tv_sec = tv_sec;
    this.tv_usec = tv_usec;
  }
}
