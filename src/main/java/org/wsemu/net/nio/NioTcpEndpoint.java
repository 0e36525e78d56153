package org.wsemu.net.nio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;
import org.wsemu.net.NetException;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.TransportOption;

/**
 * A TCP endpoint on Java NIO. Java needs a {@link SocketChannel} to bind or connect and a
 * {@link ServerSocketChannel} to listen, while Winsock decides between the two only at listen or
 * connect; so bind binds a socket channel, and listen moves the binding to a server channel on the
 * same address (a bound, never-connected socket frees its port at once).
 *
 * <p>The endpoint keeps its <em>binding</em> (the address bind gave it, or the port a failed
 * connect took) apart from the channel, because the JDK closes a channel whose connect fails, and
 * listen must close the bound channel before the server channel can bind: after such a failure it
 * binds a fresh channel to the same address, so that the socket keeps its port as a Windows socket
 * does; if the port cannot be had back, the binding is still reported and tried again at the next
 * connect or listen. A connection that was made and reset before {@link #finishConnect} looked is
 * a made connection: the reset is reported by the next read or write.
 *
 * <p>Every path that opens a channel closes it again when it fails.
 *
 * <p>Thread-safe: state changes are synchronized; reads and writes go straight to the channel.
 */
final class NioTcpEndpoint implements TcpEndpoint {
  /** A connection the JDK closed because it was reset as it was made: its two addresses. */
  private record Reset(InetSocketAddress local, InetSocketAddress remote) {}

  private final NioNetwork network;
  private final NioRegistration registration;
  @GuardedBy("this") private final NioTcpOptions options = new NioTcpOptions();
  private volatile SocketChannel channel; // open, or null; closed only by close()
  private volatile ServerSocketChannel server;
  private volatile InetSocketAddress binding; // written under this
  private volatile Reset reset; // written under this
  @GuardedBy("this") private InetSocketAddress target; // where the last connect went
  @GuardedBy("this") private InetSocketAddress attemptLocal; // the local address of that connect
  @GuardedBy("this") private boolean closed;

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
  public synchronized int setOption(TransportOption option, int value) {
    return options.set(current(), option, value);
  }

  @Override
  public synchronized int getOption(TransportOption option) {
    return options.get(current(), option);
  }

  private NetworkChannel current() {
    SocketChannel socket = channel;
    return socket != null ? socket : server;
  }

  // ---- binding ----

  @Override
  public synchronized int bind(int ip, int port) {
    if (closed) {
      return NetError.CLOSED.result(); // closed meanwhile (closesocket from another thread)
    }
    if (channel != null || server != null || binding != null) {
      throw new IllegalStateException("bind: the endpoint is bound already");
    }
    int r = openBound(NioAddresses.of(ip, port));
    if (r == 0) {
      binding = localOf(channel);
    }
    return r;
  }

  /** Opens a socket channel, bound to {@code address} unless null, as the endpoint's: 0 or -error. */
  private int openBound(SocketAddress address) {
    SocketChannel opened = null;
    try {
      opened = SocketChannel.open();
      opened.configureBlocking(false);
      options.applyTo(opened);
      if (address != null) {
        opened.bind(address);
      }
    } catch (IOException e) {
      closeQuietly(opened);
      return IoErrors.result(e);
    }
    channel = opened;
    registration.channel(opened);
    return 0;
  }

  /** After the JDK closed the channel: a fresh one on the binding, if the port can be had back. */
  private void rebind() {
    InetSocketAddress address = binding;
    if (address != null && !closed) {
      openBound(address); // failing, the binding is still reported and tried again later
    }
  }

  @Override
  public synchronized int listen(int backlog) {
    if (closed) {
      return NetError.CLOSED.result();
    }
    if (server != null || binding == null) {
      throw new IllegalStateException(server != null ? "listen: listening already" : "listen: not bound");
    }
    ServerSocketChannel opened = null;
    try {
      opened = ServerSocketChannel.open();
      opened.configureBlocking(false);
      opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      options.applyTo(opened);
    } catch (IOException e) {
      closeQuietly(opened);
      return IoErrors.result(e);
    }
    closeQuietly(channel); // frees the port for the server channel
    channel = null;
    try {
      opened.bind(binding, backlog);
    } catch (IOException e) {
      closeQuietly(opened);
      rebind(); // the socket stays bound where it was
      return IoErrors.result(e);
    }
    server = opened;
    registration.channel(opened);
    return 0;
  }

  @Override
  public TcpEndpoint accept() throws NetException {
    ServerSocketChannel listening = server;
    if (listening == null) {
      if (closed) {
        throw new NetException(NetError.CLOSED, "closed");
      }
      throw new IllegalStateException("accept: not listening");
    }
    SocketChannel accepted;
    try {
      accepted = listening.accept();
    } catch (IOException | NotYetBoundException e) {
      throw new NetException(IoErrors.error(e), String.valueOf(e.getMessage()));
    }
    if (accepted == null) {
      return null;
    }
    try {
      return network.track(new NioTcpEndpoint(network, registration.loop(), accepted));
    } catch (IOException e) {
      closeQuietly(accepted);
      throw new NetException(IoErrors.error(e), String.valueOf(e.getMessage()));
    }
  }

  // ---- connecting ----

