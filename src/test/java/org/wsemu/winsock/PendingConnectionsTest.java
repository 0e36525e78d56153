package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.WSAENOBUFS;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wsemu.net.NetError;
import org.wsemu.net.NetException;
import org.wsemu.net.TcpEndpoint;

/** Connections taken from the listening endpoint ahead of accept, and accept failures. */
class PendingConnectionsTest {
  private final PendingConnections connections = new PendingConnections();
  private final ScriptedTcpEndpoint listener = new ScriptedTcpEndpoint();
  private final AtomicInteger took = new AtomicInteger();

  @Test
  void aConnectionALookTookIsTheNextAcceptsWithoutAskingTheListenerAgain() {
    TcpEndpoint connection = new ScriptedTcpEndpoint().endpoint;
    listener.answers("accept", connection);
    connections.look(listener.endpoint, took::incrementAndGet);
    assertTrue(connections.waiting());
    assertEquals(1, took.get());
    connections.look(listener.endpoint, took::incrementAndGet);
    assertEquals(1, took.get(), "one waits already: the listener is not asked");
    TcpEndpoint[] taken = new TcpEndpoint[1];
    assertEquals(0, connections.take(listener.endpoint, taken));
    assertSame(connection, taken[0]);
    assertFalse(connections.waiting());
    assertEquals(List.of("accept"), listener.calls());
  }

  @Test
  void withNothingPendingNothingWaitsAndAcceptWouldBlock() {
    listener.answers("accept", null, null);
    connections.look(listener.endpoint, took::incrementAndGet);
    assertFalse(connections.waiting());
    assertEquals(0, took.get());
    TcpEndpoint[] taken = new TcpEndpoint[1];
    assertEquals(EmulatedSocket.WOULD_BLOCK, connections.take(listener.endpoint, taken));
    assertNull(taken[0]);
  }

  @Test
  void aFailedLookCountsAsWaitingAndAcceptReportsTheFailureAsItsError() {
    listener.answers("accept", new NetException(NetError.NO_BUFFERS, "no buffers"),
        new NetException(NetError.NO_BUFFERS, "no buffers"));
    connections.look(listener.endpoint, took::incrementAndGet);
    assertTrue(connections.waiting(), "select and FD_ACCEPT send the program to accept, which reports it");
    assertEquals(-WSAENOBUFS, connections.take(listener.endpoint, new TcpEndpoint[1]));
    assertFalse(connections.waiting());
  }

  @Test
  void connectionsNeverAcceptedAreResetWhenTheListenerCloses() {
    ScriptedTcpEndpoint connection = new ScriptedTcpEndpoint().answers("close", (Object) null);
    listener.answers("accept", connection.endpoint);
    connections.look(listener.endpoint, took::incrementAndGet);
    connections.resetAll();
    assertEquals(List.of("close[true]"), connection.calls());
    assertFalse(connections.waiting());
  }
}
