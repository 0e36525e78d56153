package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.MSG_OOB;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Readiness;
import org.wsemu.net.TransportOption;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.winsock.SocketState.Phase;

/**
 * A SOCK_DGRAM socket over a {@link UdpEndpoint}: every call asks the socket's {@link SocketState}
 * first (UNBOUND, BOUND, or CONNECTED once it has a default peer), then the endpoint. Datagram
 * boundaries are kept; a datagram longer than the caller's buffer fills it and fails with
 * WSAEMSGSIZE. One datagram may wait in a {@link DatagramSlot} when it had to be looked at without
 * being consumed; the looks fill a {@link DatagramReadiness} snapshot. The endpoint's results are
 * read through {@link NetErrors}.
 *
 * <p>Thread-safe: every operation holds the socket's monitor, which guards all of its state; the
 * endpoint is asked for readiness callbacks, and closed, outside it.
 */
final class DatagramSocket extends EmulatedSocket {
  private final UdpEndpoint endpoint;
  private final int maxDatagram;
  private final DatagramSlot slot = new DatagramSlot();
  @GuardedBy("this") private int peerIp;
  @GuardedBy("this") private int peerPort;
  @GuardedBy("this") private boolean broadcast;
  @GuardedBy("this") private boolean congested;
  /** Whether {@link #lookForEvents} is running (its read into the slot needs no wake-up). */
  @GuardedBy("this") private boolean evaluating;

  /**
   * @param maxDatagram the largest datagram the network carries (iMaxUdpDg)
   */
  DatagramSocket(int handle, WinsockApplication app, UdpEndpoint endpoint, int maxDatagram) {
    super(handle, WinSock.SOCK_DGRAM, app);
    this.endpoint = endpoint;
    this.maxDatagram = maxDatagram;
  }

  @Override
  synchronized int bind(int ip, int port) {
    int r = state.bind(endpoint.localPort() != 0);
    if (r != 0) {
      return r;
    }
    r = NetErrors.result(endpoint.bind(ip, port));
    if (r == 0) {
      state.bound();
    }
    return r;
  }

  /** Sets or changes the default peer: 0 or -error. */
  synchronized int connect(int ip, int port) {
    int r = state.connectDatagram(ip, port);
    if (r != 0) {
      return r;
    }
    r = NetErrors.result(endpoint.connect(ip, port));
    if (r == 0) {
      state.connected();
      peerIp = ip;
      peerPort = port;
    }
    return r;
  }

  /** sendto with a null address: 0 if it may go to the default peer, else -WSAEDESTADDRREQ. */
  synchronized int sendWithoutAddress() {
    return state.sendWithoutAddress();
  }

  /** sendto; with {@code toPeer} to the connected peer. Bytes or -error. */
  synchronized int sendTo(byte[] buffer, int offset, int len, int ip, int port, boolean toPeer) {
    int destination = toPeer ? peerIp : ip;
    int destinationPort = toPeer ? peerPort : port;
    int r = state.sendDatagram(toPeer, destination, destinationPort, broadcast, len, maxDatagram);
    if (r != 0) {
      return r;
    }
    r = NetErrors.result(endpoint.send(buffer, offset, len, destination, destinationPort));
    if (r == WOULD_BLOCK) {
      congested = true;
    } else if (r >= 0) {
      state.boundBySend();
    }
    return r;
  }

  /** recvfrom: bytes or -error; {@code from} gets the sender (host order). */
  synchronized int recvFrom(byte[] buffer, int offset, int len, int flags, int[] from) {
    int r = state.receiveDatagram((flags & MSG_OOB) != 0);
    if (r != 0) {
      return r;
    }
    boolean peek = (flags & MSG_PEEK) != 0;
    if (!slot.holds() && peek) {
      r = fillSlot();
      if (r < 0) {
        return r;
      }
    }
    if (slot.holds()) {
      return slot.take(buffer, offset, len, from, peek);
    }
    int size = NetErrors.result(endpoint.receive(buffer, offset, len, from));
    return size > len ? -WSAEMSGSIZE : size;
  }

  /** Receives the next datagram into the slot: 0 or -error. */
  private int fillSlot() {
    int r = slot.fill(endpoint);
    if (r == 0) {
      stateChanged(); // a task blocked waiting on the endpoint would not see the datagram there
      overlapped.tookFromEndpoint(); // nor would a pending receive's pump
      AsyncSelect registration = asyncSelect;
      if (registration != null && !evaluating) {
        registration.wake(); // it waits on the endpoint, which no longer holds this datagram
      }
    }
    return r;
  }

  @Override
  synchronized void receivesPosted(int bytes) {
    if (!closed) {
      endpoint.receivesPosted(bytes);
    }
  }

  /** FIONREAD: the size of the next datagram, or 0. */
  @Override
  synchronized int readable() {
    int r = state.usable();
    if (r != 0) {
      return r;
    }
    lookForDatagram();
    return slot.length();
  }

  // ---- readiness ----

  @Override
  synchronized SocketReadiness lookForSelect(boolean read, boolean write, boolean except) {
    if (read) {
      lookForDatagram();
    }
    return readiness();
  }

  @Override
  synchronized SocketReadiness lookForEvents(boolean closeWanted) {
    if (closed) {
      return new DatagramReadiness().closed(true);
    }
    evaluating = true;
    try {
      lookForDatagram();
    } finally {
      evaluating = false;
    }
    return readiness();
  }

  private void lookForDatagram() {
    if (!closed && state.phase() != Phase.UNBOUND && !slot.holds()) {
      fillSlot();
    }
  }

  @Override
  synchronized SocketReadiness readiness() {
    return new DatagramReadiness().closed(closed).bound(state.phase() != Phase.UNBOUND)
        .datagramWaiting(slot.holds()).inputShut(state.inputShut()).congested(congested);
  }

  @Override
  void notifyWhen(int ops, Runnable onReady) {
    endpoint.notifyWhen(ops, () -> {
      if ((ops & Readiness.WRITE) != 0) {
        synchronized (this) {
          congested = false;
        }
      }
      onReady.run();
    });
  }

  // ---- addresses, shutdown, options, close ----

  @Override
  synchronized int localAddress(int[] out) {
    int r = state.localName(false);
    if (r != 0) {
      return r;
    }
    out[0] = endpoint.localIp();
    out[1] = endpoint.localPort();
    return 0;
  }

  @Override
  synchronized int peerAddress(int[] out) {
    int r = state.peerName();
    if (r != 0) {
      return r;
    }
    out[0] = peerIp;
    out[1] = peerPort;
    return 0;
  }

  @Override
  synchronized int shutdown(int how) {
    int r = state.shutdown(how, false);
    if (r != 0) {
      return r;
    }
    if (how != 1) {
      state.shutInput();
    }
    if (how != 0) {
      state.shutOutput();
    }
    return 0;
  }

  @Override
  boolean isConnectedStream() {
    return false;
  }

  @Override
  synchronized int transportOption(TransportOption option) {
    int r = state.usable();
    return r != 0 ? r : NetErrors.result(endpoint.getOption(option));
  }

  @Override
  synchronized int setTransportOption(TransportOption option, int value) {
    int r = state.usable();
    if (r != 0) {
      return r;
    }
    r = NetErrors.result(endpoint.setOption(option, value));
    if (r == 0 && option == TransportOption.BROADCAST) {
      broadcast = value != 0;
    }
    return r;
  }

  @Override
  void closeEndpoint(boolean abortive) {
    endpoint.close();
  }
}
