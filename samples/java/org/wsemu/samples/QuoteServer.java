package org.wsemu.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.sim.Peer;

/**
 * The other side of {@link QuoteClient}: a plain JDK server on a loopback port, outside the
 * emulator (or, with {@link #simulated}, a peer of the simulated network), that answers each "QUOTE" request with a quote after a delay, then closes. The delay
 * of each connection is given in order, so one run can be answered in time and the next too late.
 *
 * <p>Thread-safe; one accepting thread and one scheduler thread, both stopped by {@link #close()}.
 */
public final class QuoteServer implements AutoCloseable {
  private static final List<String> QUOTES = List.of(
      "The network is reliable. (Fallacy no. 1)",
      "Latency is zero. (Fallacy no. 2)",
      "There is one administrator. (Fallacy no. 6)");

  private final ServerSocket server;
  private final ScheduledExecutorService delays = new ScheduledThreadPoolExecutor(1, r -> {
    Thread thread = new Thread(r, "quote-server-replies");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Integer> delaysMillis;
  private final AtomicInteger served = new AtomicInteger();
  private final Thread acceptor;

  /** Starts a server on 127.0.0.1 (an ephemeral port) answering connection i after delaysMillis[i]. */
  public QuoteServer(List<Integer> delaysMillis) throws IOException {
    this.delaysMillis = List.copyOf(delaysMillis);
    this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "quote-server");
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
        int delay = delaysMillis.get(Math.min(index, delaysMillis.size() - 1));
        String request = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        String quote = "QUOTE".equals(request) ? QUOTES.get(index % QUOTES.size()) : "unknown request";
        delays.schedule(() -> reply(client, quote), delay, TimeUnit.MILLISECONDS);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void reply(Socket client, String quote) {
    try (client) {
      OutputStream out = client.getOutputStream();
      out.write((quote + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      // the client gave up and closed: nothing to tell it
    }
  }

  /**
   * The same service as a peer of the simulated network: connection i is answered
   * {@code delaysMillis[i]} after its request line arrived, on the emulator's clock.
   */
  public static Peer simulated(List<Integer> delaysMillis) {
    List<Integer> delays = List.copyOf(delaysMillis);
    AtomicInteger served = new AtomicInteger();
    return connection -> {
      int index = served.getAndIncrement();
      int delay = delays.get(Math.min(index, delays.size() - 1));
      StringBuilder request = new StringBuilder();
      return () -> {
        byte[] buf = new byte[64];
        int n;
        while ((n = connection.read(buf, 0, buf.length)) > 0) {
          request.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        int eol = request.indexOf("\r\n");
        if (eol >= 0) {
          String quote = "QUOTE".equals(request.substring(0, eol)) ? QUOTES.get(index % QUOTES.size()) : "unknown request";
          request.setLength(0);
          connection.after(Duration.ofMillis(delay), () -> {
            connection.send((quote + "\r\n").getBytes(StandardCharsets.US_ASCII));
            connection.close();
          });
        }
      };
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    delays.shutdownNow();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
