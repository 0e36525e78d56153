package org.wsemu.winsock;

/**
 * {@code WSADATA}: what WSAStartup reports about the Windows Sockets implementation. The strings
 * are at most {@link WinSock#WSADESCRIPTION_LEN} and {@link WinSock#WSASYS_STATUS_LEN} characters,
 * as their C arrays allow.
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class WSADATA {
  /** The version the caller is expected to use (low byte major, high byte minor). */
  public int wVersion;
  /** The highest version the implementation supports. */
  public int wHighVersion;
  /** Description of the implementation. */
  public String szDescription;
  /** Status or configuration. */
  public String szSystemStatus;
  /** Maximum sockets a task may open (0 when version 2 or later was negotiated, as Windows does). */
  public int iMaxSockets;
  /** Largest UDP datagram (0 when version 2 or later was negotiated). */
  public int iMaxUdpDg;
  /** Vendor-specific information: always {@code null}. */
  public Object lpVendorInfo;

  /** An empty structure for WSAStartup to fill. */
  public WSADATA() {}

  @Override
  public String toString() {
    return "WSADATA{wVersion=" + String.format("0x%04X", wVersion) + ", wHighVersion="
        + String.format("0x%04X", wHighVersion) + ", szDescription=" + szDescription + ", szSystemStatus="
        + szSystemStatus + ", iMaxSockets=" + iMaxSockets + ", iMaxUdpDg=" + iMaxUdpDg + "}";
  }
}
