package org.wsemu.winsock;

/**
 * Address conversions: inet_addr and inet_ntoa as Berkeley (and Windows) define them, and the
 * translation between {@link sockaddr_in}'s network-order fields and the host-order values the
 * network uses.
 */
final class Addresses {
  private Addresses() {}

  /** Host-order IPv4 address of a sockaddr_in. */
  static int ip(sockaddr_in address) {
    return WinSock.ntohl(address.sin_addr.s_addr);
  }

  /** Host-order port of a sockaddr_in. */
  static int port(sockaddr_in address) {
    return WinSock.ntohs(address.sin_port);
  }

  /** Fills a sockaddr_in from a host-order address and port. */
  static void fill(sockaddr_in out, int ip, int port) {
    out.sin_family = WinSock.AF_INET;
    out.sin_port = WinSock.htons(port);
    out.sin_addr.s_addr = WinSock.htonl(ip);
    java.util.Arrays.fill(out.sin_zero, (byte) 0);
  }

  /** Network-order bytes of a host-order address. */
  static byte[] bytes(int ip) {
    return new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
  }

  /**
   * inet_addr: "a.b.c.d", "a.b.c" (c fills 16 bits), "a.b" (b fills 24 bits) or "a" (32 bits);
   * each part decimal, octal (leading 0) or hexadecimal (leading 0x). Trailing blanks are allowed.
   *
   * @return the address as an x86 host holds network order (see {@link in_addr}), or INADDR_NONE
   */
  static int inetAddr(String cp) {
    if (cp == null) {
      return WinSock.INADDR_NONE;
    }
    String text = cp.stripTrailing();
    if (text.isEmpty()) {
      return WinSock.INADDR_NONE;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) {
      return WinSock.INADDR_NONE;
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = parsePart(parts[i]);
      if (values[i] < 0) {
        return WinSock.INADDR_NONE;
      }
    }
    long host = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 0xFF) {
        return WinSock.INADDR_NONE;
      }
      host |= values[i] << (24 - 8 * i);
    }
    long last = values[values.length - 1];
    long lastMax = 0xFFFFFFFFL >>> (8 * (values.length - 1));
    if (last > lastMax) {
      return WinSock.INADDR_NONE;
    }
    host |= last;
    return WinSock.htonl((int) host);
  }

  private static long parsePart(String part) {
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.startsWith("0")) {
      radix = 8;
      digits = part.substring(1);
    }
    if (digits.isEmpty() || digits.length() > 11) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = asciiDigit(digits.charAt(i));
      if (digit < 0 || digit >= radix) {
        return -1; // no sign, no blank, no non-ASCII digit: only what C's inet_addr reads
      }
      value = value * radix + digit;
    }
    return value;
  }

  private static int asciiDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** inet_ntoa: "a.b.c.d". */
  static String inetNtoa(in_addr in) {
    return in.toString();
  }
}
