package org.wsemu.winsock;

/**
 * An {@code int} out-parameter: what C passes as {@code int *} or {@code u_long *}, for example
 * accept's {@code addrlen} or ioctlsocket's {@code argp}.
 *
 * <pre>{@code
 * IntRef addrlen = new IntRef(sockaddr_in.SIZE);   // int addrlen = sizeof(sin);
 * int s2 = ws.accept(s, sin, addrlen);            // accept(s, (LPSOCKADDR)&sin, &addrlen)
 * }</pre>
 *
 * <p>Mutable; not thread-safe.
 */
public final class IntRef {
  /** The value. */
  public int value;

  /** A holder of 0. */
  public IntRef() {}

  /** A holder of {@code value}. */
  public IntRef(int value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
