package org.wsemu.net;

/**
 * The options a network's endpoints take ({@link TcpEndpoint#setOption},
 * {@link UdpEndpoint#setOption}): what the transport itself does with a setting. Every value is
 * an int; a flag is 0 (off) or not 0 (on), and reads back as 0 or 1. The Winsock layer maps
 * setsockopt's option numbers to these and keeps every other option itself.
 *
 * <p>Immutable and thread-safe.
 */
public enum TransportOption {
  /** The receive buffer size in bytes (SO_RCVBUF): for TCP, the window the peer sees. TCP and UDP. */
  RECEIVE_BUFFER(true, true),
  /** The send buffer size in bytes (SO_SNDBUF). TCP and UDP. */
  SEND_BUFFER(true, true),
  /** Whether a bound port may be bound again (SO_REUSEADDR). TCP and UDP. */
  REUSE_ADDRESS(true, true),
  /** Whether small segments go at once, without Nagle's delay (TCP_NODELAY). TCP only. */
  NO_DELAY(true, false),
  /** Whether an idle connection is probed (SO_KEEPALIVE). TCP only. */
  KEEP_ALIVE(true, false),
  /** Whether urgent data stays in the stream instead of apart (SO_OOBINLINE). TCP only. */
  OOB_INLINE(true, false),
  /** Whether datagrams may go to the broadcast address (SO_BROADCAST). UDP only. */
  BROADCAST(false, true);

  private final boolean tcp;
  private final boolean udp;

  TransportOption(boolean tcp, boolean udp) {
    this.tcp = tcp;
    this.udp = udp;
  }

  /** Whether a {@link TcpEndpoint} takes this option. */
  public boolean forTcp() {
    return tcp;
  }

  /** Whether a {@link UdpEndpoint} takes this option. */
  public boolean forUdp() {
    return udp;
  }
}
