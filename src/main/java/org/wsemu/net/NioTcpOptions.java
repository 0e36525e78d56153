package org.wsemu.net;

import static org.wsemu.winsock.WinSock.SO_KEEPALIVE;
import static org.wsemu.winsock.WinSock.SO_OOBINLINE;
import static org.wsemu.winsock.WinSock.SO_RCVBUF;
import static org.wsemu.winsock.WinSock.SO_REUSEADDR;
import static org.wsemu.winsock.WinSock.SO_SNDBUF;
import static org.wsemu.winsock.WinSock.TCP_NODELAY;
import static org.wsemu.winsock.WinSock.WSAENOPROTOOPT;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * The transport options of one {@link NioTcpEndpoint} (WinSock option numbers): what the program
 * set is kept, applied to the endpoint's channel if it has one, and applied again to every channel
 * it opens later (to bind, to connect, to listen). Reads come from the channel where the JDK can
 * tell, else from what was set.
 *
 * <p>Not thread-safe: the endpoint's lock guards it.
 */
final class NioTcpOptions {
  /** What a buffer size reads before any channel exists (the JDK's usual default). */
  private static final int DEFAULT_BUFFER = 65536;

  private final Map<Integer, Integer> values = new HashMap<>();

  /** Whether {@code option} is one the endpoint handles. */
  static boolean isTransportOption(int option) {
    return option == SO_RCVBUF || option == SO_SNDBUF || option == TCP_NODELAY || option == SO_KEEPALIVE
        || option == SO_REUSEADDR || option == SO_OOBINLINE;
  }

  /** Keeps {@code value} and applies it to {@code target} (null: no channel yet): 0 or -error. */
  int set(NetworkChannel target, int option, int value) {
    if (!isTransportOption(option)) {
      return -WSAENOPROTOOPT;
    }
    values.put(option, value);
    return target == null ? 0 : apply(target, option, value);
  }

  /** The value of {@code option} on {@code target} (null: no channel), or -error. */
  int get(NetworkChannel target, int option) {
    if (!isTransportOption(option)) {
      return -WSAENOPROTOOPT;
    }
    if (option == SO_REUSEADDR) {
      return values.getOrDefault(SO_REUSEADDR, 0) != 0 ? 1 : 0; // listening forces it on internally
    }
    try {
      if (target instanceof SocketChannel s) {
        switch (option) {
          case SO_RCVBUF: return s.getOption(StandardSocketOptions.SO_RCVBUF);
          case SO_SNDBUF: return s.getOption(StandardSocketOptions.SO_SNDBUF);
          case TCP_NODELAY: return s.getOption(StandardSocketOptions.TCP_NODELAY) ? 1 : 0;
          case SO_KEEPALIVE: return s.getOption(StandardSocketOptions.SO_KEEPALIVE) ? 1 : 0;
          default: return s.socket().getOOBInline() ? 1 : 0;
        }
      }
      if (target != null && option == SO_RCVBUF) {
        return target.getOption(StandardSocketOptions.SO_RCVBUF); // a listener has no send buffer
      }
    } catch (IOException | UnsupportedOperationException e) {
      return -IoErrors.code(e);
    }
    return values.getOrDefault(option, option == SO_RCVBUF || option == SO_SNDBUF ? DEFAULT_BUFFER : 0);
  }

  /** Applies every option kept so far to a new channel; an option the channel refuses is left out. */
  void applyTo(NetworkChannel target) {
    for (Map.Entry<Integer, Integer> option : values.entrySet()) {
      apply(target, option.getKey(), option.getValue());
    }
  }

  private static int apply(NetworkChannel target, int option, int value) {
    try {
      switch (option) {
        case SO_RCVBUF -> target.setOption(StandardSocketOptions.SO_RCVBUF, Math.max(1, value));
        case SO_REUSEADDR -> target.setOption(StandardSocketOptions.SO_REUSEADDR, value != 0);
        default -> {
          if (target instanceof SocketChannel s) {
            switch (option) {
              case SO_SNDBUF -> s.setOption(StandardSocketOptions.SO_SNDBUF, Math.max(1, value));
              case TCP_NODELAY -> s.setOption(StandardSocketOptions.TCP_NODELAY, value != 0);
              case SO_KEEPALIVE -> s.setOption(StandardSocketOptions.SO_KEEPALIVE, value != 0);
              default -> s.socket().setOOBInline(value != 0);
            }
          }
        }
      }
      return 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -IoErrors.code(e);
    }
  }
}
