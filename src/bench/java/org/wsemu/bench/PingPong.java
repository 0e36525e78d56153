package org.wsemu.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.winsock.WinsockApi;

/**
 * Figure 2: 1-byte ping-pong round trips against an echo thread on a plain blocking socket: from an
 * emulated task (pseudo-blocking send and recv) and, as the baseline, from a plain thread with a
 * blocking java.net.Socket. Percentiles of the round trip.
 */
final class PingPong {
  private PingPong() {}

  static List<Row> run(BenchMode mode) throws Exception {
    try (ServerSocket echo = Loopback.echoServer()) {
      int port = echo.getLocalPort();
      int n = mode.samples();
      Samples raw = raw(port, n);
      Samples win16 = emulated(SchedulingMode.WIN16, port, n);
      Samples win32 = emulated(SchedulingMode.WIN32, port, n);
      return List.of(
          Row.ratio("2a", "1-byte round trip p50, Win16 task", "us", win16.percentileMicros(50), "raw socket",
              raw.percentileMicros(50), false, 1.5),
          Row.absolute("2b", "1-byte round trip p99, Win16 task", "us", win16.percentileMicros(99), "raw socket",
              raw.percentileMicros(99), "-", true),
          Row.ratio("2c", "1-byte round trip p50, Win32 task", "us", win32.percentileMicros(50), "raw socket",
              raw.percentileMicros(50), false, 1.5),
          Row.absolute("2d", "1-byte round trip p99, Win32 task", "us", win32.percentileMicros(99), "raw socket",
              raw.percentileMicros(99), "-", true));
    }
  }

  private static Samples raw(int port, int n) throws Exception {
    Samples samples = new Samples(n);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < n / 5 + n; i++) {
        long start = System.nanoTime();
        out.write(1);
        if (in.read() < 0) {
          throw new IllegalStateException("echo closed");
        }
        if (i >= n / 5) {
          samples.add(System.nanoTime() - start);
        }
      }
    }
    return samples;
  }

  private static Samples emulated(SchedulingMode mode, int port, int n) throws Exception {
    Samples samples = new Samples(n);
    try (Emulator emu = Loopback.emulator("pingpong", mode).build()) {
      WinsockApi ws = emu.winsock();
      var task = emu.createTask("pinger", () -> {
        Loopback.startup(ws);
        int s = Loopback.connect(ws, port);
        byte[] one = new byte[1];
        for (int i = 0; i < n / 5 + n; i++) {
          long start = System.nanoTime();
          ws.send(s, one, 1, 0);
          if (ws.recv(s, one, 1, 0) != 1) {
            throw new IllegalStateException("recv: " + ws.WSAGetLastError());
          }
          if (i >= n / 5) {
            samples.add(System.nanoTime() - start);
          }
        }
        return ws.closesocket(s);
      });
      emu.start();
      if (!task.join(Duration.ofMinutes(5))) {
        throw new IllegalStateException("ping-pong did not finish");
      }
    }
    return samples;
  }
}