  @Override
  public synchronized int connect(int ip, int port) {
    if (closed) {
      return NetError.CLOSED.result();
    }
    if (server != null) {
      throw new IllegalStateException("connect: listening");
    }
    if (channel == null) {
      // an unbound socket is bound first, as Windows does: the JDK shows no port while a connect
      // is pending, and the port must be known to be kept when the attempt fails
      int r = openBound(binding != null ? binding : NioAddresses.of(0, 0));
      if (r < 0) {
        return r;
      }
    }
    target = NioAddresses.of(ip, port);
    attemptLocal = localOf(channel); // bound: the JDK reports no other address while connecting
    reset = null;
    try {
      boolean connected = channel.connect(target);
      registration.refresh(); // waiters from before (a select on the bound socket) can be watched now
      return connected ? 0 : NetError.WOULD_BLOCK.result();
    } catch (AlreadyConnectedException | ConnectionPendingException | UnresolvedAddressException
        | UnsupportedAddressTypeException e) {
      return IoErrors.result(e); // refused before any attempt: the channel stays as it was
    } catch (IOException e) {
      return attemptFailed(e);
    }
  }

  @Override
  public synchronized int finishConnect() {
    if (reset != null) {
      return 0; // made, then reset: the reset is the next call's
    }
    SocketChannel current = channel;
    if (closed) {
      return NetError.CLOSED.result();
    }
    if (current == null) {
      throw new IllegalStateException("finishConnect: no connection attempt");
    }
    try {
      return current.finishConnect() ? 0 : NetError.WOULD_BLOCK.result(); // none pending: IllegalStateException
    } catch (IOException e) {
      return attemptFailed(e);
    }
  }

  /**
   * A connect failed, and the JDK closed the channel. A reset means the connection had been made
   * (a refused attempt is {@link NetError#REFUSED}): connected, the reset to come. Otherwise the socket
   * goes back to its binding, or, if it had none, to the port the attempt took.
   */
  private int attemptFailed(IOException e) {
    NetError error = IoErrors.error(e);
    boolean made = error == NetError.RESET && attemptLocal != null;
    if (made) {
      reset = new Reset(attemptLocal, target); // before the channel goes: a reader sees one or the other
    }
    closeQuietly(channel);
    channel = null;
    registration.released(); // the selector may hold the closed channel, and with it the port
    if (made) {
      return 0;
    }
    if (binding == null && attemptLocal != null) {
      binding = NioAddresses.of(0, attemptLocal.getPort()); // the port the attempt took
    }
    rebind();
    return error.result();
  }

  // ---- data ----

  /** What a data call answers without a channel: the reset of a connection made and lost. */
  private int noChannel() {
    if (reset == null) {
      throw new IllegalStateException("not connected");
    }
    return NetError.RESET.result();
  }

  @Override
  public int read(byte[] buffer, int offset, int len) {
    SocketChannel current = channel;
    if (current == null) {
      return noChannel();
    }
    ByteBuffer into = ByteBuffer.wrap(buffer, offset, len);
    try {
      int n = current.read(into);
      return n > 0 ? n : n < 0 ? 0 : NetError.WOULD_BLOCK.result();
    } catch (IOException | NotYetConnectedException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public int write(byte[] buffer, int offset, int len) {
    SocketChannel current = channel;
    if (current == null) {
      return noChannel();
    }
    ByteBuffer from = ByteBuffer.wrap(buffer, offset, len);
    try {
      int n = current.write(from);
      return n > 0 ? n : NetError.WOULD_BLOCK.result();
    } catch (IOException | NotYetConnectedException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public int sendUrgent(int data) {
    SocketChannel current = channel;
    if (current == null) {
      return noChannel();
    }
    try {
      current.socket().sendUrgentData(data);
      return 1;
    } catch (IOException e) {
      return IoErrors.result(e);
    }
  }

  @Override
  public int readUrgent() {
    return NetError.INVALID.result(); // the JDK cannot read urgent data apart from the stream
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
    } catch (IOException | NotYetConnectedException e) {
      return IoErrors.result(e);
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
    } catch (IOException | NotYetConnectedException e) {
      return IoErrors.result(e);
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
    SocketChannel current = channel;
    if (current != null && abortive) {
      try {
        current.setOption(StandardSocketOptions.SO_LINGER, 0); // close now sends RST
      } catch (IOException e) {
        // already closed or never connected: nothing to reset
      }
    }
    closeQuietly(current);
    closeQuietly(server);
    registration.closed();
    network.forget(this);
  }

  private static void closeQuietly(NetworkChannel opened) {
    if (opened != null) {
      try {
        opened.close();
      } catch (IOException e) {
        // closing: nothing left to report to
      }
    }
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
    NetworkChannel current = current();
    if (current != null) {
      InetSocketAddress address = localOf(current);
      if (address != null) {
        return address;
      }
    }
    Reset lost = reset;
    return lost != null ? lost.local() : binding;
  }

  /** The channel's local address, or null once it is closed. */
  private static InetSocketAddress localOf(NetworkChannel of) {
    try {
      return (InetSocketAddress) of.getLocalAddress();
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
    SocketChannel current = channel;
    if (current != null) {
      try {
        return current.getRemoteAddress();
      } catch (IOException e) {
        return null;
      }
    }
    Reset lost = reset;
    return lost != null ? lost.remote() : null;
  }

  @Override
  public void notifyWhen(int ops, Runnable onReady) {
    registration.notifyWhen(ops, onReady);
  }
}
