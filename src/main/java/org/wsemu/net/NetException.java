package org.wsemu.net;

import java.util.Objects;

/**
 * A transport failure, where an int result cannot carry it ({@link TcpEndpoint#accept}).
 *
 * <p>Immutable and thread-safe.
 */
public final class NetException extends Exception {
  private static final long serialVersionUID = 1L;
  private final NetError error;

  /** An exception for {@code error}. */
  public NetException(NetError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** What failed. */
  public NetError error() {
    return error;
  }
}
