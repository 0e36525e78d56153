package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.sim.SimConnectTest.HOOK;
import static org.wsemu.sim.SimRuns.ascii;
import static org.wsemu.sim.SimRuns.connected;
import static org.wsemu.sim.SimRuns.sendAll;
import static org.wsemu.sim.SimRuns.startup;
import static org.wsemu.sim.SimRuns.twoHosts;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAECONNRESET;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.User;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.timeval;

/**
 * {@link LinePeer} and the never-answering peers as a Win16 client on the virtual clock sees them:
 * every recv's bytes and the tick count it returned at, with a 20 ms link (so a request line
 * reaches the peer 20 ms after send and an answer comes back 20 ms after it leaves). A blocking
 * call that waited returns {@link SimConnectTest#HOOK} (1 ms) later: the answer to a request sent
 * at +0 is read at +41.
 */
@Timeout(30)
class LinePeerTest {
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final Map<String, List<String>> USERS =
      Map.of("alice", List.of("Login: alice", "Name: Alice"), "bob", List.of("Login: bob"));
  private static final LinePeer.Exchange[] SMTP = {
      LinePeer.Exchange.greeting("220 mail ready"),
      LinePeer.Exchange.on("HELO pc", "250 mail"),
      LinePeer.Exchange.on("QUIT", "221 bye")};

  /**
   * Blocking recvs until the end of the stream or an error, each as "+ms text" (ms after
   * {@code start}, CR and LF shown as \r \n), the last as "+ms end" or "+ms error N".
   */
  static List<String> reads(WinsockApi ws, User user, int s, int start) {
    List<String> seen = new ArrayList<>();
    byte[] buffer = new byte[100];
    for (;;) {
      int n = ws.recv(s, buffer, buffer.length, 0);
      String at = "+" + (user.GetTickCount() - start) + " ";
      if (n == 0) {
        seen.add(at + "end");
        return seen;
      }
      if (n == SOCKET_ERROR) {
        seen.add(at + "error " + ws.WSAGetLastError());
        return seen;
      }
      seen.add(at + ascii(java.util.Arrays.copyOf(buffer, n)).replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  /** Connects to the server's {@code port}, sends {@code request} at once, and returns {@link #reads} from the send. */
  static List<String> ask(Peer peer, int port, String request) throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", port, peer);
    List<String> seen = new ArrayList<>();
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", port);
      int start = user.GetTickCount();
      if (!request.isEmpty()) {
        sendAll(ws, s, ascii(request));
      }
      assertEquals(0, ws.shutdown(s, 1)); // the peer sees the end of the requests
      seen.addAll(reads(ws, user, s, start));
      return ws.closesocket(s);
    });
    return seen;
  }

  @Test
  void aQueryAnswersTheFirstLineThenCloses() throws Exception {
    assertEquals(List.of("+41 Login: alice\\r\\nName: Alice\\r\\n", "+41 end"),
        ask(LinePeer.query(USERS), 79, "alice\r\n"));
  }

  @Test
  void aLineTheScriptDoesNotExpectResetsTheConnection() throws Exception {
    assertEquals(List.of("+41 error " + WSAECONNRESET), ask(LinePeer.query(USERS), 79, "carol\r\n"));
    // HELO is answered, NOOP resets: the answer arrives with the RST, which destroys it
    assertEquals(List.of("+0 220 mail ready\\r\\n", "+41 error " + WSAECONNRESET),
        ask(LinePeer.dialogue(SMTP), 25, "HELO pc\r\nNOOP\r\n"));
  }

