package org.wsemu.net;

import static org.wsemu.winsock.WinSock.SO_KEEPALIVE;
import static org.wsemu.winsock.WinSock.SO_OOBINLINE;
import static org.wsemu.winsock.WinSock.SO_RCVBUF;
import static org.wsemu.winsock.WinSock.SO_REUSEADDR;
import static org.wsemu.winsock.WinSock.SO_SNDBUF;
import static org.wsemu.winsock.WinSock.TCP_NODELAY;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock.WSAENOPROTOOPT;
import static org.wsemu.winsock.WinSock.WSAENOTCONN;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * A TCP endpoint on Java NIO. Java needs a {@link SocketChannel} to bind or connect and a
 * {@link ServerSocketChannel} to listen, while Winsock decides between the two only at listen or
 * connect; so bind binds a socket channel, and listen moves the binding to a server channel on the
 * same address (a bound, never-connected socket frees its port at once).
 *
 * <p>Thread-safe: state changes are synchronized; reads and writes go straight to the channel.
 */
final class NioTcpEndpoint implements TcpEndpoint {
  private final NioNetwork network;
  private final NioRegistration registration;
  private final Map<Integer, Integer> options = new HashMap<>(); // guarded by this
  private volatile SocketChannel channel;
  private volatile ServerSocketChannel server;
  private InetSocketAddress explicitBind; // guarded by this
  private boolean closed; // guarded by this

  NioTcpEndpoint(NioNetwork network, NioSelectorLoop loop) {
    this.network = network;
    this.registration = new NioRegistration(loop);
  }

  private NioTcpEndpoint(NioNetwork network, NioSelectorLoop loop, SocketChannel accepted) throws IOException {
    this(network, loop);
    accepted.configureBlocking(false);
    this.channel = accepted;
    registration.channel(accepted);
  }

  // ---- options ----

  @Override
  public synchronized int setOption(int option, int value) {
    if (!isTransportOption(option)) {
      return -WSAENOPROTOOPT;
    }
    options.put(option, value);
    NetworkChannel target = channel != null ? channel : server;
    return target == null ? 0 : apply(target, option, value);
  }

  @Override
  public synchronized int getOption(int option) {
    if (!isTransportOption(option)) {
      return -WSAENOPROTOOPT;
    }
    NetworkChannel target = channel != null ? channel : server;
    try {
      if (target != null) {
        switch (option) {
          case SO_RCVBUF: return target.getOption(StandardSocketOptions.SO_RCVBUF);
          case SO_SNDBUF: return target instanceof SocketChannel s ? s.getOption(StandardSocketOptions.SO_SNDBUF) : options.getOrDefault(option, 65536);
          case SO_REUSEADDR: return options.getOrDefault(SO_REUSEADDR, 0) != 0 ? 1 : 0; // listen forces it on internally
          default: break;
        }
        if (target instanceof SocketChannel s) {
          switch (option) {
            case TCP_NODELAY: return s.getOption(StandardSocketOptions.TCP_NODELAY) ? 1 : 0;
            case SO_KEEPALIVE: return s.getOption(StandardSocketOptions.SO_KEEPALIVE) ? 1 : 0;
            case SO_OOBINLINE: return s.socket().getOOBInline() ? 1 : 0;
            default: break;
          }
        }
      }
    } catch (IOException e) {
      return -IoErrors.code(e);
    }
    Integer stored = options.get(option);
    if (stored != null) {
      return stored;
    }
    return option == SO_RCVBUF || option == SO_SNDBUF ? 65536 : 0;
  }

