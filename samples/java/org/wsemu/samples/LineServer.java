package org.wsemu.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.sim.Peer;
import org.wsemu.sim.PeerConnection;

/**
 * The other side of {@link EndpointSession}: a line-oriented server, every line ending with CR LF.
 * It runs as a plain JDK server on a loopback port, outside the emulator, or with
 * {@link #simulated} as a peer of the simulated network. Per connection:
 *
 * <pre>
 *   server: WELCOME to the line server, connection 1
 *   client: LIST
 *   server: line 1 of 3         (each line {@code intervalMillis} after the one before)
 *   server: line 2 of 3
 *   server: line 3 of 3
 *   server: .
 *   client: PUT 1048576         (then that many bytes)
 *   server: OK 1048576 bytes received
 *   client: QUIT
 *   server: BYE                 (and closes)
 * </pre>
 *
 * <p>A connection listed as hanging stops after its "." line: it reads nothing more and sends
 * nothing more, as a server that has hung would, until the client goes or the server closes: the
 * client's upload fills the connection's buffers (a few MiB on loopback) and waits.
 *
 * <p>Thread-safe; one accepting thread and one thread per connection, all stopped by
 * {@link #close()}.
 */
public final class LineServer implements AutoCloseable {
  /** How many lines LIST answers. */
  public static final int LINES = 3;
  /** The receive buffer of each connection on the real network: fixed, so that the operating system does not grow it. */
  static final int RECEIVE_BUFFER = 65536;

  private final ServerSocket server;
  private final List<Boolean> hangs;
  private final int intervalMillis;
  private final AtomicInteger served = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>(); // guarded by itself
  private final List<Socket> clients = new ArrayList<>(); // guarded by threads
  private final Thread acceptor;

