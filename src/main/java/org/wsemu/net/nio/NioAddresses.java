package org.wsemu.net.nio;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/** Host-order IPv4 ints to and from JDK addresses. */
final class NioAddresses {
  private NioAddresses() {}

  static InetSocketAddress of(int ip, int port) {
    byte[] bytes = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
    try {
      return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an address", e);
    }
  }

  static int ip(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet4Address v4) {
      byte[] b = v4.getAddress();
      return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }
    return 0;
  }

  static int port(SocketAddress address) {
    return address instanceof InetSocketAddress inet ? inet.getPort() : 0;
  }
}
