package org.wsemu.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Figure 1: stream throughput on loopback, 64 KiB buffers. One operation moves {@link #BATCH}
 * bytes from a sender to a receiver: two emulated tasks with pseudo-blocking send and recv (Win16:
 * the default hook, no messages; Win32: no hook), two Win32 tasks with overlapped WSASend and
 * WSARecv ({@link OverlappedPair}), or two threads on a java.net.Socket pair or a
 * blocking SocketChannel pair.
 *
 * <p>JMH drives it: the benchmark thread starts a batch and waits for the receiver to have it all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBench {
  /** Bytes per operation. */
  static final int BATCH = 64 << 20;
  static final int CHUNK = 64 << 10;

  @Param({"wsemu-win16", "wsemu-win32", "wsemu-overlapped", "socket", "nio"})
  public String impl;

  private Pair pair;

  /** One sender and one receiver. */
  interface Pair extends AutoCloseable {
    void batch() throws Exception;
  }

  @Setup
  public void setup() throws Exception {
    pair = switch (impl) {
      case "wsemu-win16" -> new Emulated(SchedulingMode.WIN16);
      case "wsemu-win32" -> new Emulated(SchedulingMode.WIN32);
      case "wsemu-overlapped" -> new OverlappedPair();
      case "socket" -> new Sockets();
      case "nio" -> new Channels();
      default -> throw new IllegalArgumentException("impl: " + impl);
    };
  }

  @TearDown
  public void tearDown() throws Exception {
    pair.close();
  }

  @Benchmark
  public void transfer() throws Exception {
    pair.batch();
  }

  /** Counts received bytes and releases a permit per whole batch. */
  static final class Counter {
    private final Semaphore done = new Semaphore(0);
    private long received;

    void add(int n) {
      received += n;
      while (received >= BATCH) {
        received -= BATCH;
        done.release();
      }
    }

    void await() throws InterruptedException {
      done.acquire();
    }
  }

  /** Two tasks of one emulator. */
  static final class Emulated implements Pair {
    private final Emulator emu;
    private final Task sender;
    private final Counter counter = new Counter();

    Emulated(SchedulingMode mode) throws InterruptedException {
      emu = Loopback.emulator("throughput", mode).build();
      WinsockApi ws = emu.winsock();
      User user = emu.user();
      AtomicInteger port = new AtomicInteger();
      CountDownLatch listening = new CountDownLatch(1);
      CountDownLatch connected = new CountDownLatch(1);
      emu.createTask("receiver", () -> {
        Loopback.startup(ws);
        int l = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
        ws.bind(l, new sockaddr_in(0, WinSock.htonl(WinSock.INADDR_LOOPBACK)), sockaddr_in.SIZE);
        ws.listen(l, 1);
        sockaddr_in name = new sockaddr_in();
        ws.getsockname(l, name, new org.wsemu.winsock.IntRef(sockaddr_in.SIZE));
        port.set(WinSock.ntohs(name.sin_port));
        listening.countDown();
        int s = ws.accept(l, null, null);
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = ws.recv(s, buffer, buffer.length, 0)) > 0) {
          counter.add(n);
        }
        return 0;
      });
      sender = emu.createTask("sender", () -> {
        listening.await();
        Loopback.startup(ws);
        int s = Loopback.connect(ws, port.get());
        connected.countDown(); // a batch posted before this would be taken by the connect's default hook
        byte[] chunk = new byte[CHUNK];
        MSG msg = new MSG();
        while (user.GetMessage(msg, 0, 0, 0) > 0) {
          for (int sent = 0; sent < BATCH; sent += CHUNK) {
            ws.send(s, chunk, CHUNK, 0);
          }
        }
        return ws.closesocket(s);
      });
      emu.start();
      connected.await();
    }

    @Override
    public void batch() throws InterruptedException {
      emu.user().PostAppMessage(sender.handle(), WinUser.WM_USER, 0, 0);
      counter.await();
    }

    @Override
    public void close() {
      emu.close();
    }
  }

  /** Two threads on a java.net.Socket pair. */
  static final class Sockets implements Pair {
    private final Socket[] pair = Loopback.socketPair();
    private final Semaphore go = new Semaphore(0);
    private final Counter counter = new Counter();

    Sockets() throws Exception {
      Loopback.daemon("socket-sender", () -> {
        try {
          OutputStream out = pair[0].getOutputStream();
          byte[] chunk = new byte[CHUNK];
          for (;;) {
            go.acquire();
            for (int sent = 0; sent < BATCH; sent += CHUNK) {
              out.write(chunk);
            }
          }
        } catch (Exception e) {
          // closed
        }
      });
      Loopback.daemon("socket-receiver", () -> {
        try {
          InputStream in = pair[1].getInputStream();
          byte[] buffer = new byte[CHUNK];
          int n;
          while ((n = in.read(buffer)) > 0) {
            counter.add(n);
          }
        } catch (Exception e) {
          // closed
        }
      });
    }

    @Override
    public void batch() throws InterruptedException {
      go.release();
      counter.await();
    }

    @Override
    public void close() throws Exception {
      pair[0].close();
      pair[1].close();
    }
  }

  /** Two threads on a blocking SocketChannel pair. */
  static final class Channels implements Pair {
    private final SocketChannel[] pair = Loopback.channelPair();
    private final Semaphore go = new Semaphore(0);
    private final Counter counter = new Counter();

    Channels() throws Exception {
      Loopback.daemon("nio-sender", () -> {
        try {
          ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
          for (;;) {
            go.acquire();
            for (int sent = 0; sent < BATCH; sent += CHUNK) {
              chunk.clear();
              while (chunk.hasRemaining()) {
                pair[0].write(chunk);
              }
            }
          }
        } catch (Exception e) {
          // closed
        }
      });
      Loopback.daemon("nio-receiver", () -> {
        try {
          ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
          int n;
          while ((n = pair[1].read(buffer)) > 0) {
            counter.add(n);
            buffer.clear();
          }
        } catch (Exception e) {
          // closed
        }
      });
    }

    @Override
    public void batch() throws InterruptedException {
      go.release();
      counter.await();
    }

    @Override
    public void close() throws Exception {
      pair[0].close();
      pair[1].close();
    }
  }
}
