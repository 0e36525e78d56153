package org.wsemu.winsock;

/**
 * {@code fd_set}: a set of sockets for select, manipulated with {@link WinSock#FD_ZERO},
 * {@link WinSock#FD_SET}, {@link WinSock#FD_CLR} and {@link WinSock#FD_ISSET}. Like Winsock's and
 * unlike Berkeley's, it is a counted array: {@code fd_count} sockets in {@code fd_array}.
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class fd_set {
  /** How many sockets are set. */
  public int fd_count;
  /** The sockets; only the first {@code fd_count} count. */
  public final int[] fd_array;

  /** A set of {@link WinSock#FD_SETSIZE} (64) entries. */
  public fd_set() {
    this(WinSock.FD_SETSIZE);
  }

  /**
   * A set of {@code size} entries, as {@code #define FD_SETSIZE size} before including winsock.h.
   *
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public fd_set(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size < 1: " + size);
    }
    this.fd_array = new int[size];
  }
}
