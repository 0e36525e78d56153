package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.INADDR_BROADCAST;
import static org.wsemu.winsock.WinSock.MSG_OOB;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.WSAEACCES;
import static org.wsemu.winsock.WinSock.WSAEADDRNOTAVAIL;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAEOPNOTSUPP;
import static org.wsemu.winsock.WinSock.WSAESHUTDOWN;
import static org.wsemu.winsock.WinSock.SO_BROADCAST;

import org.wsemu.net.Readiness;
import org.wsemu.net.UdpEndpoint;

/**
 * A SOCK_DGRAM socket: Winsock's datagram rules over a {@link UdpEndpoint}. Datagram boundaries are
 * kept; a datagram longer than the caller's buffer fills it and fails with WSAEMSGSIZE. One
 * datagram may wait in a slot when it had to be looked at without being consumed (MSG_PEEK,
 * FIONREAD, select).
 */
final class DatagramSocket extends WsSocket {
  private final UdpEndpoint endpoint;
  private boolean bound;
  private boolean connected;
  private int peerIp;
  private int peerPort;
  private boolean inputShut;
  private boolean outputShut;
  private boolean broadcast;
  private boolean congested;
  private byte[] slot;
  private int slotLength = -1;
  private final int[] slotFrom = new int[2];
  /** Whether {@link #asyncConditions} is running (its read into the slot needs no wake-up). */
  private boolean evaluating;

  DatagramSocket(int handle, WsApp app, UdpEndpoint endpoint) {
    super(handle, WinSock.SOCK_DGRAM, app);
    this.endpoint = endpoint;
  }

  @Override
  synchronized int bind(int ip, int port) {
    if (bound) {
      return -WSAEINVAL;
    }
    int r = endpoint.bind(ip, port);
    if (r == 0) {
      bound = true;
    }
    return r;
  }

  /** Sets or changes the default peer: 0 or -error. */
  synchronized int connect(int ip, int port) {
    if (ip == 0 || port == 0) {
      return -WSAEADDRNOTAVAIL;
    }
    int r = endpoint.connect(ip, port);
    if (r == 0) {
      connected = true;
      bound = true;
      peerIp = ip;
      peerPort = port;
    }
    return r;
  }

  /** sendto; with {@code ip} and {@code port} 0 to the connected peer. Bytes or -error. */
  synchronized int sendTo(byte[] buffer, int offset, int len, int ip, int port, boolean toPeer) {
    if (outputShut) {
      return -WSAESHUTDOWN;
    }
    if (toPeer && !connected) {
      return -WSAENOTCONN;
    }
    int destination = toPeer ? peerIp : ip;
    int destinationPort = toPeer ? peerPort : port;
    if (destination == 0 || destinationPort == 0) {
      return -WSAEADDRNOTAVAIL;
    }
    if (destination == INADDR_BROADCAST && !broadcast) {
      return -WSAEACCES;
    }
    int r = endpoint.send(buffer, offset, len, destination, destinationPort);
    if (r == WOULD_BLOCK) {
      congested = true;
    } else if (r >= 0) {
      bound = true;
    }
    return r;
  }

  /** recvfrom: bytes or -error; {@code from} gets the sender (host order). */
  synchronized int recvFrom(byte[] buffer, int offset, int len, int flags, int[] from) {
    if ((flags & MSG_OOB) != 0) {
      return -WSAEOPNOTSUPP;
    }
    if (!bound) {
      return -WSAEINVAL;
    }
    if (inputShut) {
      return -WSAESHUTDOWN;
    }
    boolean peek = (flags & MSG_PEEK) != 0;
    if (slotLength < 0 && peek) {
      int r = fillSlot();
      if (r < 0) {
        return r;
      }
    }
    if (slotLength >= 0) {
      int size = slotLength;
      System.arraycopy(slot, 0, buffer, offset, Math.min(len, size));
      from[0] = slotFrom[0];
      from[1] = slotFrom[1];
      if (!peek) {
        slotLength = -1;
      }
      return size > len ? -WSAEMSGSIZE : size;
    }
    int size = endpoint.receive(buffer, offset, len, from);
    return size > len ? -WSAEMSGSIZE : size;
  }

  private int fillSlot() {
    if (slot == null) {
      slot = new byte[65536];
    }
    int size = endpoint.receive(slot, 0, slot.length, slotFrom);
    if (size >= 0) {
      slotLength = size;
      stateChanged(); // a task blocked waiting on the endpoint would not see the datagram there
      AsyncSelect registration = asyncSelect;
      if (registration != null && !evaluating) {
        registration.wake(); // it waits on the endpoint, which no longer holds this datagram
      }
      return 0;
    }
    return size;
  }

  @Override
  synchronized int readable() {
    if (slotLength < 0 && bound) {
      fillSlot();
    }
    return Math.max(slotLength, 0);
  }

  @Override
  synchronized int poll(boolean read, boolean write, boolean except) {
    int ready = 0;
    if (read && bound && (slotLength >= 0 || fillSlot() == 0 || inputShut)) {
      ready |= READABLE;
    }
    if (write && !congested) {
      ready |= WRITABLE;
    }
    return ready;
  }

  @Override
  synchronized void asyncConditions(AsyncConditions into) {
    if (closed) {
      return;
    }
    evaluating = true;
    try {
      into.events |= (poll(true, false, false) & READABLE) != 0 && !inputShut ? WinSock.FD_READ : 0;
    } finally {
      evaluating = false;
    }
    into.events |= congested ? 0 : WinSock.FD_WRITE;
  }

  @Override
  synchronized int asyncWaitOps(int wanted) {
    // after shutdown(SD_RECEIVE) FD_READ never holds: waiting for datagrams nobody takes would spin
    boolean read = (wanted & WinSock.FD_READ) != 0 && !inputShut;
    return (read ? Readiness.READ : 0) | ((wanted & WinSock.FD_WRITE) != 0 ? Readiness.WRITE : 0);
  }

  @Override
  int pollWaitOps(boolean read, boolean write, boolean except) {
    return (read ? Readiness.READ : 0) | (write ? Readiness.WRITE : 0);
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

  @Override
  synchronized int localAddress(int[] out) {
    if (!bound) {
      return -WSAEINVAL;
    }
    out[0] = endpoint.localIp();
    out[1] = endpoint.localPort();
    return 0;
  }

  @Override
  synchronized int peerAddress(int[] out) {
    if (!connected) {
      return -WSAENOTCONN;
    }
    out[0] = peerIp;
    out[1] = peerPort;
    return 0;
  }

  @Override
  synchronized int shutdown(int how) {
    if (how < 0 || how > 2) {
      return -WSAEINVAL;
    }
    inputShut |= how != 1;
    outputShut |= how != 0;
    return 0;
  }

  @Override
  boolean isConnectedStream() {
    return false;
  }

  @Override
  synchronized int transportOption(int option) {
    return endpoint.getOption(option);
  }

  @Override
  synchronized int setTransportOption(int option, int value) {
    int r = endpoint.setOption(option, value);
    if (r == 0 && option == SO_BROADCAST) {
      broadcast = value != 0;
    }
    return r;
  }

  @Override
  void closeEndpoint(boolean abortive) {
    endpoint.close();
  }
}
