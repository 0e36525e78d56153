package org.wsemu.net;

/** A network failure carrying its Windows Sockets error code; thrown only where an int cannot carry it. */
public final class NetException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int error;

  /** An exception for {@code error}, a WSAE* code. */
  public NetException(int error, String message) {
    super(message);
    this.error = error;
  }

  /** The WSAE* code. */
  public int error() {
    return error;
  }
}
