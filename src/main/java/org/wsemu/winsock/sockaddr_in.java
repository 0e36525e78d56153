package org.wsemu.winsock;

/**
 * {@code struct sockaddr_in}: an Internet socket address, the {@code struct sockaddr} that every
 * wsemu socket function takes. Fields as in C; {@code sin_port} and {@code sin_addr} in network
 * order (see {@link WinSock} on byte order):
 *
 * <pre>{@code
 * sockaddr_in sin = new sockaddr_in();
 * sin.sin_family = AF_INET;
 * sin.sin_port = htons(IPPORT_ECHO);
 * sin.sin_addr.s_addr = inet_addr("127.0.0.1");
 * ws.connect(s, sin, sockaddr_in.SIZE);          // connect(s, (LPSOCKADDR)&sin, sizeof(sin))
 * }</pre>
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class sockaddr_in {
  /** {@code sizeof(struct sockaddr_in)}: 16 bytes. */
  public static final int SIZE = 16;

  /** The address family, {@code AF_INET}. */
  public short sin_family;
  /** The port, network order ({@code htons(port)}). */
  public int sin_port;
  /** The IPv4 address. */
  public final in_addr sin_addr = new in_addr();
  /** Padding, as in C. */
  public final byte[] sin_zero = new byte[8];

  /** An empty address (family 0, port 0, 0.0.0.0). */
  public sockaddr_in() {}

  /**
   * An {@code AF_INET} address.
   *
   * @param sin_port network order, e.g. {@code htons(80)}
   * @param s_addr network order, e.g. {@code inet_addr("127.0.0.1")}
   */
  public sockaddr_in(int sin_port, int s_addr) {
    this.sin_family = WinSock.AF_INET;
    this.sin_port = sin_port;
    this.sin_addr.s_addr = s_addr;
  }

  /** Copies another address's fields into this one. */
  public void set(sockaddr_in other) {
    sin_family = other.sin_family;
    sin_port = other.sin_port;
    sin_addr.s_addr = other.sin_addr.s_addr;
  }

  @Override
  public String toString() {
    return sin_addr + ":" + WinSock.ntohs(sin_port);
  }
}