  private static boolean isTransportOption(int option) {
    return option == SO_RCVBUF || option == SO_SNDBUF || option == TCP_NODELAY || option == SO_KEEPALIVE
        || option == SO_REUSEADDR || option == SO_OOBINLINE;
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
              case SO_OOBINLINE -> s.socket().setOOBInline(value != 0);
              default -> { }
            }
          }
        }
      }
      return 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -IoErrors.code(e);
    }
  }

  private void applyAll(NetworkChannel target) {
    for (Map.Entry<Integer, Integer> option : options.entrySet()) {
      apply(target, option.getKey(), option.getValue());
    }
  }

  // ---- lifecycle ----

  private SocketChannel openChannel() throws IOException {
    SocketChannel opened = SocketChannel.open();
    opened.configureBlocking(false);
    applyAll(opened);
    return opened;
  }

  @Override
  public synchronized int bind(int ip, int port) {
    if (channel != null || server != null) {
      return -WSAEINVAL;
    }
    try {
      SocketChannel opened = openChannel();
      try {
        opened.bind(NioAddresses.of(ip, port));
      } catch (IOException e) {
        opened.close();
        throw e;
      }
      explicitBind = (InetSocketAddress) opened.getLocalAddress();
      channel = opened;
      registration.channel(opened);
      return 0;
    } catch (IOException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public synchronized int listen(int backlog) {
    if (server != null) {
      return 0;
    }
    try {
      SocketAddress address = explicitBind != null ? explicitBind : new InetSocketAddress(0);
      if (channel != null) {
        channel.close();
        channel = null;
      }
      ServerSocketChannel opened = ServerSocketChannel.open();
      opened.configureBlocking(false);
      opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      applyAll(opened);
      opened.bind(address, backlog);
      server = opened;
      registration.channel(opened);
      return 0;
    } catch (IOException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public TcpEndpoint accept() throws NetException {
    ServerSocketChannel listening = server;
    if (listening == null) {
      throw new NetException(WSAEINVAL, "not listening");
    }
    try {
      SocketChannel accepted = listening.accept();
      return accepted == null ? null : network.track(new NioTcpEndpoint(network, registration.loop(), accepted));
    } catch (IOException e) {
      throw new NetException(IoErrors.code(e), String.valueOf(e.getMessage()));
    }
  }

  @Override
  public synchronized int connect(int ip, int port) {
    if (server != null) {
      return -WSAEINVAL;
    }
    try {
      if (channel == null || !channel.isOpen()) {
        SocketChannel opened = openChannel();
        if (explicitBind != null) {
          opened.bind(explicitBind); // a failed attempt closed the old channel; keep the binding
        }
        channel = opened;
        registration.channel(opened);
      }
      boolean connected = channel.connect(NioAddresses.of(ip, port));
      registration.refresh(); // waiters from before (a select on the bound socket) can be watched now
      return connected ? 0 : -WSAEWOULDBLOCK;
    } catch (IOException | RuntimeException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public int finishConnect() {
    SocketChannel current = channel;
    if (current == null) {
      return -WSAENOTCONN;
    }
    try {
      return current.finishConnect() ? 0 : -WSAEWOULDBLOCK;
    } catch (IOException | RuntimeException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int len) {
    SocketChannel current = channel;
    if (current == null) {
      return -WSAENOTCONN;
    }
    try {
      int n = current.read(ByteBuffer.wrap(buffer, offset, len));
      return n > 0 ? n : n < 0 ? 0 : -WSAEWOULDBLOCK;
    } catch (IOException | RuntimeException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public int write(byte[] buffer, int offset, int len) {
    SocketChannel current = channel;
    if (current == null) {
      return -WSAENOTCONN;
    }
    try {
      int n = current.write(ByteBuffer.wrap(buffer, offset, len));
      return n > 0 ? n : -WSAEWOULDBLOCK;
    } catch (IOException | RuntimeException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public int sendUrgent(int data) {
    SocketChannel current = channel;
    if (current == null) {
      return -WSAENOTCONN;
    }
    try {
      current.socket().sendUrgentData(data);
      return 1;
    } catch (IOException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public int readUrgent() {
    return -WSAEINVAL; // the JDK cannot read urgent data apart from the stream
  }

  @Override
  public boolean atMark() {
    return true; // nor can it tell where the mark is: no urgent data is ever seen waiting
  }

  @Override
  public int unsentBytes() {
    return 0; // once the kernel took it, the JDK cannot tell whether it was acknowledged
  }

  @Override
  public int shutdownInput() {
    SocketChannel current = channel;
    try {
      if (current != null) {
        current.shutdownInput();
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public int shutdownOutput() {
    SocketChannel current = channel;
    try {
      if (current != null) {
        current.shutdownOutput();
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      return -IoErrors.code(e);
    }
  }

  @Override
  public void close(boolean abortive) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      SocketChannel current = channel;
      if (current != null) {
        if (abortive && current.isOpen()) {
          current.setOption(StandardSocketOptions.SO_LINGER, 0); // close now sends RST
        }
        current.close();
      }
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // closing: nothing left to report to
    }
    registration.closed();
  }

  // ---- addresses ----

  @Override
  public int localIp() {
    return NioAddresses.ip(local());
  }

  @Override
  public int localPort() {
    return NioAddresses.port(local());
  }

  private SocketAddress local() {
    try {
      NetworkChannel current = channel != null ? channel : server;
      return current == null ? null : current.getLocalAddress();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public int remoteIp() {
    return NioAddresses.ip(remote());
  }

  @Override
  public int remotePort() {
    return NioAddresses.port(remote());
  }

  private SocketAddress remote() {
    try {
      SocketChannel current = channel;
      return current == null ? null : current.getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void notifyWhen(int ops, Runnable onReady) {
    registration.notifyWhen(ops, onReady);
  }
}
