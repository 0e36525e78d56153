package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.wsemu.Emulator;
import org.wsemu.net.NetError;
import org.wsemu.sim.PeerConnection;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The other end of a connection, driven by the test thread, so that data arrives exactly when the
 * test says, after the emulated task is known to be blocked: a plain JDK socket on the real
 * network, a peer connection on the simulated one (connecting from the default host to its
 * loopback).
 */
final class Peer implements AutoCloseable {
  private static final byte[] END = new byte[0];

  private final Socket socket; // real network
  private final PeerConnection connection; // simulated network
  private final LinkedBlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
  private boolean drained; // the end or an error was queued; only the peer's callbacks touch it

  private Peer(Socket socket, PeerConnection connection) {
    this.socket = socket;
    this.connection = connection;
  }

  /** Connects to 127.0.0.1:port on the real network. */
  static Peer connect(int port) throws IOException {
    return new Peer(new Socket(InetAddress.getLoopbackAddress(), port), null);
  }

  /** Connects to 127.0.0.1:port: on {@code network}, or on the real network if it is null. */
  static Peer connect(SimulatedNetwork network, int port) throws Exception {
    if (network == null) {
      return connect(port);
    }
    CompletableFuture<Peer> made = new CompletableFuture<>();
    network.connect(network.defaultHost(), "127.0.0.1", port, connection -> {
      Peer peer = new Peer(null, connection);
      made.complete(peer);
      return peer::drain;
    });
    return made.get(10, TimeUnit.SECONDS);
  }

  private void drain() {
    if (drained) {
      return;
    }
    byte[] buffer = new byte[4096];
    for (;;) {
      int n = connection.read(buffer, 0, buffer.length);
      if (n > 0) {
        incoming.add(java.util.Arrays.copyOf(buffer, n));
      } else {
        if (n != PeerConnection.WOULD_BLOCK) {
          incoming.add(n == 0 ? END : NetError.of(n)); // the end of the stream, or the error
          drained = true;

        }
        return;
      }
    }
  }

  void send(String text) throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (connection != null) {
      connection.send(bytes);
      return;
    }
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** What the other side sends; read() waits at most 10 s. On the simulated network a reset reads as an IOException. */
  InputStream in() throws IOException {
    if (connection == null) {
      socket.setSoTimeout(10_000);
      return socket.getInputStream();
    }
    return new InputStream() {
      private byte[] current = new byte[0];
      private int position;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (position == current.length) {
          if (ended) {
            return -1;
          }
          Object next;
          try {
            next = incoming.poll(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
          }
          if (next == null) {
            throw new java.net.SocketTimeoutException("nothing arrived within 10 s");
          }
          if (next == END) {
            ended = true;
            return -1;
          }
          if (next instanceof NetError error) {
            ended = true;
            throw new IOException("Connection reset (" + error + ")");
          }
          current = (byte[]) next;
          position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  /** Closes abortively: the other side sees a reset. */
  void abort() throws IOException {
    if (connection != null) {
      connection.reset();
      return;
    }
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    if (connection != null) {
      connection.close();
      return;
    }
    socket.close();
  }

  /** A server task of a started emulator plus the port its listener published, for tests that talk to it. */
  static final class Server {
    final Task task;
    private final SimulatedNetwork network;
    private final AtomicInteger port = new AtomicInteger();
    private final CountDownLatch listening = new CountDownLatch(1);

    private Server(Task task, SimulatedNetwork network) {
      this.task = task;
      this.network = network;
    }

    /** A server task's code, from the connection it accepted on. */
    @FunctionalInterface
    interface Accepted {
      int run(WinsockApi ws, int s) throws Exception;
    }

    /**
     * Creates a task that calls WSAStartup (1.1), listens on loopback, publishes its port, accepts
     * one connection and runs {@code body} with it, on {@code network} (the real one if null), and
     * starts the emulator.
     */
    static Server accepting(Emulator emu, SimulatedNetwork network, Accepted body) {
      return accepting(emu, network, 0x0101, body);
    }

    /** As {@link #accepting(Emulator, SimulatedNetwork, Accepted)}, with WSAStartup of {@code version}. */
    static Server accepting(Emulator emu, SimulatedNetwork network, int version, Accepted body) {
      Server[] holder = new Server[1];
      Task task = emu.createTask("server", () -> {
        WinsockApi ws = emu.winsock();
        WinsockTestSupport.startup(ws, version);
        int[] listener = WinsockTestSupport.listener(ws);
        holder[0].port.set(listener[1]);
        holder[0].listening.countDown();
        int s = ws.accept(listener[0], null, null);
        assertNotEquals(INVALID_SOCKET, s, "accept");
        return body.run(ws, s);
      });
      holder[0] = new Server(task, network);
      emu.start();
      return holder[0];
    }

    /** The test thread waits for the port and connects to it. */
    Peer connect() throws Exception {
      if (!listening.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the task never listened");
      }
      return Peer.connect(network, port.get());
    }
  }

  /** Waits until the trace shows {@code task} blocked in {@code function}. */
  static void awaitBlocked(TraceRecorder trace, String function) {
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() ->
        !trace.events(e -> e.kind() == TraceKind.BLOCK && e.name().equals(function)).isEmpty());
  }
}
