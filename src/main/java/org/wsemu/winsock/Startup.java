package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAVERNOTSUPPORTED;

/**
 * Version negotiation of WSAStartup. The emulator implements versions 1.0 to 2.2 (1.0, 1.1, 2.0,
 * 2.1, 2.2); a caller asking for version v gets the highest of those not above v, and
 * WSAVERNOTSUPPORTED if v is below 1.0.
 */
final class Startup {
  private Startup() {}

  /** The highest version implemented, 2.2. */
  static final int HIGH_VERSION = makeWord(2, 2);

  static int makeWord(int major, int minor) {
    return (major & 0xFF) | (minor & 0xFF) << 8;
  }

  static int major(int version) {
    return version & 0xFF;
  }

  static int minor(int version) {
    return (version >>> 8) & 0xFF;
  }

  static boolean isVersionTwo(int version) {
    return major(version) >= 2;
  }

  /** The version negotiated for a request, or -WSAVERNOTSUPPORTED. */
  static int negotiate(int requested) {
    int major = major(requested);
    int minor = minor(requested);
    if (major < 1) {
      return -WSAVERNOTSUPPORTED;
    }
    if (major == 1) {
      return makeWord(1, Math.min(minor, 1));
    }
    if (major == 2) {
      return makeWord(2, Math.min(minor, 2));
    }
    return HIGH_VERSION;
  }

  /** Fills the WSADATA of a successful WSAStartup. */
  static void describe(WSADATA data, int version, String status, int maxSockets, int maxDatagram) {
    boolean two = isVersionTwo(version);
    data.wVersion = version;
    data.wHighVersion = HIGH_VERSION;
    data.szDescription = truncate("wsemu Windows Sockets emulator: 1.1 pseudo-blocking, versions 1.0 to 2.2",
        WinSock.WSADESCRIPTION_LEN);
    data.szSystemStatus = truncate(status, WinSock.WSASYS_STATUS_LEN);
    data.iMaxSockets = two ? 0 : Math.min(maxSockets, 0xFFFF);
    data.iMaxUdpDg = two ? 0 : Math.min(maxDatagram, 0xFFFF);
    data.lpVendorInfo = null;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