  @Test
  void aLineLongerThan64KiBResetsTheConnection() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 79, LinePeer.answering(USERS));
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 79);
      sendAll(ws, s, new byte[LinePeer.MAX_LINE]); // no line end yet: the peer waits
      sendAll(ws, s, new byte[1]);
      // the last byte goes once the window opens, reaches the peer, and the RST comes back
      assertEquals(List.of("+60 error " + WSAECONNRESET), reads(ws, user, s, user.GetTickCount()));
      return ws.closesocket(s);
    });
  }

  @Test
  void aDialogueGreetsAtOnceAnswersInOrderAndClosesAfterTheLastAnswer() throws Exception {
    // the greeting left on accepting (at 20) and was here before connect returned
    assertEquals(List.of("+0 220 mail ready\\r\\n", "+41 250 mail\\r\\n221 bye\\r\\n", "+41 end"),
        ask(LinePeer.dialogue(SMTP), 25, "HELO pc\r\nQUIT\r\n"));
  }

  @Test
  void answeringTakesEveryLineWithTheConfiguredLineEndUntilTheClientCloses() throws Exception {
    assertEquals(List.of("+41 Login: bob\\nLogin: alice\\nName: Alice\\n", "+41 end"),
        ask(LinePeer.answering(USERS).lineEnd("\n"), 79, "bob\nalice\n"));
    // CR LF is not a line end any more: "bob\r" is an unknown line
    assertEquals(List.of("+41 error " + WSAECONNRESET), ask(LinePeer.answering(USERS).lineEnd("\n"), 79, "bob\r\n"));
  }

  @Test
  void aDelayedAnswerLeavesThatLongAfterItsRequestArrived() throws Exception {
    // greeting: accepted at 20, sent at 220, here at 240 (start is 41); answers: request there at
    // 61, answered at 261, here at 281; the client's FIN waits for the answers under way
    assertEquals(List.of("+200 220 mail ready\\r\\n", "+241 250 mail\\r\\n221 bye\\r\\n", "+241 end"),
        ask(LinePeer.dialogue(SMTP).delay(Duration.ofMillis(200)), 25, "HELO pc\r\nQUIT\r\n"));
    assertEquals(List.of("+241 Login: bob\\r\\n", "+241 end"),
        ask(LinePeer.answering(USERS).delay(Duration.ofMillis(200)), 79, "bob\r\n"));
  }

  @Test
  void fragmentsGoOutInTheGivenSizesTheLastRepeatingAGapApart() throws Exception {
    assertEquals(List.of("+41 Login", "+91 : a", "+141 lic", "+191 e\\r\\n", "+241 Nam", "+291 e: ",
            "+341 Ali", "+391 ce\\r", "+441 \\n", "+491 end"),
        ask(LinePeer.query(USERS).fragments(Duration.ofMillis(50), 5, 3), 79, "alice\r\n"));
  }

  @Test
  void closeAfterEndsGracefullyInTheMiddleOfAnAnswer() throws Exception {
    assertEquals(List.of("+41 Login: al", "+41 end"), ask(LinePeer.query(USERS).closeAfter(9), 79, "alice\r\n"));
    assertEquals(List.of("+41 Login", "+91 : al", "+141 end"),
        ask(LinePeer.query(USERS).fragments(Duration.ofMillis(50), 5).closeAfter(9), 79, "alice\r\n"));
    assertEquals(List.of("+0 end"), ask(LinePeer.dialogue(SMTP).closeAfter(0), 25, ""));
  }

  @Test
  void resetAfterEndsAbortivelyInTheMiddleOfAnAnswer() throws Exception {
    // unpaced, the bytes arrive with the RST and are destroyed unread
    assertEquals(List.of("+41 error " + WSAECONNRESET), ask(LinePeer.query(USERS).resetAfter(9), 79, "alice\r\n"));
    // paced, the client reads 12 bytes, and the RST comes a gap after the last piece
    assertEquals(List.of("+41 Login", "+91 : ali", "+141 ce", "+191 error " + WSAECONNRESET),
        ask(LinePeer.query(USERS).fragments(Duration.ofMillis(50), 5).resetAfter(12), 79, "alice\r\n"));
  }

  @Test
  void aSilentPeerAcceptsAndNeverAnswers() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 79, Peers.silent());
    SimRuns.run(net, new TraceRecorder(), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 79);
      sendAll(ws, s, ascii("alice\r\n"));
      int start = user.GetTickCount();
      fd_set read = new fd_set();
      FD_SET(s, read);
      assertEquals(0, ws.select(0, read, null, null, new timeval(5, 0)));
      assertEquals(5000 + HOOK, user.GetTickCount() - start);
      return ws.closesocket(s);
    });
  }

  @Test
  void thePacedAnswerAndTheCutShowInTheTraceAsTheirSegments() throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).traceSegments(true).build();
    net.listen("server", 79, LinePeer.query(USERS).fragments(Duration.ofMillis(50), 5).resetAfter(12));
    TraceRecorder trace = new TraceRecorder();
    SimRuns.run(net, trace, (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 79);
      sendAll(ws, s, ascii("alice\r\n"));
      reads(ws, user, s, 0);
      return ws.closesocket(s);
    });
    // request here at 61; pieces of 5, 5 and 2 bytes 50 ms apart, the RST a gap after the last
    assertEquals(List.of("61 segment 5", "111 segment 5", "161 segment 2", "211 rst abortive close"),
        trace.events(e -> e.kind() == TraceKind.NET && "10.0.0.2:79".equals(e.field("from"))).stream()
            .map(e -> e.time() + " " + e.name() + " " + (e.name().equals("rst") ? e.field("why") : e.field("len")))
            .toList());
  }

  /** Reads up to and with the next CR LF, however it comes in pieces; "" at the end of the stream, "error N" on an error. */
  static String readLine(WinsockApi ws, int s) {
    StringBuilder line = new StringBuilder();
    byte[] one = new byte[1];
    while (!line.toString().endsWith("\r\n")) {
      int n = ws.recv(s, one, 1, 0);
      if (n == SOCKET_ERROR) {
        return line + "error " + ws.WSAGetLastError();
      }
      if (n == 0) {
        return line.toString();
      }
      line.append((char) one[0]);
    }
    return line.toString();
  }

  @World.SimWorlds
  void aClientTalksToADelayedFragmentedDialogueStepByStep(World world) throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 25, LinePeer.dialogue(SMTP).delay(Duration.ofMillis(100)).fragments(Duration.ofMillis(10), 3));
    List<String> seen = new ArrayList<>();
    Emus.run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 25);
      seen.add(readLine(ws, s));
      sendAll(ws, s, ascii("HELO pc\r\n"));
      seen.add(readLine(ws, s));
      sendAll(ws, s, ascii("QUIT\r\n"));
      seen.add(readLine(ws, s));
      seen.add(readLine(ws, s));
      return ws.closesocket(s);
    });
    assertEquals(List.of("220 mail ready\r\n", "250 mail\r\n", "221 bye\r\n", ""), seen);
  }

  @World.SimWorlds
  void aClientSeesTheAnswerCutShortByAGracefulClose(World world) throws Exception {
    SimulatedNetwork net = twoHosts(LATENCY).build();
    net.listen("server", 79, LinePeer.query(USERS).fragments(Duration.ofMillis(10), 4).closeAfter(16));
    List<String> seen = new ArrayList<>();
    Emus.run(world.builder(net), (emu, ws, user) -> {
      startup(ws);
      int s = connected(ws, "10.0.0.2", 79);
      sendAll(ws, s, ascii("alice\r\n"));
      seen.add(readLine(ws, s));
      seen.add(readLine(ws, s));
      return ws.closesocket(s);
    });
    assertEquals(List.of("Login: alice\r\n", "Na"), seen);
  }

  @Test
  void badSettingsAreRefusedNamingTheRule() {
    LinePeer peer = LinePeer.query(USERS);
    assertEquals("a line end must not be empty",
        assertThrows(IllegalArgumentException.class, () -> peer.lineEnd("")).getMessage());
    assertEquals("fragment sizes must be given and positive: []",
        assertThrows(IllegalArgumentException.class, () -> peer.fragments(Duration.ofMillis(1))).getMessage());
    assertEquals("fragment sizes must be given and positive: [4, 0]",
        assertThrows(IllegalArgumentException.class, () -> peer.fragments(Duration.ZERO, 4, 0)).getMessage());
    assertEquals("delay must not be negative: PT-0.001S",
        assertThrows(IllegalArgumentException.class, () -> peer.delay(Duration.ofMillis(-1))).getMessage());
    assertEquals("bytes < 0: -1", assertThrows(IllegalArgumentException.class, () -> peer.resetAfter(-1)).getMessage());
    assertThrows(NullPointerException.class, () -> LinePeer.Exchange.on(null, "x"));
  }
}
