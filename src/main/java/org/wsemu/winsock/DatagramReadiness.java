package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;

import org.wsemu.net.Readiness;

/**
 * A {@link SocketReadiness} of a SOCK_DGRAM socket, set fact by fact
 * ({@code new DatagramReadiness().bound(true).datagramWaiting(true)}); what is not set is false.
 *
 * <p>The rules: readable when bound with a datagram waiting, or with receiving shut down (recvfrom
 * then says so); writable unless a send found no room and none has been reported since. FD_READ
 * with a datagram waiting, until receiving is shut down; FD_WRITE with room. A datagram socket
 * has no connection: no FD_CONNECT, FD_ACCEPT, FD_OOB or FD_CLOSE, and nothing exceptional.
 *
 * <p>Filled by one look under the socket's monitor, then only read (see {@link SocketReadiness}).
 */
final class DatagramReadiness implements SocketReadiness {
  private boolean closed;
  private boolean bound;
  private boolean datagramWaiting;
  private boolean inputShut;
  private boolean congested;

  /** The socket is closed: no event holds. */
  DatagramReadiness closed(boolean value) {
    closed = value;
    return this;
  }

  /** It has a local address (bind, connect, or a send gave it one): datagrams can arrive. */
  DatagramReadiness bound(boolean value) {
    bound = value;
    return this;
  }

  /** A datagram has arrived and waits to be received. */
  DatagramReadiness datagramWaiting(boolean value) {
    datagramWaiting = value;
    return this;
  }

  DatagramReadiness inputShut(boolean value) {
    inputShut = value;
    return this;
  }

  /** A send found no room, and no room has been reported since. */
  DatagramReadiness congested(boolean value) {
    congested = value;
    return this;
  }

  @Override
  public int select(boolean read, boolean write, boolean except) {
    int bits = read && bound && (datagramWaiting || inputShut) ? READABLE : 0;
    return bits | (write && !congested ? WRITABLE : 0);
  }

  @Override
  public int selectWaitOps(boolean read, boolean write, boolean except) {
    return (read ? Readiness.READ : 0) | (write ? Readiness.WRITE : 0);
  }

  @Override
  public int events() {
    if (closed) {
      return 0;
    }
    int events = bound && datagramWaiting && !inputShut ? FD_READ : 0;
    return events | (congested ? 0 : FD_WRITE);
  }

  @Override
  public int connectAttempt() {
    return 0;
  }

  @Override
  public int connectError() {
    return 0;
  }

  @Override
  public int closeError() {
    return 0;
  }

  @Override
  public int eventWaitOps(int wanted) {
    // after shutdown(SD_RECEIVE) FD_READ never holds: waiting for datagrams nobody takes would spin
    boolean read = (wanted & FD_READ) != 0 && !inputShut;
    return (read ? Readiness.READ : 0) | ((wanted & FD_WRITE) != 0 ? Readiness.WRITE : 0);
  }
}
