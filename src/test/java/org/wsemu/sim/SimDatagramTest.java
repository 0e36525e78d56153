package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.sim.SimRuns.ascii;
import static org.wsemu.sim.SimRuns.at;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.WSAEMSGSIZE;
import static org.wsemu.winsock.WinSock.ntohl;
import static org.wsemu.winsock.WinSock.ntohs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.sockaddr_in;
import org.wsemu.winsock.timeval;

/** UDP on the simulated network: boundaries, truncation, size limit, loss. */
@Timeout(20)
class SimDatagramTest {

  private static SimulatedNetwork.Builder hosts() {
    return SimRuns.twoHosts(Duration.ofMillis(20));
  }

  private static int udp(WinsockApi ws) {
    int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
    assertTrue(s >= 0);
    return s;
  }

  private static void sendTo(WinsockApi ws, int s, byte[] data) {
    assertEquals(data.length, ws.sendto(s, data, data.length, 0, at("10.0.0.2", 7), sockaddr_in.SIZE));
  }

  /** The datagrams that arrive within a second, as text. */
  private static List<String> collect(WinsockApi ws, int s) {
    List<String> got = new ArrayList<>();
    byte[] buffer = new byte[2048];
    for (;;) {
      fd_set read = new fd_set();
      FD_SET(s, read);
      if (ws.select(0, read, null, null, new timeval(1, 0)) == 0) {
        return got;
      }
      int n = ws.recvfrom(s, buffer, buffer.length, 0, null, null);
      got.add(ascii(java.util.Arrays.copyOf(buffer, n)));
    }
  }

  @Test
  void datagramsKeepTheirBoundariesAndSayWhereTheyCameFrom() throws Exception {
    SimulatedNetwork net = hosts().build();
    net.listenDatagrams("server", 7, Peers.datagramEcho());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = udp(ws);
      sendTo(ws, s, new byte[10]);
      sendTo(ws, s, new byte[100]);
      sendTo(ws, s, new byte[1000]);
      byte[] buffer = new byte[4096];
      for (int expected : new int[] {10, 100, 1000}) {
        sockaddr_in from = new sockaddr_in();
        IntRef fromlen = new IntRef(sockaddr_in.SIZE);
        assertEquals(expected, ws.recvfrom(s, buffer, buffer.length, 0, from, fromlen));
        assertEquals(0x0A000002, ntohl(from.sin_addr.s_addr));
        assertEquals(7, ntohs(from.sin_port));
      }
      return ws.closesocket(s);
    });
  }

  @Test
  void aTooSmallBufferTruncatesWithMsgSizeAndLosesTheRest() throws Exception {
    SimulatedNetwork net = hosts().build();
    net.listenDatagrams("server", 7, Peers.datagramEcho());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = udp(ws);
      sendTo(ws, s, ascii("0123456789"));
      sendTo(ws, s, ascii("next"));
      byte[] small = new byte[4];
      assertEquals(SOCKET_ERROR, ws.recvfrom(s, small, small.length, 0, null, null));
      assertEquals(WSAEMSGSIZE, ws.WSAGetLastError());
      assertEquals("0123", ascii(small));
      byte[] buffer = new byte[10];
      assertEquals(4, ws.recvfrom(s, buffer, buffer.length, 0, null, null));
      assertEquals("next", ascii(java.util.Arrays.copyOf(buffer, 4)));
      return ws.closesocket(s);
    });
  }

  @Test
  void theLargestDatagramGoesAndOneByteMoreIsTooLarge() throws Exception {
    SimulatedNetwork net = hosts().build();
    net.listenDatagrams("server", 7, Peers.datagramEcho());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = udp(ws);
      byte[] big = new byte[65508];
      assertEquals(SOCKET_ERROR, ws.sendto(s, big, 65508, 0, at("10.0.0.2", 7), sockaddr_in.SIZE));
      assertEquals(WSAEMSGSIZE, ws.WSAGetLastError());
      assertEquals(65507, ws.sendto(s, big, 65507, 0, at("10.0.0.2", 7), sockaddr_in.SIZE));
      assertEquals(65507, ws.recvfrom(s, big, big.length, 0, null, null));
      return ws.closesocket(s);
    });
  }

  @Test
  void droppedDatagramsAreTracedAndTheOthersArrive() throws Exception {
    SimulatedNetwork net = hosts().build();
    net.listenDatagrams("server", 7, Peers.datagramEcho());
    net.dropDatagrams("client", "server", 2);
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = udp(ws);
      sendTo(ws, s, ascii("one"));
      sendTo(ws, s, ascii("two"));
      sendTo(ws, s, ascii("three"));
      assertEquals(List.of("three"), collect(ws, s));
      return ws.closesocket(s);
    });
    assertEquals(List.of("drop-datagrams", "drop", "drop"),
        trace.events(e -> e.kind() == TraceKind.FAULT).stream().map(e -> e.name()).toList());
  }

  /** How many of 40 datagrams come back over a link losing half of them, with {@code seed}. */
  private static int survivors(long seed) throws Exception {
    SimulatedNetwork net = SimulatedNetwork.builder().seed(seed).host("client", "10.0.0.1")
        .host("server", "10.0.0.2").link(Link.latency(Duration.ofMillis(5)).withDatagramLoss(0.5)).build();
    net.listenDatagrams("server", 7, Peers.datagramEcho());
    int[] count = new int[1];
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = udp(ws);
      for (int i = 0; i < 40; i++) {
        sendTo(ws, s, ascii("d" + i));
      }
      count[0] = collect(ws, s).size();
      return ws.closesocket(s);
    });
    return count[0];
  }

  @Test
  void lossIsDrawnFromTheSeedSoTheSameSeedLosesTheSameDatagrams() throws Exception {
    int first = survivors(11);
    assertEquals(first, survivors(11));
    assertTrue(first > 0 && first < 40, "both ways at 50%: " + first);
  }
}
