package org.wsemu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.wsemu.Emulator;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.task.SchedulingMode;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceSink;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Raw JDK ends on loopback for the benchmarks (echo, silent holders, socket pairs) and emulators on
 * the real network. Thread-safe where it says so; each method's threads are daemons.
 */
final class Loopback {
  private Loopback() {}

  /** A quiet emulator of {@code mode} on the real network and clock. */
  static Emulator.Builder emulator(String name, SchedulingMode mode) {
    return Emulator.builder().name(name).mode(mode).clock(Clock.system()).network(new RealNetwork()).slf4jTrace(false);
  }

  /** A trace sink that counts {@code latch} down each time a task blocks in {@code function}. */
  static TraceSink countBlocks(String function, CountDownLatch latch) {
    return event -> {
      if (event.kind() == TraceKind.BLOCK && event.name().equals(function)) {
        latch.countDown();
      }
    };
  }

  static void startup(WinsockApi ws) {
    if (ws.WSAStartup(0x0101, new WSADATA()) != 0) {
      throw new IllegalStateException("WSAStartup failed");
    }
  }

  /** A connected emulated stream socket to 127.0.0.1:port, with TCP_NODELAY. */
  static int connect(WinsockApi ws, int port) {
    int s = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
    if (ws.connect(s, new sockaddr_in(WinSock.htons(port), WinSock.htonl(WinSock.INADDR_LOOPBACK)), sockaddr_in.SIZE) != 0) {
      throw new IllegalStateException("connect failed: " + ws.WSAGetLastError());
    }
    ws.setsockopt(s, WinSock.IPPROTO_TCP, WinSock.TCP_NODELAY, new org.wsemu.winsock.IntRef(1), 4);
    return s;
  }

  static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** A server echoing every byte on every connection, a thread each. */
  static ServerSocket echoServer() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("echo-accept", () -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          client.setTcpNoDelay(true);
          daemon("echo", () -> echo(client));
        } catch (IOException e) {
          return;
        }
      }
    });
    return server;
  }

  private static void echo(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the other side went away
    }
  }

  /** A server that accepts and holds connections, sending nothing until {@link Holder#releaseAll}. */
  static final class Holder implements AutoCloseable {
    final ServerSocketChannel server;
    final List<SocketChannel> held = new CopyOnWriteArrayList<>();

    Holder() throws IOException {
      server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10_000);
      daemon("holder-accept", () -> {
        while (server.isOpen()) {
          try {
            held.add(server.accept());
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    int port() throws IOException {
      return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Sends one byte on every held connection. */
    void releaseAll() throws IOException {
      for (SocketChannel channel : held) {
        channel.write(ByteBuffer.wrap(new byte[] {1}));
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (SocketChannel channel : held) {
        channel.close();
      }
    }
  }

  /** A connected pair of JDK sockets: {client, server side}. */
  static Socket[] socketPair() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      Socket accepted = server.accept();
      client.setTcpNoDelay(true);
      accepted.setTcpNoDelay(true);
      return new Socket[] {client, accepted};
    }
  }

  /** A connected pair of blocking NIO channels: {client, server side}. */
  static SocketChannel[] channelPair() throws IOException {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      SocketChannel client = SocketChannel.open(server.getLocalAddress());
      SocketChannel accepted = server.accept();
      return new SocketChannel[] {client, accepted};
    }
  }
}
