package org.wsemu.winsock;

/**
 * {@code struct in_addr}: an IPv4 address. {@code s_addr} holds the four bytes in network order as
 * a little-endian (x86) host holds them, so {@code s_addr == inet_addr("127.0.0.1") == 0x0100007F}
 * and {@code s_addr == htonl(INADDR_LOOPBACK)}.
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class in_addr {
  /** The address, network byte order in x86 memory (see the class comment). */
  public int s_addr;

  /** The address 0.0.0.0. */
  public in_addr() {}

  /** An address with the given {@code s_addr}. */
  public in_addr(int s_addr) {
    this.s_addr = s_addr;
  }

  /**
   * The four address bytes in network order, as C's {@code memcpy(buf, &in, 4)} would give:
   * {@code {127, 0, 0, 1}} for the loopback address.
   */
  public byte[] bytes() {
    return new byte[] {(byte) s_addr, (byte) (s_addr >>> 8), (byte) (s_addr >>> 16), (byte) (s_addr >>> 24)};
  }

  /**
   * Sets the address from four bytes in network order, as C's {@code memcpy(&in, hp->h_addr, 4)}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 4 bytes long
   */
  public void set(byte[] bytes) {
    if (bytes == null || bytes.length != 4) {
      throw new IllegalArgumentException("address length != 4: " + (bytes == null ? "null" : bytes.length));
    }
    s_addr = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFF) << 24;
  }

  @Override
  public String toString() {
    byte[] b = bytes();
    return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
  }
}
