package org.wsemu.winsock;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.wsemu.Emulator;
import org.wsemu.Task;
import org.wsemu.TaskBody;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * The other end of a connection, driven by the test thread: a plain JDK socket, so that data
 * arrives exactly when the test says, after the emulated task is known to be blocked.
 */
final class Peer implements AutoCloseable {
  final Socket socket;

  private Peer(Socket socket) {
    this.socket = socket;
  }

  /** Connects to 127.0.0.1:port. */
  static Peer connect(int port) throws IOException {
    return new Peer(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  InputStream in() throws IOException {
    return socket.getInputStream();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A task of a started emulator plus the port its listener published, for tests that talk to it. */
  static final class Server {
    final Task task;
    private final AtomicInteger port = new AtomicInteger();
    private final CountDownLatch listening = new CountDownLatch(1);

    private Server(Task task) {
      this.task = task;
    }

    /** Creates and starts a task whose body gets a listener port publisher. */
    static Server start(Emulator emu, java.util.function.Function<Server, TaskBody> body) {
      Server[] holder = new Server[1];
      Task task = emu.createTask("server", () -> body.apply(holder[0]).run());
      holder[0] = new Server(task);
      emu.start();
      return holder[0];
    }

    /** Called by the task: its listener is on {@code port}. */
    void listening(int p) {
      port.set(p);
      listening.countDown();
    }

    /** The test thread waits for the port and connects to it. */
    Peer connect() throws Exception {
      if (!listening.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the task never listened");
      }
      return Peer.connect(port.get());
    }
  }

  /** Waits until the trace shows {@code task} blocked in {@code function}. */
  static void awaitBlocked(TraceRecorder trace, String function) {
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() ->
        !trace.events(e -> e.kind() == TraceKind.BLOCK && e.name().equals(function)).isEmpty());
  }
}
