package org.wsemu.net.nio;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;
import org.wsemu.net.TransportOption;
import org.wsemu.net.UdpEndpoint;

/**
 * A UDP endpoint on a non-blocking {@link DatagramChannel}. Datagrams are received whole into a
 * 64 KiB buffer first, because the JDK silently drops what does not fit the caller's buffer and
 * the caller must learn of the truncation.
 *
 * <p>Thread-safe.
 */
final class NioUdpEndpoint implements UdpEndpoint {
  static final int MAX_DATAGRAM = 65507;

  private final NioNetwork network;
  private final DatagramChannel channel;
  private final NioRegistration registration;
  @GuardedBy("this") private final ByteBuffer incoming = ByteBuffer.allocate(65536);

  NioUdpEndpoint(NioNetwork network, NioSelectorLoop loop) throws IOException {
    this.network = network;
    DatagramChannel opened = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      opened.configureBlocking(false);
    } catch (IOException e) {
      opened.close();
      throw e;
    }
    this.channel = opened;
    this.registration = new NioRegistration(loop);
    this.registration.channel(channel);
  }

  @Override
  public int setOption(TransportOption option, int value) {
    requireUdp(option);
    try {
      switch (option) {
        case RECEIVE_BUFFER -> channel.setOption(StandardSocketOptions.SO_RCVBUF, Math.max(1, value));
        case SEND_BUFFER -> channel.setOption(StandardSocketOptions.SO_SNDBUF, Math.max(1, value));
        case BROADCAST -> channel.setOption(StandardSocketOptions.SO_BROADCAST, value != 0);
        default -> channel.setOption(StandardSocketOptions.SO_REUSEADDR, value != 0);
      }
      return 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public int getOption(TransportOption option) {
    requireUdp(option);
    try {
      return switch (option) {
        case RECEIVE_BUFFER -> channel.getOption(StandardSocketOptions.SO_RCVBUF);
        case SEND_BUFFER -> channel.getOption(StandardSocketOptions.SO_SNDBUF);
        case BROADCAST -> channel.getOption(StandardSocketOptions.SO_BROADCAST) ? 1 : 0;
        default -> channel.getOption(StandardSocketOptions.SO_REUSEADDR) ? 1 : 0;
      };
    } catch (IOException | UnsupportedOperationException e) {
      return IoErrors.result(e);
    }
  }

  private static void requireUdp(TransportOption option) {
    if (!option.forUdp()) {
      throw new IllegalArgumentException("not a UDP option: " + option);
    }
  }

  @Override
  public int bind(int ip, int port) {
    try {
      channel.bind(NioAddresses.of(ip, port));
      return 0;
    } catch (IOException | AlreadyBoundException | UnsupportedAddressTypeException | UnresolvedAddressException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public int connect(int ip, int port) {
    try {
      if (channel.isConnected()) {
        channel.disconnect();
      }
      channel.connect(NioAddresses.of(ip, port));
      return 0;
    } catch (IOException | UnsupportedAddressTypeException | UnresolvedAddressException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public int send(byte[] buffer, int offset, int len, int ip, int port) {
    if (len > MAX_DATAGRAM) {
      return NetError.MESSAGE_TOO_BIG.result();
    }
    ByteBuffer datagram = ByteBuffer.wrap(buffer, offset, len);
    try {
      int n = channel.isConnected() ? channel.write(datagram) : channel.send(datagram, NioAddresses.of(ip, port));
      return n > 0 || len == 0 ? n : NetError.WOULD_BLOCK.result();
    } catch (IOException | NotYetConnectedException | UnsupportedAddressTypeException | UnresolvedAddressException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public synchronized int receive(byte[] buffer, int offset, int len, int[] from) {
    try {
      incoming.clear();
      SocketAddress sender = channel.receive(incoming);
      if (sender == null) {
        return NetError.WOULD_BLOCK.result();
      }
      int size = incoming.position();
      incoming.flip();
      incoming.get(buffer, offset, Math.min(size, len));
      from[0] = NioAddresses.ip(sender);
      from[1] = NioAddresses.port(sender);
      return size;
    } catch (IOException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing: nothing left to report to
    }
    registration.closed();
    network.forget(this);
  }

  @Override
  public int localIp() {
    try {
      return NioAddresses.ip(channel.getLocalAddress());
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public int localPort() {
    try {
      return NioAddresses.port(channel.getLocalAddress());
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void notifyWhen(int ops, Runnable onReady) {
    registration.notifyWhen(ops, onReady);
  }
}