  /**
   * Starts a server on 127.0.0.1 (an ephemeral port); connection i (from 0) hangs after its list
   * when {@code hangs.get(i)} (the last entry holds for the connections after), and the lines of
   * a list come {@code intervalMillis} apart.
   *
   * @throws IllegalArgumentException if {@code hangs} is empty or {@code intervalMillis < 0}
   */
  public LineServer(List<Boolean> hangs, int intervalMillis) throws IOException {
    check(hangs, intervalMillis);
    this.hangs = List.copyOf(hangs);
    this.intervalMillis = intervalMillis;
    this.server = new ServerSocket();
    server.setReceiveBufferSize(RECEIVE_BUFFER); // inherited by the accepted sockets
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
    this.acceptor = new Thread(this::acceptLoop, "line-server");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** The port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        int index = served.getAndIncrement();
        Thread thread = new Thread(() -> serve(client, index), "line-server-" + (index + 1));
        thread.setDaemon(true);
        synchronized (threads) {
          threads.add(thread);
          clients.add(client);
        }
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client, int index) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      send(out, "WELCOME to the line server, connection " + (index + 1));
      if (!"LIST".equals(readLine(in))) {
        return;
      }
      for (int i = 1; i <= LINES; i++) {
        if (closed.await(intervalMillis, TimeUnit.MILLISECONDS)) {
          return;
        }
        send(out, "line " + i + " of " + LINES);
      }
      send(out, ".");
      if (hangs(index)) {
        closed.await();                                  // hung: no reading, no sending
        return;
      }
      String put = readLine(in);
      if (put == null || !put.startsWith("PUT ")) {
        return;
      }
      int size = Integer.parseInt(put.substring(4));
      byte[] buf = new byte[RECEIVE_BUFFER];
      for (int left = size, n; left > 0; left -= n) {
        if ((n = in.read(buf, 0, Math.min(left, buf.length))) < 0) {
          return;
        }
      }
      send(out, "OK " + size + " bytes received");
      if ("QUIT".equals(readLine(in))) {
        send(out, "BYE");
      }
    } catch (IOException | NumberFormatException e) {
      // the client went, or sent nonsense: this connection ends
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void check(List<Boolean> hangs, int intervalMillis) {
    if (hangs.isEmpty()) {
      throw new IllegalArgumentException("hangs is empty: say for at least the first connection");
    }
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("intervalMillis < 0: " + intervalMillis);
    }
  }

  private boolean hangs(int index) {
    return hangs.get(Math.min(index, hangs.size() - 1));
  }

  private static void send(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** A line without its CR LF, or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b; (b = in.read()) >= 0; previous = b) {
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
      }
      line.write(b);
    }
    return null;
  }

  /**
   * The same service as a peer of the simulated network, on the emulator's clock: connection i
   * (from 0) hangs after its list when {@code hangs.get(i)}. A peer's receive buffer is the
   * simulated network's default, which a hung connection fills as well.
   *
   * @throws IllegalArgumentException if {@code hangs} is empty or {@code intervalMillis < 0}
   */
  public static Peer simulated(List<Boolean> hangs, int intervalMillis) {
    check(hangs, intervalMillis);
    List<Boolean> copy = List.copyOf(hangs);
    AtomicInteger served = new AtomicInteger();
    return connection -> {
      int index = served.getAndIncrement();
      SimulatedSession session = new SimulatedSession(connection,
          copy.get(Math.min(index, copy.size() - 1)), Duration.ofMillis(intervalMillis));
      session.send("WELCOME to the line server, connection " + (index + 1));
      return session::readable;
    };
  }

  /** One connection of {@link #simulated}: the protocol as a state machine fed by the peer's callbacks. */
  private static final class SimulatedSession {
    private enum Step { LIST, LISTING, PUT, DATA, QUIT, DONE }

    private final PeerConnection connection;
    private final boolean hangs;
    private final Duration interval;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Step step = Step.LIST;
    private int size;
    private int received;

    SimulatedSession(PeerConnection connection, boolean hangs, Duration interval) {
      this.connection = connection;
      this.hangs = hangs;
      this.interval = interval;
    }

    void readable() {
      byte[] buf = new byte[8192];
      while (step != Step.LISTING && step != Step.DONE) {
        if (step == Step.DATA && received < size) {
          int n = connection.read(buf, 0, Math.min(buf.length, size - received));
          if (n <= 0) {
            return;
          }
          received += n;
          if (received == size) {
            send("OK " + size + " bytes received");
            step = Step.QUIT;
          }
          continue;
        }
        String line = nextLine();
        if (line == null) {
          return;
        }
        answer(line);
      }
    }

    private void answer(String line) {
      switch (step) {
        case LIST -> {
          if (!"LIST".equals(line)) {
            end();
            return;
          }
          step = Step.LISTING;
          listLine(1);
        }
        case PUT -> {
          if (!line.startsWith("PUT ")) {
            end();
            return;
          }
          try {
            size = Integer.parseInt(line.substring(4));
          } catch (NumberFormatException e) {
            end();
            return;
          }
          received = 0;
          step = Step.DATA;
          if (size == 0) {
            send("OK 0 bytes received");
            step = Step.QUIT;
          }
        }
        case QUIT -> {
          if ("QUIT".equals(line)) {
            send("BYE");
          }
          end();
        }
        default -> end();
      }
    }

    private void listLine(int i) {
      connection.after(interval, () -> {
        if (i <= LINES) {
          send("line " + i + " of " + LINES);
          listLine(i + 1);
          return;
        }
        send(".");
        if (hangs) {
          step = Step.DONE;                              // hung: no reading, no sending
        } else {
          step = Step.PUT;
          readable();                                    // what came meanwhile
        }
      });
    }

    /** The next line (without CR LF) from what has arrived, or null when no whole line is there. */
    private String nextLine() {
      byte[] one = new byte[1];
      while (connection.read(one, 0, 1) == 1) {
        pending.write(one[0]);
        byte[] bytes = pending.toByteArray();
        int n = bytes.length;
        if (n >= 2 && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
          pending.reset();
          return new String(bytes, 0, n - 2, StandardCharsets.US_ASCII);
        }
      }
      return null;
    }

    void send(String line) {
      connection.send((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void end() {
      step = Step.DONE;
      connection.close();
    }
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
    try {
      acceptor.join(5_000);                              // no connection is added after this
      List<Thread> all;
      synchronized (threads) {
        all = List.copyOf(threads);
        for (Socket client : clients) {
          client.close();                                // ends a read the client left waiting
        }
      }
      for (Thread thread : all) {
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
