package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.IPPROTO_IP;
import static org.wsemu.winsock.WinSock.IPPROTO_TCP;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.SOL_SOCKET;
import static org.wsemu.winsock.WinSock.SO_ACCEPTCONN;
import static org.wsemu.winsock.WinSock.SO_BROADCAST;
import static org.wsemu.winsock.WinSock.SO_DEBUG;
import static org.wsemu.winsock.WinSock.SO_DONTLINGER;
import static org.wsemu.winsock.WinSock.SO_DONTROUTE;
import static org.wsemu.winsock.WinSock.SO_ERROR;
import static org.wsemu.winsock.WinSock.SO_KEEPALIVE;
import static org.wsemu.winsock.WinSock.SO_LINGER;
import static org.wsemu.winsock.WinSock.SO_OOBINLINE;
import static org.wsemu.winsock.WinSock.SO_RCVBUF;
import static org.wsemu.winsock.WinSock.SO_REUSEADDR;
import static org.wsemu.winsock.WinSock.SO_SNDBUF;
import static org.wsemu.winsock.WinSock.SO_TYPE;
import static org.wsemu.winsock.WinSock.TCP_NODELAY;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAENOPROTOOPT;

import org.wsemu.net.TransportOption;

/**
 * The Windows Sockets 1.1 option set of getsockopt and setsockopt: which options exist at which
 * level for which socket type, which are read-only, and where each value lives (the endpoint for
 * buffer sizes, TCP_NODELAY, SO_KEEPALIVE, SO_REUSEADDR, SO_OOBINLINE and SO_BROADCAST; the socket
 * for the rest). SO_RCVLOWAT, SO_SNDLOWAT, SO_RCVTIMEO, SO_SNDTIMEO, SO_USELOOPBACK and IP_OPTIONS
 * are not supported in 1.1: WSAENOPROTOOPT.
 *
 * <p>Stateless; the values stored in the socket are read and written under the socket's monitor.
 */
final class SocketOptions {
  private SocketOptions() {}

  /**
   * The transport option an option number names, for an option that {@link #check} accepted and
   * that lives in the endpoint: SO_RCVBUF, SO_SNDBUF, SO_REUSEADDR, TCP_NODELAY, SO_KEEPALIVE,
   * SO_OOBINLINE or SO_BROADCAST. The one place where Winsock's option numbers meet the network's.
   */
  static TransportOption transport(int level, int optname) {
    if (level == IPPROTO_TCP) {
      return TransportOption.NO_DELAY;
    }
    return switch (optname) {
      case SO_RCVBUF -> TransportOption.RECEIVE_BUFFER;
      case SO_SNDBUF -> TransportOption.SEND_BUFFER;
      case SO_REUSEADDR -> TransportOption.REUSE_ADDRESS;
      case SO_KEEPALIVE -> TransportOption.KEEP_ALIVE;
      case SO_OOBINLINE -> TransportOption.OOB_INLINE;
      case SO_BROADCAST -> TransportOption.BROADCAST;
      default -> throw new IllegalArgumentException("not a transport option: " + optname);
    };
  }

  /** Whether the option is SO_LINGER (a {@code linger} value) rather than an int. */
  static boolean isLinger(int level, int optname) {
    return level == SOL_SOCKET && optname == SO_LINGER;
  }

  /** Checks that the option exists for reading (or writing) on this socket: 0 or -error. */
  static int check(EmulatedSocket socket, int level, int optname, boolean setting) {
    boolean stream = socket.type == SOCK_STREAM;
    if (level == IPPROTO_TCP) {
      return optname == TCP_NODELAY && stream ? 0 : -WSAENOPROTOOPT;
    }
    if (level == IPPROTO_IP) {
      return -WSAENOPROTOOPT;
    }
    if (level != SOL_SOCKET) {
      return setting ? -WSAEINVAL : -WSAENOPROTOOPT;
    }
    switch (optname) {
      case SO_DEBUG:
      case SO_REUSEADDR:
      case SO_DONTROUTE:
      case SO_SNDBUF:
      case SO_RCVBUF:
        return 0;
      case SO_BROADCAST:
        return stream ? -WSAENOPROTOOPT : 0;
      case SO_KEEPALIVE:
      case SO_LINGER:
      case SO_DONTLINGER:
      case SO_OOBINLINE:
        return stream ? 0 : -WSAENOPROTOOPT;
      case SO_ACCEPTCONN:
        return stream && !setting ? 0 : -WSAENOPROTOOPT;
      case SO_ERROR:
      case SO_TYPE:
        return setting ? -WSAENOPROTOOPT : 0;
      default:
        return -WSAENOPROTOOPT;
    }
  }

  /** The value of an int option that {@link #check} accepted: the value or -error. */
  static int get(EmulatedSocket socket, int level, int optname) {
    if (level == IPPROTO_TCP) {
      return socket.transportOption(transport(level, optname));
    }
    synchronized (socket) {
      switch (optname) {
        case SO_DEBUG:
          return socket.debug ? 1 : 0;
        case SO_DONTROUTE:
          return socket.dontRoute ? 1 : 0;
        case SO_ERROR:
          return socket.takeError();
        case SO_TYPE:
          return socket.type;
        case SO_ACCEPTCONN:
          return ((StreamSocket) socket).isListening() ? 1 : 0;
        case SO_DONTLINGER:
          return ((StreamSocket) socket).lingerOn ? 0 : 1;
        default:
          return socket.transportOption(transport(level, optname));
      }
    }
  }

  /** Sets an int option that {@link #check} accepted: 0 or -error. */
  static int set(EmulatedSocket socket, int level, int optname, int value) {
    if (level == IPPROTO_TCP) {
      return socket.setTransportOption(transport(level, optname), value);
    }
    synchronized (socket) {
      switch (optname) {
        case SO_DEBUG:
          socket.debug = value != 0;
          return 0;
        case SO_DONTROUTE:
          socket.dontRoute = value != 0;
          return 0;
        case SO_DONTLINGER:
          ((StreamSocket) socket).lingerOn = value == 0;
          return 0;
        default:
          return socket.setTransportOption(transport(level, optname), value);
      }
    }
  }

  static void getLinger(StreamSocket socket, linger out) {
    synchronized (socket) {
      out.l_onoff = socket.lingerOn ? 1 : 0;
      out.l_linger = socket.lingerSeconds;
    }
  }

  static void setLinger(StreamSocket socket, int onoff, int seconds) {
    synchronized (socket) {
      socket.lingerOn = (onoff & 0xFFFF) != 0;
      socket.lingerSeconds = seconds & 0xFFFF;
    }
  }
}
