package org.wsemu.winsock;

/**
 * {@code WSAPROTOCOL_INFO}, reduced to what {@code WSASocket} reads: with {@code af},
 * {@code type} and {@code protocol} given as {@link WinSock2#FROM_PROTOCOL_INFO}, the socket takes
 * them from here. The emulator offers the two protocols of the 1.1 API (TCP streams and UDP
 * datagrams over IPv4); the other fields of the C structure describe provider catalogues, which it
 * does not have.
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class WSAPROTOCOL_INFO {
  /** {@code int iAddressFamily}: {@code AF_INET}. */
  public int iAddressFamily;
  /** {@code int iSocketType}: {@code SOCK_STREAM} or {@code SOCK_DGRAM}. */
  public int iSocketType;
  /** {@code int iProtocol}: {@code IPPROTO_TCP}, {@code IPPROTO_UDP} or 0. */
  public int iProtocol;

  /** All zero. */
  public WSAPROTOCOL_INFO() {}

  /** {@code {iAddressFamily, iSocketType, iProtocol}}. */
  public WSAPROTOCOL_INFO(int iAddressFamily, int iSocketType, int iProtocol) {
    this.iAddressFamily = iAddressFamily;
    this.iSocketType = iSocketType;
    this.iProtocol = iProtocol;
  }
}
