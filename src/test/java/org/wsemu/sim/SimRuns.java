package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/** Fixtures for the simulated-network tests: Win16 emulators on the virtual clock. */
final class SimRuns {
  private SimRuns() {}

  /** Two hosts, "client" 10.0.0.1 (where tasks run) and "server" 10.0.0.2, linked with {@code latency}. */
  static SimulatedNetwork.Builder twoHosts(Duration latency) {
    return SimulatedNetwork.builder().host("client", "10.0.0.1").host("server", "10.0.0.2")
        .link(Link.latency(latency));
  }

  /** A Win16, virtual-clock emulator on {@code net}, recording into {@code trace}. */
  static Emulator.Builder emulator(SimulatedNetwork net, TraceRecorder trace) {
    return Emus.builder(SchedulingMode.WIN16).network(net).traceSink(trace);
  }

  /** Runs {@code body} as the only task; returns its exit code. */
  static int run(SimulatedNetwork net, TraceRecorder trace, Emus.AppBody body) throws Exception {
    return Emus.run(emulator(net, trace), body);
  }

  static void startup(WinsockApi ws) {
    assertEquals(0, ws.WSAStartup(0x0101, new WSADATA()), "WSAStartup");
  }

  /** dotted:port as a sockaddr_in. */
  static sockaddr_in at(String dotted, int port) {
    int ip = 0;
    for (String part : dotted.split("\\.")) {
      ip = ip << 8 | Integer.parseInt(part);
    }
    return new sockaddr_in(WinSock.htons(port), WinSock.htonl(ip));
  }

  /** A new stream socket. */
  static int stream(WinsockApi ws) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertNotEquals(INVALID_SOCKET, s, "socket");
    return s;
  }

  /** A stream socket connected (blocking) to dotted:port. */
  static int connected(WinsockApi ws, String dotted, int port) {
    int s = stream(ws);
    assertEquals(0, ws.connect(s, at(dotted, port), sockaddr_in.SIZE), "connect: " + ws.WSAGetLastError());
    return s;
  }

  /** Receives exactly {@code n} bytes (blocking), failing on an error or the end of the stream. */
  static byte[] recvExactly(WinsockApi ws, int s, int n) {
    byte[] data = new byte[n];
    int got = 0;
    while (got < n) {
      int r = ws.recv(s, data, got, n - got, 0);
      if (r <= 0) {
        throw new AssertionError("recv returned " + r + " after " + got + " bytes, error " + ws.WSAGetLastError());
      }
      got += r;
    }
    return data;
  }

  /** Sends all of {@code data} (blocking). */
  static void sendAll(WinsockApi ws, int s, byte[] data) {
    assertEquals(data.length, ws.send(s, data, data.length, 0), "send: " + ws.WSAGetLastError());
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static String ascii(byte[] data) {
    return new String(data, StandardCharsets.US_ASCII);
  }

  /** {@code n} bytes of a recognisable pattern. */
  static byte[] pattern(int n) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    return data;
  }
}
