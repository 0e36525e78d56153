package org.wsemu.winsock;

/**
 * {@code WSANETWORKEVENTS}: what {@code WSAEnumNetworkEvents} reports, the network events
 * ({@code FD_*} bits) recorded since the last call and, for each, its error code, indexed by
 * {@code FD_*_BIT} ({@code iErrorCode[FD_READ_BIT]}...).
 *
 * <p>A mutable structure like its C original; not thread-safe.
 */
public final class WSANETWORKEVENTS {
  /** {@code long lNetworkEvents}: the {@code FD_*} bits that occurred. */
  public int lNetworkEvents;
  /** {@code int iErrorCode[FD_MAX_EVENTS]}: the error code of each event that occurred. */
  public final int[] iErrorCode = new int[WinSock2.FD_MAX_EVENTS];

  @Override
  public String toString() {
    return "WSANETWORKEVENTS(lNetworkEvents=" + WinsockNames.networkEvents(lNetworkEvents) + ")";
  }
}
