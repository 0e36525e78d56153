package org.wsemu.net.nio;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Map;
import org.wsemu.net.TransportOption;

/**
 * The transport options of one {@link NioTcpEndpoint}: what the program set is kept, applied to
 * the endpoint's channel if it has one, and applied again to every channel it opens later (to
 * bind, to connect, to listen). Reads come from the channel where the JDK can tell, else from what
 * was set.
 *
 * <p>Not thread-safe: the endpoint's lock guards it.
 */
final class NioTcpOptions {
  /** What a buffer size reads before any channel exists (the JDK's usual default). */
  private static final int DEFAULT_BUFFER = 65536;

  private final Map<TransportOption, Integer> values = new EnumMap<>(TransportOption.class);

  /** Keeps {@code value} and applies it to {@code target} (null: no channel yet): 0 or an error. */
  int set(NetworkChannel target, TransportOption option, int value) {
    requireTcp(option);
    values.put(option, value);
    return target == null ? 0 : apply(target, option, value);
  }

  /** The value of {@code option} on {@code target} (null: no channel), or an error. */
  int get(NetworkChannel target, TransportOption option) {
    requireTcp(option);
    if (option == TransportOption.REUSE_ADDRESS) {
      return values.getOrDefault(option, 0) != 0 ? 1 : 0; // listening forces it on internally
    }
    try {
      if (target instanceof SocketChannel s) {
        switch (option) {
          case RECEIVE_BUFFER: return s.getOption(StandardSocketOptions.SO_RCVBUF);
          case SEND_BUFFER: return s.getOption(StandardSocketOptions.SO_SNDBUF);
          case NO_DELAY: return s.getOption(StandardSocketOptions.TCP_NODELAY) ? 1 : 0;
          case KEEP_ALIVE: return s.getOption(StandardSocketOptions.SO_KEEPALIVE) ? 1 : 0;
          default: return s.socket().getOOBInline() ? 1 : 0;
        }
      }
      if (target != null && option == TransportOption.RECEIVE_BUFFER) {
        return target.getOption(StandardSocketOptions.SO_RCVBUF); // a listener has no send buffer
      }
    } catch (IOException | UnsupportedOperationException e) {
      return IoErrors.result(e);
    }
    boolean buffer = option == TransportOption.RECEIVE_BUFFER || option == TransportOption.SEND_BUFFER;
    return values.getOrDefault(option, buffer ? DEFAULT_BUFFER : 0);
  }

  private static void requireTcp(TransportOption option) {
    if (!option.forTcp()) {
      throw new IllegalArgumentException("not a TCP option: " + option);
    }
  }

  /** Applies every option kept so far to a new channel; an option the channel refuses is left out. */
  void applyTo(NetworkChannel target) {
    for (Map.Entry<TransportOption, Integer> option : values.entrySet()) {
      apply(target, option.getKey(), option.getValue());
    }
  }

  private static int apply(NetworkChannel target, TransportOption option, int value) {
    try {
      switch (option) {
        case RECEIVE_BUFFER -> target.setOption(StandardSocketOptions.SO_RCVBUF, Math.max(1, value));
        case REUSE_ADDRESS -> target.setOption(StandardSocketOptions.SO_REUSEADDR, value != 0);
        default -> {
          if (target instanceof SocketChannel s) {
            switch (option) {
              case SEND_BUFFER -> s.setOption(StandardSocketOptions.SO_SNDBUF, Math.max(1, value));
              case NO_DELAY -> s.setOption(StandardSocketOptions.TCP_NODELAY, value != 0);
              case KEEP_ALIVE -> s.setOption(StandardSocketOptions.SO_KEEPALIVE, value != 0);
              default -> s.socket().setOOBInline(value != 0);
            }
          }
        }
      }
      return 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return IoErrors.result(e);
    }
  }
}
