package org.wsemu.net;

/** The readiness conditions an endpoint can report, as bits. */
public final class Readiness {
  private Readiness() {}

  /** Data, end of stream or an error can be read. */
  public static final int READ = 1;
  /** There is room to write (or an error to report). */
  public static final int WRITE = 1 << 1;
  /** A connection can be accepted. */
  public static final int ACCEPT = 1 << 2;
  /** A connection attempt finished, successfully or not. */
  public static final int CONNECT = 1 << 3;
  /** Urgent (out-of-band) data waits to be read apart from the stream; networks that cannot hold it apart never report it. */
  public static final int URGENT = 1 << 4;
  /** Everything written has reached the peer (see {@link TcpEndpoint#unsentBytes}), or never will. */
  public static final int SENT = 1 << 5;
  /**
   * The peer's end of the stream (its FIN, or a reset) has arrived, even with data before it still
   * unread (see {@link TcpEndpoint#peerEnd}); networks that cannot tell never report it.
   */
  public static final int END = 1 << 6;
}
